import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// `deltaberaad user`: accounts. The first admin is made here; there are no default passwords.
struct User: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLIText.labels.text("cli.help.user1"),
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
        do {
            try AccountOperations.checkPassword(password)
        } catch let refused as AccountOperations.PasswordRefused {
            throw CLIError("cli.user.passwordRefused", ["reason": CLIText.labels.passwordProblem(refused.problem)])
        }
        return password
    }


    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: CLIText.labels.text("cli.help.user2"))
        @OptionGroup var database: DatabaseOptions
        @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.user3"))) var username: String
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user4"))) var name: String
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user5"))) var delegation: String
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user6"))) var role: String = "reader"
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user7"))) var bodies: String = ""
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user8"))) var dossiers: String = ""
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user9"))) var organisation: String?
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user10"))) var cost: UInt8 = 12

        func run() async throws {
            let username = username.lowercased()
            let accountRole = try checked { try AccountOperations.validate(username: username, delegation: delegation, role: role, cost: cost) }
            let account = Account(id: username, displayName: name, organisationID: organisation, delegation: delegation.count <= 3 ? delegation.uppercased() : delegation,
                                  role: accountRole, editsBodyIDs: list(bodies), editsDossierIDs: list(dossiers))
            let hash = try await Passwords.hash(try User.readNewPassword(), cost: cost)
            try await withRegister(database) { engine in
                try await refusals { try await AccountOperations(engine: engine, actor: .commandLine).add(account, passwordHash: hash) }
            }
            say("cli.user.added", ["id": account.id, "role": accountRole.rawValue, "delegation": account.delegation])
        }

        private func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.user11"))
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
        static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.user12"))
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        func run() async throws { try await setDisabled(database, username, true) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.user13"))
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        func run() async throws { try await setDisabled(database, username, false) }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: CLIText.labels.text("cli.help.user14"))
        @OptionGroup var database: DatabaseOptions
        @Argument var username: String
        @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.user15"))) var cost: UInt8 = 12

        func run() async throws {
            let hash = try await Passwords.hash(try User.readNewPassword(), cost: cost)
            let id = username.lowercased()
            try await withRegister(database) { engine in
                try await refusals { try await AccountOperations(engine: engine, actor: .commandLine).resetPassword(id, passwordHash: hash) }
            }
            say("cli.user.passwordReset", ["id": id])
        }
    }
}

private func setDisabled(_ database: DatabaseOptions, _ username: String, _ disabled: Bool) async throws {
    let id = username.lowercased()
    try await withRegister(database) { engine in
        try await refusals { try await AccountOperations(engine: engine, actor: .commandLine).setDisabled(id, disabled) }
    }
    say(disabled ? "cli.user.disabled" : "cli.user.enabled", ["id": id])
}

/// Runs `body` on the register, closing it afterwards also when `body` throws.
private func withRegister(_ database: DatabaseOptions, _ body: (any DatabaseEngine) async throws -> Void) async throws {
    let engine = try await openRegister(database)
    do {
        try await body(engine)
    } catch {
        await engine.shutdown()
        throw error
    }
    await engine.shutdown()
}

/// An operation's refusal as the command line says it, in its language.
private func refusals<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let refusal as OperationError {
        throw CLIError(refusal.key, refusal.arguments)
    }
}

/// The same for checks that need no database.
private func checked<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let refusal as OperationError {
        throw CLIError(refusal.key, refusal.arguments)
    }
}

extension AuditActor {
    /// The person at the command line.
    static var commandLine: AuditActor { AuditActor(name: "cli:\(ProcessInfo.processInfo.environment["USER"] ?? "unknown")", via: "cli") }
}
