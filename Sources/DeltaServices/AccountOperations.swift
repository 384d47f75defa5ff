import DeltaDomain
import DeltaStore
import Foundation

/// Managing accounts and passwords — adding an account, disabling and enabling it, setting a
/// new password — with their rules: valid names and delegation codes, bodies, dossiers and
/// organisations that exist, acceptable passwords, and an audit entry for every change. The
/// command line and the web call these; refusals are `OperationError`s with catalogue keys.
package struct AccountOperations: Sendable {
    let engine: any DatabaseEngine
    /// Who acts, for the audit log.
    let actor: AuditActor

    package init(engine: any DatabaseEngine, actor: AuditActor) {
        self.engine = engine
        self.actor = actor
    }

    /// Checks a new password before it is hashed.
    package static func checkPassword(_ password: String) throws {
        if let problem = Passwords.problem(with: password) { throw PasswordRefused(problem: problem) }
    }

    /// A password refused for a reason the caller words (`Labels.passwordProblem`).
    package struct PasswordRefused: Error, Sendable {
        package let problem: PasswordProblem
    }

    /// Checks what can be checked without the register: name, delegation code, role, cost.
    package static func validate(username: String, delegation: String, role: String, cost: UInt8) throws -> Role {
        guard Account.isValidUsername(username) else { throw OperationError(.invalid, "cli.user.badUsername", ["name": username]) }
        guard Account.isValidDelegation(delegation) else { throw OperationError(.invalid, "cli.user.badDelegation", ["code": delegation]) }
        guard let role = Role(rawValue: role) else { throw OperationError(.invalid, "cli.user.badRole") }
        guard (4...15).contains(cost) else { throw OperationError(.invalid, "cli.user.badCost") }
        return role
    }

    /// Adds an account with a password already hashed, after checking that what it names exists.
    package func add(_ account: Account, passwordHash: String) async throws {
        let actor = actor
        try await engine.transaction { db in
            let register = Register(db: db, scope: .everything)
            for body in account.editsBodyIDs where try await register.body(id: body) == nil {
                throw OperationError(.notFound, "cli.noBody", ["id": body])
            }
            for dossier in account.editsDossierIDs where try await register.dossier(id: dossier) == nil {
                throw OperationError(.notFound, "cli.noDossier", ["id": dossier])
            }
            if let organisation = account.organisationID, try await register.organisation(id: organisation) == nil {
                throw OperationError(.notFound, "cli.noOrganisation", ["id": organisation])
            }
            try await AccountStore(db: db).create(account, passwordHash: passwordHash)
            try await AuditLog(db: db).append(actor: actor, kind: "account", id: account.id, action: "create",
                                              changes: FieldChange.between(nil as Account?, account))
        }
    }

    /// Disables or enables an account (disabling ends its sessions).
    package func setDisabled(_ id: String, _ disabled: Bool) async throws {
        let actor = actor
        try await engine.transaction { db in
            let store = AccountStore(db: db)
            guard var account = try await store.account(id: id) else { throw OperationError(.notFound, "cli.user.noAccount", ["id": id]) }
            let before = account
            account.disabled = disabled
            try await store.update(account)
            try await AuditLog(db: db).append(actor: actor, kind: "account", id: id, action: disabled ? "disable" : "enable",
                                              changes: FieldChange.between(before, account))
        }
    }

    /// Sets a new password (already hashed) and ends the account's sessions.
    package func resetPassword(_ id: String, passwordHash: String) async throws {
        let actor = actor
        try await engine.transaction { db in
            let store = AccountStore(db: db)
            guard try await store.account(id: id) != nil else { throw OperationError(.notFound, "cli.user.noAccount", ["id": id]) }
            try await store.setPasswordHash(accountID: id, passwordHash)
            try await AuditLog(db: db).append(actor: actor, kind: "account", id: id, action: "reset-password",
                                              changes: [FieldChange(field: "password", before: "(hidden)", after: "(new)")])
        }
    }
}
