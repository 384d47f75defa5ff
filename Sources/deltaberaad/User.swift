import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// `deltaberaad user`: accounts. The first admin is made here; there are no default passwords.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage accounts: add, list, disable, enable, reset-password.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self])

    /// Reads a new password: from standard input when it is not a terminal (one line), else asked twice without echo.
    static func readNewPassword() throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 0 {
            password = (readLine(strippingNewline: true) ?? "")
        } else {
            guard let first = getpass("New password: ").map({ String(cString: $0) }),
                  let second = getpass("Repeat it: ").map({ String(cString: $0) }) else { throw CLIError("cli.user.noPassword") }
            guard first == second else { throw CLIError("cli.user.passwordsDiffer") }
            password = first
        }
        if let problem = Passwords.problem(with: password) { throw CLIError("cli.user.passwordRefused", ["reason": CLIText.labels.passwordProblem(problem)]) }
        return password
    }


    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account; the password is read from standard input (or asked for on a terminal).")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Username: lower-case letters, digits, . - _ (2–40).") var username: String
        @Option(help: "The person's name as pages show it.") var name: String
        @Option(help: "Delegation: NL, BE, or another code such as DE or sector.") var delegation: String
        @Option(help: "admin, editor or reader.") var role: String = "reader"
        @Option(help: "Bodies an editor may edit (comma-separated ids).") var bodies: String = ""
        @Option(help: "Dossiers an editor may edit (comma-separated ids).") var dossiers: String = ""
        @Option(help: "The person's organisation (id).") var organisation: String?
        @Option(help: "bcrypt cost (10–15).") var cost: UInt8 = 12

        func run() async throws {
            let username = username.lowercased()
            guard Account.isValidUsername(username) else { throw CLIError("cli.user.badUsername", ["name": username]) }
            guard Account.isValidDelegation(delegation) else { throw CLIError("cli.user.badDelegation", ["code": delegation]) }
            guard let role = Role(rawValue: role) else { throw CLIError("cli.user.badRole") }
            guard (4...15).contains(cost) else { throw CLIError("cli.user.badCost") }
            let account = Account(id: username, displayName: name, organisationID: organisation, delegation: delegation.count <= 3 ? delegation.uppercased() : delegation,
                                  role: role, editsBodyIDs: list(bodies), editsDossierIDs: list(dossiers))
            let hash = try await Passwords.hash(try User.readNewPassword(), cost: cost)
            let engine = try await openRegister(database)
            do {
                try await engine.transaction { db in
                    let register = Register(db: db, scope: .everything)
                    for body in account.editsBodyIDs where try await register.body(id: body) == nil { throw CLIError("cli.noBody", ["id": body]) }
                    for dossier in account.editsDossierIDs where try await register.dossier(id: dossier) == nil { throw CLIError("cli.noDossier", ["id": dossier]) }
                    if let organisation = account.organisationID, try await register.organisation(id: organisation) == nil {
                        throw CLIError("cli.noOrganisation", ["id": organisation])
                    }
                    try await AccountStore(db: db).create(account, passwordHash: hash)
                    try await AuditLog(db: db).append(actor: .commandLine, kind: "account", id: account.id, action: "create",
                                                      changes: FieldChange.between(nil as Account?, account))
                }
            } catch {
                await engine.shutdown()
                throw error
            }
            await engine.shutdown()
            say("cli.user.added", ["id": account.id, "role": role.rawValue, "delegation": account.delegation])
        }

        private func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let engine = try await openRegister(database)
            let accounts = try await engine.read { db in try await AccountStore(db: db).accounts() }
            await engine.shutdown()
            for account in accounts {
                let scope = (account.editsBodyIDs.map { "body:\($0)" } + account.editsDossierIDs.map { "dossier:\($0)" }).joined(separator: ",")
                print([account.id, account.role.rawValue, account.delegation, account.displayName, scope, account.disabled ? "disabled" : "active"]
                    .joined(separator: "\t"))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        func run() async throws { try await setDisabled(database, username, true) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        func run() async throws { try await setDisabled(database, username, false) }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new password (read like `add` does) and end the account's sessions.")
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        @Option(help: "bcrypt cost (10–15).") var cost: UInt8 = 12

        func run() async throws {
            let hash = try await Passwords.hash(try User.readNewPassword(), cost: cost)
            let engine = try await openRegister(database)
            let id = username.lowercased()
            do {
                try await engine.transaction { db in
                    try await AccountStore(db: db).setPasswordHash(accountID: id, hash)
                    try await AuditLog(db: db).append(actor: .commandLine, kind: "account", id: id, action: "reset-password",
                                                      changes: [FieldChange(field: "password", before: "(hidden)", after: "(new)")])
                }
            } catch {
                await engine.shutdown()
                throw error
            }
            await engine.shutdown()
            say("cli.user.passwordReset", ["id": id])
        }
    }
}

private func setDisabled(_ database: DatabaseOptions, _ username: String, _ disabled: Bool) async throws {
    let engine = try await openRegister(database)
    let id = username.lowercased()
    do {
        try await engine.transaction { db in
            let store = AccountStore(db: db)
            guard var account = try await store.account(id: id) else { throw CLIError("cli.user.noAccount", ["id": id]) }
            let before = account
            account.disabled = disabled
            try await store.update(account)
            try await AuditLog(db: db).append(actor: .commandLine, kind: "account", id: id, action: disabled ? "disable" : "enable",
                                              changes: FieldChange.between(before, account))
        }
    } catch {
        await engine.shutdown()
        throw error
    }
    await engine.shutdown()
    say(disabled ? "cli.user.disabled" : "cli.user.enabled", ["id": id])
}

extension AuditActor {
    /// The person at the command line.
    static var commandLine: AuditActor { AuditActor(name: "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")", via: "cli") }
}
