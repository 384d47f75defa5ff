import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The citizens' entry page: what was agreed, by whom and when; what happened; what is late; what is next.
@Suite("Public portal")
struct PortalTests {
    @Test("the portal names the signed texts with their signatories, the milestones reached and the late ones, in every language")
    func content() async throws {
        try await withDemoApp { client in
            let json = try await client.json("/api/portal")
            let agreed = json["agreed"]?.array ?? []
            let declaration = agreed.first { $0["id"]?.string == "verklaring-2026" }
            let signatories = (declaration?["signatories"]?.array ?? []).compactMap { $0["name"]?.string }
            #expect(signatories == ["Jean-Luc Crucke", "A.A. (Thierry) Aartsen"], "the 2026 declaration's signing blocks")
            #expect(declaration?["agreementCount"]?.int ?? 0 > 0)
            let dates = agreed.compactMap { $0["date"]?.string }
            #expect(dates == dates.sorted(by: >), "newest first")
            let achieved = (json["achieved"]?.array ?? []).compactMap { $0["id"]?.string }
            #expect(achieved.contains("ondertekening-verklaring-2026"))
            let late = (json["late"]?.array ?? []).compactMap { $0["state"]?.string }
            #expect(!late.isEmpty && late.allSatisfy { $0 == "overdue" })
            // The overview's overdue list and the portal's late list are the same milestones.
            let overview = try await client.json("/api/overview")
            let overdue = Set((overview["overdue"]?.array ?? []).compactMap { $0["id"]?.string })
            #expect(Set((json["late"]?.array ?? []).compactMap { $0["id"]?.string }) == overdue)
            for language in ["nl", "fr", "en"] {
                let html = try await client.page("/portal?lang=\(language)")
                #expect(html.contains("<html lang=\"\(language)\""))
                #expect(html.contains("Jean-Luc Crucke"))
                #expect(html.contains("aria-current=\"page\""))
            }
        }
    }

    @Test("a signed-in reader sees the portal as the public does: an internal milestone reached stays out")
    func publicWhoeverAsks() async throws {
        try await withAccountsApp { client, _ in
            let root = Browser(client)
            try await root.signIn("root")
            let hidden = #"{"id":"portal-intern","fields":{"dossierIDs":"3rx","title":"ZZPORTALINTERN","due":"1 november 2026","status":"achieved","achievedOn":"2026-11-01","visibility":"internal"}}"#
            #expect(try await root.send(.post, "/api/milestones", json: hidden).status == .created)
            let asAdmin = try await root.get("/portal")
            #expect(asAdmin.status == .ok)
            #expect(!asAdmin.text.contains("ZZPORTALINTERN"))
            let open = #"{"id":"portal-open","fields":{"dossierIDs":"3rx","title":"Publiek bereikt ZZPORTALOPEN","due":"1 november 2026","status":"achieved","achievedOn":"2026-11-01","visibility":"public"}}"#
            #expect(try await root.send(.post, "/api/milestones", json: open).status == .created)
            let anonymous = try await client.get("/api/portal")
            let achieved = try anonymous.json()["achieved"]?.array.first?["id"]?.string
            #expect(achieved == "portal-open", "the latest milestone reached comes first")
        }
    }
}

/// Every agreement has a page of its own, reached from the agreements listed elsewhere.
@Suite("Agreement pages")
struct AgreementPageTests {
    @Test("an agreement's page quotes its passage, links its document and lists the money it promised")
    func page() async throws {
        try await withDemoApp { client in
            let json = try await client.json("/api/agreements/beslisnota-2026-kamerbrief")
            let url = json["agreement"]?["source"]?["url"]?.string ?? ""
            #expect(url.hasPrefix("/documents/beslisnota-2026#"))
            let html = try await client.page("/agreements/beslisnota-2026-kamerbrief")
            #expect(html.contains(url))
            let document = try await client.page("/dossiers/3rx")
            let linked = document.contains("href=\"/agreements/")
            #expect(linked, "agreements on a dossier page link their own page")
            #expect(try await client.get("/agreements/no-such-agreement").status == .notFound)
        }
    }
}
