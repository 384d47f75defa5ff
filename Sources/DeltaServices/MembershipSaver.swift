import DeltaDomain
import DeltaStore
import Foundation

/// Changes a body's member list. Memberships are rows of their body without ids of their own, so
/// the list is versioned as a whole: its fingerprint plays the part of a version, and a save over a
/// list that changed meanwhile is a conflict, never a silent overwrite.
package struct MembershipSaver: Sendable {
    let engine: any DatabaseEngine

    package init(engine: any DatabaseEngine) { self.engine = engine }

    /// The version of a member list.
    package static func version(of members: [Membership]) -> EntityVersion {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Fingerprint.of([String(decoding: (try? encoder.encode(members)) ?? Data(), as: UTF8.self)])
    }

    /// What an edit sees: the stored list and the ids of the organisations it may name. It
    /// returns the new list, or nil with the messages per field in `errors`.
    package typealias Edit = @Sendable (_ members: [Membership], _ organisationIDs: Set<String>, _ errors: inout [String: String]) -> [Membership]?

    /// Reads the list, checks rights and the version, applies `edit` and writes the result
    /// (audited), all in one transaction.
    package func change(bodyID: String, expected: EntityVersion?, account: Account, actor: AuditActor, scope: ReadScope,
                        _ edit: Edit) async throws -> SaveResult<[Membership]> {
        try await engine.transaction { db in
            let register = Register(db: db, scope: scope)
            guard let body = try await register.body(id: bodyID) else { throw OperationError.notFound(kind: "body", id: bodyID) }
            guard AccessRules.mayEdit(account, body.placement) else { throw OperationError.forbidden }
            let members = try await register.memberships(bodyID: bodyID)
            let organisations = Set(try await register.organisations().map(\.id))
            var errors: [String: String] = [:]
            guard let changed = edit(members, organisations, &errors), errors.isEmpty else { return .invalid(errors) }
            let current = Self.version(of: members)
            guard current == expected else { return .conflict(current: members, version: current, changedBy: nil) }
            try await MembershipWriter(db: db, actor: actor).replace(bodyID: bodyID, with: changed, before: members)
            return .saved(changed, version: Self.version(of: changed))
        }
    }
}
