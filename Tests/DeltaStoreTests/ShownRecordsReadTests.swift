import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Testing

@Suite("What the public is shown, as the store reads it")
struct ShownRecordsReadTests {
    /// Every record of the snapshot as a candidate with what it needs, as `ShownRecords` states the
    /// rule, written out here record by record so that the store's statement (which checks the
    /// needs on documents, bodies, organisations and dossiers itself) is compared with the rule,
    /// not with itself.
    static func candidates(_ all: RegisterSnapshot, scope: ReadScope) -> [ShownRecords.Candidate] {
        var result: [ShownRecords.Candidate] = []
        func add(_ kind: RecordKind, _ id: String, _ visibility: Visibility, _ needs: [[ShownRecords.Key]] = []) {
            if scope.allows(visibility) { result.append(.init(kind: kind, id: id, needs: needs)) }
        }
        all.organisations.forEach { add(.organisation, $0.id, $0.visibility) }
        all.documents.forEach { add(.document, $0.id, $0.visibility) }
        all.bodies.forEach { add(.body, $0.id, $0.visibility) }
        all.dossiers.forEach { add(.dossier, $0.id, $0.visibility) }
        all.allocationRegimes.forEach { add(.allocationRegime, $0.id, $0.visibility) }
        all.railLinks.forEach { add(.railLink, $0.id, $0.visibility) }
        all.obstacles.forEach { add(.obstacle, $0.id, $0.visibility) }
        for agreement in all.agreements {
            var needs: [[ShownRecords.Key]] = [[.init(.document, agreement.source.documentID)]]
            if agreement.completion == .complete, let evidence = ShownRecords.evidenceNeeds(agreement.evidence) { needs.append(evidence) }
            add(.agreement, agreement.id, agreement.visibility, needs)
        }
        all.meetings.forEach { add(.meeting, $0.id, $0.visibility, [[.init(.body, $0.bodyID)]]) }
        all.investments.forEach { add(.investment, $0.id, $0.visibility, [[.init(.organisation, $0.organisationID)]]) }
        all.goals.forEach { add(.goal, $0.id, $0.visibility, $0.parentID.map { [[.init(.goal, $0)]] } ?? []) }
        all.indicators.forEach { add(.indicator, $0.id, $0.visibility, [[.init(.goal, $0.goalID)]]) }
        all.milestones.forEach { add(.milestone, $0.id, $0.visibility, $0.dossierIDs.isEmpty ? [] : [$0.dossierIDs.map { .init(.dossier, $0) }]) }
        return result
    }

    @Test("the records the statement shows are those the rule shows, for every kind, with hidden parents of every kind",
          arguments: allEngines)
    func sameAsTheRule(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            let engine = database.engine
            _ = try await Importer.run(files: [TestPaths.hiddenRecordsFixture], engine: engine)
            let all = try await snapshot(engine)
            for scope in [ReadScope.publicOnly, ReadScope(visibilities: [.public, .internal])] {
                let read = try await reading(engine, scope: scope) { try await $0.shownRecords() }
                let rule = ShownRecords(candidates: Self.candidates(all, scope: scope))
                var compared = 0, hidden = 0
                for candidate in Self.candidates(all, scope: .everything) {
                    #expect(read.contains(candidate.kind, candidate.id) == rule.contains(candidate.kind, candidate.id),
                            "\(candidate.kind) \(candidate.id) for \(scope)")
                    compared += 1
                    if !rule.contains(candidate.kind, candidate.id) { hidden += 1 }
                }
                #expect(compared > 50)
                #expect(hidden >= 10, "the fixture hides records of many kinds from \(scope)")
            }
            // Public records left out because what they hang on is hidden, one per kind that needs another.
            let publicRead = try await reading(engine, scope: .publicOnly) { try await $0.shownRecords() }
            for (kind, id) in [(RecordKind.agreement, "zzhide-agr"), (.milestone, "zzhide-ms"), (.goal, "zzhide-measure"), (.indicator, "zzhide-ind"),
                               (.agreement, "zzhide-agr-evidence"), (.investment, "zzhide-inv"), (.meeting, "zzhide-meeting")] {
                #expect(!publicRead.contains(kind, id), "\(kind) \(id)")
            }
            #expect(publicRead.contains(.milestone, "pub-ms"))
            #expect(publicRead.contains(.milestone, "pub-ms-shared"), "one shown dossier of two is enough")
        }
    }
}
