import DeltaDomain
import Foundation
import SQLKit
import Synchronization

extension Register {
    /// Whether this reader is shown public records only (anonymous visitors, open data): then a
    /// record hanging on a hidden one is left out and references to hidden records are removed
    /// (`ShownRecords`). Officials' scopes keep the references they cannot see, because their
    /// edit forms are filled from these reads and saving must not drop them.
    var showsOnlyPublic: Bool { !scope.allows(.internal) && !scope.allows(.delegationPrivate) }

    /// The records this reader is shown (see `ShownRecords`), in one statement over every table,
    /// read once per register view (and remembered per register version, `ReadMemo`).
    public func shownRecords() async throws -> ShownRecords {
        try await shownCache.value { [self] in try await remembered(StoreRead.shownRecords) { try await readShownRecords() } }
    }

    /// What each record of the scope needs, as the statement reads it: an agreement its document,
    /// a meeting its body, an investment its organisation, a milestone one of its dossiers (or
    /// nothing without any), a goal its parent, an indicator its goal, a complete agreement one
    /// piece of its evidence. Documents, bodies, organisations and dossiers need nothing, so the
    /// needs on them are checked by the statement itself (a visible row of that table is a shown
    /// record); only goals, indicators and evidence are left to `ShownRecords`.
    ///
    /// Why in the statement: at a thousand times the demo, 110 000 agreements, meetings,
    /// investments and milestones came back with their needs, one row per milestone and dossier,
    /// and gathering and resolving those needs was most of the 1.4 s this read took on the first
    /// page after a start.
    private func readShownRecords() async throws -> ShownRecords {
        let v = scope.rawValues
        let query: SQLQueryString = """
            SELECT 'organisation' AS t, id, CAST(NULL AS TEXT) AS need_t, CAST(NULL AS TEXT) AS need_id, CAST(NULL AS TEXT) AS extra FROM organisations WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'document', id, NULL, NULL, NULL FROM documents WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'body', id, NULL, NULL, NULL FROM bodies WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'dossier', id, NULL, NULL, NULL FROM dossiers WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'allocationRegime', id, NULL, NULL, NULL FROM allocation_regimes WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'railLink', id, NULL, NULL, NULL FROM rail_links WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'obstacle', id, NULL, NULL, NULL FROM obstacles WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'agreement', id, NULL, NULL, CASE WHEN completion = 'complete' THEN evidence_json END FROM agreements \
            WHERE visibility IN (\(binds: v)) AND document_id IN (SELECT id FROM documents WHERE visibility IN (\(binds: v))) \
            UNION ALL SELECT 'meeting', id, NULL, NULL, NULL FROM meetings \
            WHERE visibility IN (\(binds: v)) AND body_id IN (SELECT id FROM bodies WHERE visibility IN (\(binds: v))) \
            UNION ALL SELECT 'investment', id, NULL, NULL, NULL FROM investments \
            WHERE visibility IN (\(binds: v)) AND organisation_id IN (SELECT id FROM organisations WHERE visibility IN (\(binds: v))) \
            UNION ALL SELECT 'goal', id, 'goal', parent_id, NULL FROM goals WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'indicator', id, 'goal', goal_id, NULL FROM indicators WHERE visibility IN (\(binds: v)) \
            UNION ALL SELECT 'milestone', m.id, NULL, NULL, NULL FROM milestones m WHERE m.visibility IN (\(binds: v)) \
            AND (NOT EXISTS (SELECT 1 FROM milestone_dossiers l WHERE l.milestone_id = m.id) \
            OR EXISTS (SELECT 1 FROM milestone_dossiers l JOIN dossiers d ON d.id = l.dossier_id \
            WHERE l.milestone_id = m.id AND d.visibility IN (\(binds: v))))
            """
        // Decoded as the rows come (`fold`): at a thousand times the demo they are 200 000. A
        // record that needs nothing goes straight into its kind's set (`ShownRecords.init(free:needs:)`).
        let read = try await db.raw(query).fold(into: ShownReading()) { reading, row in
            guard let kind = RecordKind(rawValue: try row.decode(column: "t", as: String.self)) else { return }
            let id = try row.decode(column: "id", as: String.self)
            var groups: [[ShownRecords.Key]] = []
            if let need = try row.decode(column: "need_id", as: String?.self),
               let needKind = try row.decode(column: "need_t", as: String?.self).flatMap(RecordKind.init(rawValue:)) {
                groups.append([.init(needKind, need)])
            }
            if let evidence = try row.decode(column: "extra", as: String?.self),
               let needs = ShownRecords.evidenceNeeds(try JSONColumn.decodeList(Evidence.self, evidence, column: "evidence_json")) {
                groups.append(needs)
            }
            if groups.isEmpty { reading.free[kind, default: []].insert(id) } else { reading.needs[.init(kind, id), default: []].append(contentsOf: groups) }
        }
        return ShownRecords(free: read.free, needs: read.needs)
    }

    /// The shown-records statement's rows as they are read: the records that need nothing, and
    /// the others' needs.
    private struct ShownReading: Sendable {
        var free: [RecordKind: Set<String>] = [:]
        var needs: [ShownRecords.Key: [[ShownRecords.Key]]] = [:]
    }

    /// Agendas, outcomes and minutes as this reader is shown them (one statement more for a
    /// public-only reader: what is shown).
    public func meetingStore() async throws -> MeetingStore {
        MeetingStore(db: db, shown: showsOnlyPublic ? try await shownRecords() : nil)
    }

    /// The records as this reader is shown them (all of them, unchanged, for officials).
    func showing<R>(_ records: [R], _ rule: (ShownRecords) -> (R) -> R?) async throws -> [R] {
        guard showsOnlyPublic, !records.isEmpty else { return records }
        let shown = try await shownRecords()
        return records.compactMap(rule(shown))
    }

    /// The records as this reader is shown them; the array itself when none is left out or
    /// changed (`Array.kept`).
    func showing<R: Equatable>(_ records: [R], _ rule: (ShownRecords) -> (R) -> R?) async throws -> [R] {
        guard showsOnlyPublic, !records.isEmpty else { return records }
        let shown = try await shownRecords()
        return records.kept(rule(shown))
    }

    /// One record as this reader is shown it; nil when it is not shown.
    func showing<R>(_ record: R?, _ rule: (ShownRecords) -> (R) -> R?) async throws -> R? {
        guard let record else { return nil }
        return try await showing([record], rule).first
    }
}
