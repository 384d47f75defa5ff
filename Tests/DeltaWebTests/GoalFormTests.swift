import DeltaDomain
import DeltaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The goal tree is edited like every other record: nodes keep the tree's shape, indicators read
/// their measured values line by line, and a refused form writes nothing.
@Suite("Goal and indicator forms")
struct GoalFormTests {
    static let document = "kamerbrief-goederen-2026"
    static let quote = "toekomstbestendig gebruik van Kijfhoek (€30 miljoen)"

    static func goalFields(_ extra: [String: String]) -> [String: String] {
        var fields = ["id": "test-maatregel", "level": "measure", "parentID": "prioriteit-2-corridors", "title": "Kijfhoek toekomstbestendig",
                      "description": "", "dossierIDs": "kijfhoek", "agreementIDs": "", "documentID": "", "quote": "",
                      "visibility": "public", "version": "0"]
        fields.merge(extra) { _, new in new }
        return fields
    }

    static func indicatorFields(_ extra: [String: String]) -> [String: String] {
        var fields = ["id": "test-indicator", "goalID": "maatregel-740-meter-treinen", "title": "Treinlengte", "unit": "meter",
                      "baselineValue": "650", "baselineDate": "2024-12-31", "targetValue": "740", "targetDate": "",
                      "readings": "", "visibility": "public", "version": "0"]
        fields.merge(extra) { _, new in new }
        return fields
    }

    static func goals(_ engine: any DatabaseEngine) async throws -> [Goal] {
        try await engine.read { db in try await Register(db: db, scope: .everything).goals() }
    }

    @Test("a node is checked field by field: parent, nesting, cycles, dossiers, agreements and passage; nothing is half-written")
    func goalValidation() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let before = try await Self.goals(engine)
            let cases: [(fields: [String: String], field: String, words: String)] = [
                (["parentID": "geen-doel"], "parentID", "geen-doel"),
                (["parentID": "spoorgoederen-structureel-versterken"], "parentID", "valt onder een prioriteit"),
                (["level": "priority", "parentID": "prioriteit-1-betrouwbaar"], "parentID", "valt onder een doel"),
                (["level": "goal", "parentID": "prioriteit-1-betrouwbaar"], "parentID", "bovenaan"),
                (["parentID": ""], "parentID", "Kies de prioriteit"),
                (["level": "tak"], "level", "tak"),
                (["dossierIDs": "kijfhoek, geen-dossier"], "dossierIDs", "geen-dossier"),
                (["agreementIDs": "geen-afspraak"], "agreementIDs", "geen-afspraak"),
                (["documentID": Self.document, "quote": "Dit staat nergens."], "quote", "niet letterlijk"),
                (["quote": Self.quote], "documentID", "Kies het document"),
                (["title": String(repeating: "x", count: 301)], "title", "300"),
                (["description": String(repeating: "x", count: 4_001)], "description", "4.000"),
            ]
            for (fields, field, words) in cases {
                let refused = try await root.post("/goals/new", Self.goalFields(fields))
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.text.contains("id=\"e-\(field)\""), "\(fields) → \(field)")
                #expect(refused.text.contains(words), "\(fields) → “\(words)”")
            }
            // The tree keeps its shape on edit: under itself, under its own measure, or a level its children no longer fit.
            let goal = try #require(before.first { $0.id == "prioriteit-1-betrouwbaar" })
            var edit = Self.goalFields(["level": "priority", "parentID": "prioriteit-1-betrouwbaar", "version": "1", "dossierIDs": ""])
            edit["id"] = nil
            let itself = try await root.post("/goals/\(goal.id)/edit", edit)
            #expect(itself.status == .unprocessableContent)
            #expect(itself.text.contains("niet onder zichzelf"))
            edit["level"] = "goal"; edit["parentID"] = ""
            let children = try await root.post("/goals/\(goal.id)/edit", edit)
            #expect(children.status == .unprocessableContent)
            #expect(children.text.contains("id=\"e-level\""))
            edit = ["level": "priority", "parentID": "prioriteit-1-betrouwbaar", "title": "Boven", "visibility": "public", "version": "1"]
            let cycle = try await root.post("/goals/spoorgoederen-structureel-versterken/edit", edit)
            #expect(cycle.status == .unprocessableContent)
            #expect(cycle.text.contains("valt onder dit onderdeel"))
            #expect(try await Self.goals(engine) == before, "nothing half-written")
        }
    }

    @Test("a saved node returns to its row of the tree, the form shows it again, and the tree links its edit form")
    func goalRoundTrip() async throws {
        try await withAccountsApp { client, engine in
            let anna = Browser(client)
            try await anna.signIn("anna")
            let agreement = try await engine.read { db in try #require(try await Register(db: db, scope: .everything).agreements().first { $0.visibility == .public }?.id) }
            let saved = try await anna.post("/goals/new", Self.goalFields([
                "description": "Uit de Kamerbrief.", "agreementIDs": agreement, "documentID": Self.document, "quote": Self.quote,
            ]))
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            #expect(saved.headers[.location] == "/goals#test-maatregel")
            let stored = try #require(try await Self.goals(engine).first { $0.id == "test-maatregel" })
            #expect(stored.parentID == "prioriteit-2-corridors" && stored.level == .measure && stored.dossierIDs == ["kijfhoek"])
            #expect(stored.agreementIDs == [agreement])
            #expect(stored.source?.documentID == Self.document && stored.source?.quote == Self.quote)
            let form = try await anna.get("/goals/test-maatregel/edit")
            #expect(form.status == .ok)
            #expect(form.text.contains("Uit de Kamerbrief.") && form.text.contains(Self.quote))
            #expect(form.text.contains(#"<option value="prioriteit-2-corridors" selected>"#))
            let tree = try await anna.get("/goals")
            #expect(tree.text.contains(#"<tr id="test-maatregel""#))
            #expect(tree.text.contains(#"href="/goals/test-maatregel/edit""#) && tree.text.contains(#"href="/goals/new""#))
            #expect(!(try await Browser(client).get("/goals")).text.contains("/goals/new"), "no edit links for anonymous visitors")
            // Anna edits the measures of her dossier only; a node without her dossier is not hers.
            let notHers = try await anna.post("/goals/new", Self.goalFields(["id": "test-andere", "dossierIDs": "ertms"]))
            #expect(notHers.status == .unprocessableContent)
            #expect(try await anna.get("/goals/prioriteit-2-corridors/edit").status == .forbidden)
            // The JSON twin of the form.
            let record = try await anna.get("/api/goals/test-maatregel/record")
            #expect(record.status == .ok)
            #expect(try record.json()["fields"]?["parentID"]?.string == "prioriteit-2-corridors")
        }
    }

    @Test("an indicator's baseline, target and readings are checked line by line, saved, and shown again")
    func indicator() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let indicators = { try await engine.read { db in try await Register(db: db, scope: .everything).indicators() } }
            let before = try await indicators()
            let cases: [(fields: [String: String], field: String, words: String)] = [
                (["goalID": "geen-maatregel"], "goalID", "geen-maatregel"),
                (["readings": "2025-12-31 700 ProRail\n31-12-2025 710"], "readings", "Regel 2"),
                (["readings": "2025-12-31 zevenhonderd"], "readings", "Regel 1"),
                (["baselineValue": "veel"], "baselineValue", "geen getal"),
                (["baselineDate": ""], "baselineDate", "nulmeting"),
                (["targetValue": "", "targetDate": "2030-01-01"], "targetValue", "Geef de waarde"),
                (["unit": ""], "unit", "Eenheid"),
            ]
            for (fields, field, words) in cases {
                let refused = try await root.post("/indicators/new", Self.indicatorFields(fields))
                #expect(refused.status == .unprocessableContent, "\(fields)")
                #expect(refused.text.contains("id=\"e-\(field)\""), "\(fields) → \(field)")
                #expect(refused.text.contains(words), "\(fields) → “\(words)”")
            }
            #expect(try await indicators() == before, "nothing half-written")

            let saved = try await root.post("/indicators/new", Self.indicatorFields([
                "baselineValue": "650,5", "readings": "2025-12-31 700 ProRail jaarverslag 2025\n\n2026-06-30 712.25",
            ]))
            #expect(saved.status == .seeOther, "\(saved.text.prefix(800))")
            #expect(saved.headers[.location] == "/goals#maatregel-740-meter-treinen")
            let stored = try #require(try await indicators().first { $0.id == "test-indicator" })
            #expect(stored.baseline == Indicator.Reading(value: 650.5, date: CalendarDate(iso: "2024-12-31")))
            #expect(stored.target == Indicator.Reading(value: 740, date: nil), "a target may lack its day")
            #expect(stored.values == [Indicator.Reading(value: 700, date: CalendarDate(iso: "2025-12-31"), source: "ProRail jaarverslag 2025"),
                                      Indicator.Reading(value: 712.25, date: CalendarDate(iso: "2026-06-30"))])
            let form = try await root.get("/indicators/test-indicator/edit")
            #expect(form.text.contains("2025-12-31 700 ProRail jaarverslag 2025\n2026-06-30 712.25"))
            #expect(form.text.contains(#"value="650.5""#))
            #expect(try await root.get("/goals").text.contains(#"href="/indicators/test-indicator/edit""#))
        }
    }

    @Test("an indicator is edited by the editors of its node's dossiers")
    func indicatorScope() async throws {
        try await withAccountsApp { client, engine in
            try await AuthorizationMatrixTests.addScopedGoal(engine)
            let anna = Browser(client), otto = Browser(client)
            try await anna.signIn("anna")
            try await otto.signIn("otto")
            #expect(try await anna.get("/indicators/matrix-indicator-kijfhoek/edit").status == .ok)
            #expect(try await otto.get("/indicators/matrix-indicator-kijfhoek/edit").status == .forbidden)
            // Moving it to a node outside her dossiers is refused like any move out of scope.
            let moved = try await anna.post("/indicators/matrix-indicator-kijfhoek/edit", [
                "goalID": "maatregel-740-meter-treinen", "title": "Sporen", "unit": "sporen", "visibility": "public", "version": "1",
            ])
            #expect(moved.status == .unprocessableContent)
            let stored = try await engine.read { db in try await Register(db: db, scope: .everything).indicator(id: "matrix-indicator-kijfhoek") }
            #expect(stored?.goalID == "matrix-maatregel-kijfhoek")
        }
    }
}
