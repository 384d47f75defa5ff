import DeltaDomain
import DeltaStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The investment form edits everything the integral view counts by: the agreement that
/// promised the amount, the measure it serves and the co-financing shares.
@Suite("Investment form")
struct InvestmentFormTests {
    static func fields(_ extra: [String: String]) -> [String: String] {
        var fields = ["id": "test-bedrag", "title": "Bijdrage aan de studie", "amountKind": "exact", "minimumEuros": "1.000.000",
                      "wording": "een miljoen", "organisationID": "ienw", "country": "NL", "recurring": "no",
                      "visibility": "internal", "version": "0"]
        fields.merge(extra) { _, new in new }
        return fields
    }

    @Test("agreement, measure and co-financing are saved, shown again in the form, and checked field by field")
    func newFields() async throws {
        try await withAccountsApp { client, engine in
            let root = Browser(client)
            try await root.signIn("root")
            let form = try await root.get("/investments/new")
            #expect(form.text.contains(#"name="agreementID""#) && form.text.contains(#"name="measureID""#) && form.text.contains(#"name="coFinancing""#))

            let refused = try await root.post("/investments/new", Self.fields([
                "agreementID": "geen-afspraak", "measureID": "geen-maatregel", "coFinancing": "mow 60\nonbekend 10\nvlaanderen",
            ]))
            #expect(refused.status == .unprocessableContent)
            for field in ["agreementID", "measureID", "coFinancing"] { #expect(refused.text.contains("id=\"e-\(field)\""), "\(field)") }
            let tooMuch = try await root.post("/investments/new", Self.fields(["coFinancing": "ienw 60\nienw 50"]))
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.text.contains("100"))
            let nothing = try await engine.read { db in try await Register(db: db, scope: .everything).investments() }
            #expect(!nothing.contains { $0.id == "test-bedrag" }, "nothing half-written")

            let (agreement, measure) = try await engine.read { db -> (String, String) in
                let register = Register(db: db, scope: .everything)
                let agreement = try #require(try await register.agreements().first?.id)
                let measure = try #require(try await register.goals().first { $0.level == .measure }?.id)
                return (agreement, measure)
            }
            let saved = try await root.post("/investments/new", Self.fields([
                "agreementID": agreement, "measureID": measure, "coFinancing": "ienw 25\nprorail: 12,5%",
            ]))
            #expect(saved.status == .seeOther, "\(saved.text.prefix(600))")
            let stored = try await engine.read { db in try await Register(db: db, scope: .everything).investments().first { $0.id == "test-bedrag" } }
            #expect(stored?.agreementID == agreement)
            #expect(stored?.measureID == measure)
            #expect(stored?.coFinancing == [CoFinancingShare(organisationID: "ienw", percent: 25), CoFinancingShare(organisationID: "prorail", percent: 12.5)])
            let again = try await root.get("/investments/test-bedrag/edit")
            #expect(again.text.contains("ienw 25\nprorail 12.5"))
        }
    }
}
