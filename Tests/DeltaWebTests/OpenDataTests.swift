import DeltaTestSupport
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The Popolo export and the DCAT-AP catalogue: whole, consistent, and readable by a real JSON-LD parser.
@Suite("Open data: Popolo and DCAT-AP")
struct OpenDataTests {
    @Test("every Popolo membership and event names an organization of the export; ids are unique; dates are ISO 8601")
    func popoloIsConsistent() async throws {
        let (popolo, bodies, organisations) = try await withDemoApp { client in
            (try await client.json("/api/popolo.json"), try await client.json("/api/bodies"), try await client.json("/api/organisations"))
        }
        let organizations = popolo["organizations"]?.array ?? []
        let ids = organizations.compactMap { $0["id"]?.string }
        #expect(Set(ids).count == ids.count)
        // Every organisation and every body of the register is there.
        let bodyCount = bodies["bodies"]?.array.count ?? 0
        let organisationCount = organisations["organisations"]?.array.count ?? 0
        #expect(bodyCount > 0 && organisationCount > 0)
        #expect(organizations.count == bodyCount + organisationCount)
        let known = Set(ids)
        let memberships = popolo["memberships"]?.array ?? []
        #expect(memberships.count >= 10, "the demo's bodies have members")
        for membership in memberships {
            let organization = membership["organization_id"]?.string ?? ""
            let member = membership["member"]?["id"]?.string ?? ""
            #expect(known.contains(organization), "\(organization)")
            #expect(known.contains(member), "\(member)")
            #expect(organization.hasPrefix("body:"))
        }
        let persons = Set((popolo["persons"]?.array ?? []).compactMap { $0["id"]?.string })
        let named = Set(memberships.compactMap { $0["person_id"]?.string })
        #expect(named == persons)
        let events = popolo["events"]?.array ?? []
        #expect(events.count >= 5)
        let dates = events.flatMap { [$0["start_date"]?.string ?? "", $0["end_date"]?.string ?? ""] }
        let malformed = dates.filter { $0.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) == nil }
        #expect(malformed.isEmpty, "\(malformed)")
        let orphans = events.compactMap { $0["organization_id"]?.string }.filter { !known.contains($0) }
        #expect(orphans.isEmpty, "\(orphans)")
    }

    @Test("rdflib reads the catalogue as JSON-LD: one dcat:Catalog, its datasets in three languages, every distribution answers")
    func dcatCatalog() async throws {
        let (text, contentType) = try await withDemoApp { client in
            let response = try await client.get("/catalog.jsonld")
            return (response.text, response.headers[.contentType])
        }
        #expect(contentType == "application/ld+json; charset=utf-8")
        let file = try ExternalTools.temporaryFile(named: "catalog.jsonld", contents: text)
        let script = """
        import json, sys, rdflib
        from rdflib.namespace import DCAT, DCTERMS, RDF
        g = rdflib.Graph()
        g.parse(sys.argv[1], format="json-ld")
        catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
        datasets = list(g.objects(catalogs[0], DCAT.dataset)) if catalogs else []
        out = {"catalogs": len(catalogs), "datasets": []}
        for d in datasets:
            titles = {str(t.language) for t in g.objects(d, DCTERMS.title)}
            urls = [str(u) for dist in g.objects(d, DCAT.distribution) for u in g.objects(dist, DCAT.accessURL)]
            types = [str(t) for t in g.objects(d, RDF.type)]
            themes = [str(t) for t in g.objects(d, DCAT.theme)]
            out["datasets"].append({"titles": sorted(titles), "urls": urls, "types": types, "themes": themes})
        print(json.dumps(out))
        """
        let output = try await ExternalTools.run("/usr/bin/env", ["python3", "-c", script, file.path])
        let parsed = try JSONDecoder().decode(JSONValue.self, from: Data(output.utf8))
        #expect(parsed["catalogs"]?.int == 1)
        let datasets = parsed["datasets"]?.array ?? []
        #expect(datasets.count == 4)
        var found: [String] = []
        for dataset in datasets {
            #expect(dataset["titles"] == .array([.string("en"), .string("fr"), .string("nl")]))
            #expect(dataset["types"] == .array([.string("http://www.w3.org/ns/dcat#Dataset")]))
            #expect(dataset["themes"] == .array([.string("http://publications.europa.eu/resource/authority/data-theme/TRAN")]))
            let urls = (dataset["urls"]?.array ?? []).compactMap(\.string)
            #expect(!urls.isEmpty)
            // Absolute addresses on the request's host; the test router asks for their paths.
            let absolute = urls.filter { $0.hasPrefix("http://localhost/") }
            #expect(absolute.count == urls.count, "\(urls)")
            found += absolute.map { String($0.dropFirst("http://localhost".count)) }
        }
        let paths = found
        let statuses = try await withDemoApp { client in
            var statuses: [String: Int] = [:]
            for path in paths { statuses[path] = try await client.get(path).status.code }
            return statuses
        }
        #expect(statuses.values.allSatisfy { $0 == 200 }, "\(statuses)")
        #expect(Set(paths).contains("/api/popolo.json"))
    }
}
