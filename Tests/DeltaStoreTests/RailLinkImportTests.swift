import DeltaDomain
import DeltaImport
import DeltaStore
import DeltaTestSupport
import Foundation
import Testing

@Suite("Rail links in data files")
struct RailLinkImportTests {
    @Test("an older file's link names become links of their own, once, and a second import changes nothing", arguments: allEngines)
    func olderFilesNameLinks(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("dossiers.yaml", """
            format: deltaberaad/3
            dossiers:
              - id: limburg
                title: Limburg
                summary: Verbindingen met Limburg.
                rail_links: [Weert–Hamont, Hasselt–Maastricht]
              - id: hamont-weert
                title: Hamont–Weert
                summary: De verbinding.
                rail_links: [Hamont-Weert]
              - id: intern
                title: Intern
                summary: Alleen voor ambtenaren.
                rail_links: [Geheime Boog]
                visibility: internal
            """)
        try await withDatabase(kind) { database in
            let first = try await Importer.run(files: [file], engine: database.engine)
            let links = try await reading(database.engine) { try await $0.railLinks() }
            let dossiers = try await reading(database.engine) { try await $0.dossiers() }
            #expect(links.map(\.id).sorted() == ["geheime-boog", "hasselt-maastricht", "weert-hamont"])
            #expect(links.first { $0.id == "geheime-boog" }?.visibility == .internal, "a link only an internal dossier names stays internal")
            let references = Dictionary(uniqueKeysWithValues: dossiers.map { ($0.id, $0.railLinkIDs) })
            #expect(references["limburg"] == ["weert-hamont", "hasselt-maastricht"])
            #expect(references["hamont-weert"] == ["weert-hamont"], "Hamont-Weert and Weert–Hamont are one link")
            #expect(first.inserted == 6)
            let second = try await Importer.run(files: [file], engine: database.engine)
            #expect(second.inserted == 0 && second.updated == 0)
        }
    }

    @Test("the demo's links: every dossier's link resolves, names in either order are one link, shared track is found", arguments: allEngines)
    func demoLinks(kind: EngineKind) async throws {
        try await withDatabase(kind) { database in
            _ = try await Importer.run(files: TestPaths.demoFiles, engine: database.engine)
            let links = try await reading(database.engine) { try await $0.railLinks() }
            let dossiers = try await reading(database.engine) { try await $0.dossiers() }
            let ids = Set(links.map(\.id))
            for dossier in dossiers { #expect(Set(dossier.railLinkIDs).isSubset(of: ids), "\(dossier.id)") }
            for required in ["antwerpen-roosendaal", "hsl-antwerpen-breda", "amsterdam-brussel", "liege-maastricht", "maastricht-aachen",
                             "hasselt-maastricht", "hamont-weert", "mol-weert", "gent-terneuzen", "3rx", "brainport-brussel"] {
                #expect(ids.contains(required), "the seeds name \(required)")
            }
            #expect(RailLinkNames.resolve("Weert–Hamont", among: links) == ["hamont-weert"])
            let byID = Dictionary(uniqueKeysWithValues: links.map { ($0.id, $0) })
            let molWeert = try #require(byID["mol-weert"]), hamontWeert = try #require(byID["hamont-weert"]), rx = try #require(byID["3rx"])
            #expect(molWeert.sharesTrack(with: hamontWeert) && molWeert.sharesTrack(with: rx) && rx.sharesTrack(with: hamontWeert))
            // Every fact a link states comes with its passage, or the link states nothing but its name and line.
            for link in links where link.status != nil || link.summary != nil { #expect(link.source != nil, "\(link.id) has no passage") }
            // Unknown stays unknown: no equipment is claimed without a source.
            #expect(links.allSatisfy { $0.sides.isEmpty || $0.source != nil })
            let stations = Set(try StationFile.shipped().map(\.name))
            #expect(links.allSatisfy { Set($0.stations).isSubset(of: stations) })
        }
    }

    @Test("the station file is read with its header, blank coordinates and errors at file:line")
    func stationFile() throws {
        let stations = try StationFile.read(#"""
            name,country,lat,lon,source
            Weert,NL,51.2487970000,5.7049140000,trainline-eu/stations id=19065 (ODbL)
            "Brussel-Zuid / Bruxelles-Midi",BE,50.835374,4.335695,"a, quoted ""source"""
            Budel,NL,,,not sourced
            """#, file: "s.csv")
        #expect(stations.map(\.name) == ["Weert", "Brussel-Zuid / Bruxelles-Midi", "Budel"])
        #expect(stations[1].source == "a, quoted \"source\"")
        #expect(stations[2].coordinate == nil && stations[0].coordinate?.latitude == 51.248797)
        #expect(stations[1].id == "brussel-zuid-bruxelles-midi")
        let bad: [(String, Int, String)] = [
            ("name,country\n", 1, "import.station.header"),
            ("name,country,lat,lon,source\nX,XX,1,2,s\n", 2, "import.station.row"),
            ("name,country,lat,lon,source\nX,NL,1,,s\n", 2, "import.station.coordinate"),
            ("name,country,lat,lon,source\nX,NL,91,2,s\n", 2, "import.station.coordinate"),
            ("name,country,lat,lon,source\nX,NL,1,2,s\nX,BE,1,2,s\n", 3, "import.station.twice"),
        ]
        for (text, line, key) in bad {
            #expect(throws: ImportError(file: "s.csv", line: line, key: key)) { try StationFile.read(text, file: "s.csv") }
        }
        // The shipped file reads and keeps the stations without a sourced place.
        let shipped = try StationFile.shipped()
        #expect(shipped.count >= 30)
        #expect(shipped.first { $0.name == "Zelzate" }?.coordinate == nil)
    }
}
