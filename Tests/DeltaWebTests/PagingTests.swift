import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Long lists come a window at a time (`?limit=`, `?after=` from the `next` link), pages and twins alike.
@Suite("Paging and filters of the lists")
struct PagingTests {
    @Test("following next through small windows gives every record once, in the order of the whole list",
          arguments: [("/api/dossiers", "dossiers"), ("/api/documents", "documents"), ("/api/bodies", "bodies"), ("/api/organisations", "organisations"),
                      ("/api/milestones", "milestones"), ("/api/agreements", "agreements"), ("/api/meetings", "meetings")])
    func walk(path: String, key: String) async throws {
        try await withDemoApp { client in
            let whole = try await client.json(path)
            let all = (whole[key]?.array ?? []).compactMap { $0["id"]?.string }
            #expect(all.count > 3)
            #expect(whole["paging"]?["total"]?.int == Int64(all.count))
            #expect(whole["paging"]?["next"] == nil)
            var seen: [String] = []
            var next: String? = "\(path)?limit=3"
            var windows = 0
            while let uri = next, windows < 100 {
                let window = try await client.json(uri)
                let ids = (window[key]?.array ?? []).compactMap { $0["id"]?.string }
                #expect(ids.count <= 3)
                #expect(window["paging"]?["first"]?.int == Int64(seen.count + 1))
                seen += ids
                next = window["paging"]?["next"]?.string
                windows += 1
            }
            #expect(seen == all)
            #expect(windows == (all.count + 2) / 3)
        }
    }

    @Test("the page shows where it stands and links the next window; the filters stay in the link")
    func htmlWindow() async throws {
        try await withDemoApp { client in
            let html = try await client.page("/dossiers?limit=4&theme=freight")
            let total = try await client.json("/api/dossiers?theme=freight")["paging"]?["total"]?.int ?? 0
            if total > 4 {
                #expect(html.contains("rel=\"next\""))
                #expect(html.contains("theme=freight&amp;limit=4&amp;after="))
            }
            let all = try await client.page("/dossiers?limit=4")
            #expect(all.contains("<nav class=\"paging\""))
            #expect(all.contains("rel=\"next\""))
            let whole = try await client.page("/dossiers")
            #expect(!whole.contains("<nav class=\"paging\""), "a list that fits in one window shows no paging")
        }
    }

    @Test("a limit out of range or a cursor that names nothing is refused with a problem document that says so",
          arguments: ["/api/dossiers?limit=0", "/api/dossiers?limit=501", "/api/dossiers?limit=ten", "/api/documents?after=%%%",
                      "/api/bodies?after=" + "bm8tc3VjaC1ib2R5", "/api/organisations?country=XX", "/api/documents?kind=memo",
                      "/api/documents?year=20000", "/api/bodies?kind=club", "/api/milestones?status=done", "/api/agreements?completion=half",
                      "/api/meetings?year=two"])
    func refused(uri: String) async throws {
        try await withDemoApp { client in
            let response = try await client.get(uri)
            #expect(response.status == .badRequest, "\(uri)")
            #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
            // The same filter on the list's CSV (which has no windows, so only the filters are checked there).
            let parts = uri.dropFirst("/api".count).split(separator: "?", maxSplits: 1)
            if !(parts.count > 1 && (parts[1].hasPrefix("limit") || parts[1].hasPrefix("after"))) {
                let csv = try await client.get("\(parts[0]).csv?\(parts.count > 1 ? String(parts[1]) : "")")
                #expect(csv.status == .badRequest, "\(uri) as CSV")
            }
        }
    }

    @Test("the filters keep only what they name")
    func filters() async throws {
        try await withDemoApp { client in
            let carried = try await client.json("/api/dossiers?body=werkgroep-be-nl")
            let bodies = Set((carried["dossiers"]?.array ?? []).compactMap { $0["body"]?["id"]?.string })
            #expect(bodies == ["werkgroep-be-nl"])
            let declarations = try await client.json("/api/documents?kind=joint-declaration")
            let kinds = Set((declarations["documents"]?.array ?? []).compactMap { $0["kind"]?.string })
            #expect(kinds == ["joint-declaration"])
            let of2026 = try await client.json("/api/documents?year=2026")
            let dates = (of2026["documents"]?.array ?? []).compactMap { $0["date"]?.string }
            #expect(!dates.isEmpty && dates.allSatisfy { $0.hasPrefix("2026") })
            let belgian = try await client.json("/api/organisations?country=BE")
            let countries = Set((belgian["organisations"]?.array ?? []).compactMap { $0["country"]?.string })
            #expect(countries == ["BE"])
            let groups = try await client.json("/api/bodies?kind=working-group")
            let groupKinds = Set((groups["bodies"]?.array ?? []).compactMap { $0["kind"]?.string })
            #expect(groupKinds == ["working-group"])
        }
    }
}
