import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The lists as CSV, read back with Python's csv module in both variants.
@Suite("CSV per collection")
struct CollectionCSVTests {
    static let script = """
    import csv, sys, json
    path, delimiter = sys.argv[1], sys.argv[2]
    with open(path, newline='', encoding='utf-8-sig') as f:
        reader = csv.reader(f, delimiter=delimiter, strict=True)
        rows = list(reader)
    print(json.dumps({"header": rows[0], "rows": [dict(zip(rows[0], r)) for r in rows[1:]], "widths": sorted({len(r) for r in rows})}))
    """

    static let documented: [String: [String]] = [
        "dossiers": ["id", "title", "themes", "countries", "body", "body_name", "health", "health_name", "next_milestone",
                     "next_milestone_due", "overdue_milestones", "url"],
        "documents": ["id", "title", "kind", "kind_name", "date", "place", "reference", "url"],
        "bodies": ["id", "name", "kind", "kind_name", "cadence", "year", "compliance", "compliance_name", "meetings_held",
                   "meetings_planned", "meetings_required", "url"],
        "organisations": ["id", "name", "short_name", "country", "country_name", "level", "level_name", "part_of", "part_of_name", "website"],
        "milestones": ["id", "title", "dossiers", "due_wording", "due_earliest", "due_latest", "status", "status_name", "state", "state_name",
                       "achieved_on", "owner", "owner_name", "source_document", "source_quote"],
        "agreements": ["id", "title", "document", "document_title", "document_date", "anchor", "quote", "parties", "dossiers", "body",
                       "due_wording", "due_latest", "completion", "completion_name"],
        "meetings": ["id", "title", "body", "body_name", "when_wording", "when_earliest", "when_latest", "place", "status", "status_name", "url"],
    ]

    @Test("each list's CSV has its documented columns and one row per record of the list, in both variants",
          arguments: ["dossiers", "documents", "bodies", "organisations", "milestones", "agreements", "meetings"])
    func readBack(collection: String) async throws {
        let (standard, excel, json, type) = try await withDemoApp { client in
            let response = try await client.get("/\(collection).csv")
            return (response.text, try await client.get("/\(collection).csv?variant=excel").text,
                    try await client.json("/api/\(collection)?limit=500"), response.headers[.contentType])
        }
        #expect(type == "text/csv; charset=utf-8; header=present")
        #expect(standard.hasPrefix("\u{FEFF}"))
        #expect(standard.contains("\r\n"))
        let ids = (json[collection]?.array ?? []).compactMap { $0["id"]?.string }
        for (text, delimiter) in [(standard, ","), (excel, ";")] {
            let file = try ExternalTools.temporaryFile(named: "\(collection).csv", contents: text)
            let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", Self.script, file.path, delimiter])
            let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(output.utf8))
            #expect((parsed["header"]?.array ?? []).compactMap(\.string) == Self.documented[collection])
            #expect(parsed["widths"] == .array([.integer(Int64(Self.documented[collection]?.count ?? 0))]), "every row has every column")
            let rowIDs = (parsed["rows"]?.array ?? []).compactMap { $0["id"]?.string }
            #expect(rowIDs == ids)
        }
    }

    @Test("the filters of the list apply to its CSV, and a wrong variant is refused")
    func filtered() async throws {
        try await withDemoApp { client in
            let csv = try await client.get("/organisations.csv?country=BE").text
            let lines = csv.split(separator: "\r\n").dropFirst()
            #expect(!lines.isEmpty)
            #expect(lines.allSatisfy { $0.contains(",BE,") })
            #expect(try await client.get("/dossiers.csv?variant=lotus").status == .badRequest)
        }
    }

    @Test("every list page links its CSV with the list's filters, and the JSON list names the same file")
    func csvLinks() async throws {
        try await withDemoApp { client in
            let html = try await client.page("/dossiers?theme=ertms")
            #expect(html.contains(#"href="/dossiers.csv?theme=ertms""#))
            let json = try await client.json("/api/dossiers?theme=ertms&limit=2")
            #expect(json["paging"]?["csv"]?.string == "/dossiers.csv?theme=ertms", "the window's limit is not part of the file")
            let file = try await client.get("/dossiers.csv?theme=ertms")
            #expect(file.status == .ok && file.headers[.contentType]?.hasPrefix("text/csv") == true)
            for path in ["/documents", "/bodies", "/organisations"] {
                #expect(try await client.page(path).contains("href=\"\(path).csv\""), "\(path)")
            }
        }
    }
}
