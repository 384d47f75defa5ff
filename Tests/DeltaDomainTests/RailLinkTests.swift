import DeltaDomain
import Testing

@Suite("Rail links")
struct RailLinkTests {
    @Test("names that differ in the order of the end points, the dash, spacing or case are one link")
    func nameKeys() {
        let key = RailLinkNames.key("Hamont–Weert")
        for variant in ["Weert–Hamont", "Hamont-Weert", "hamont – weert", "Weert — Hamont", "  HAMONT-WEERT "] {
            #expect(RailLinkNames.key(variant) == key, "\(variant)")
        }
        #expect(RailLinkNames.key("Mol–Weert") != key)
        #expect(RailLinkNames.key("Liège–Maastricht") != RailLinkNames.key("Liege–Maastricht"), "accents count: spelling variants are aliases")
    }

    @Test("a name resolves to a link by id, name or alias, and a service name to every link it covers")
    func resolving() {
        let links = [
            RailLink(id: "hamont-weert", name: "Hamont–Weert", aliases: ["Weert-Hamont"]),
            RailLink(id: "liege-maastricht", name: "Liège–Maastricht", aliases: ["Drielandentrein"]),
            RailLink(id: "maastricht-aachen", name: "Maastricht–Aachen", aliases: ["Drielandentrein"]),
        ]
        #expect(RailLinkNames.resolve("hamont-weert", among: links) == ["hamont-weert"])
        #expect(RailLinkNames.resolve("Weert–Hamont", among: links) == ["hamont-weert"])
        #expect(RailLinkNames.resolve("drielandentrein", among: links) == ["liege-maastricht", "maastricht-aachen"])
        #expect(RailLinkNames.resolve("Mol–Weert", among: links) == [])
    }

    @Test("ids made from names are lower case letters, digits and hyphens")
    func identifiers() {
        #expect(RailLinkNames.identifier(for: "Liège–Maastricht") == "liege-maastricht")
        #expect(RailLinkNames.identifier(for: "Derde Spoor (Duitsland)") == "derde-spoor-duitsland")
        #expect(RailLinkNames.identifier(for: "Brussel-Zuid / Bruxelles-Midi") == "brussel-zuid-bruxelles-midi")
        #expect(RailLinkNames.identifier(for: "–") == "link")
        #expect(RailLinkNames.identifier(for: String(repeating: "a", count: 200)).count == 60)
        // The same rule makes every other id from a name (`RecordIdentifier`): no dash left at a cut.
        #expect(RecordIdentifier.make(from: "Noordzeetop 2019 — Slotverklaring") == "noordzeetop-2019-slotverklaring")
        #expect(RecordIdentifier.make(from: "Staatssecretaris Ruß & Œuvre") == "staatssecretaris-rus-ouvre")
        #expect(RecordIdentifier.make(from: "ab cd", limit: 3) == "ab")
        #expect(RecordIdentifier.make(from: "?!", fallback: "document") == "document")
    }

    @Test("the map draws operational links solid, planned, studied and building dashed, not functional dotted")
    func strokes() {
        #expect(RailLinkStatus.operational.stroke == .solid)
        #expect([RailLinkStatus.planned, .studied, .underConstruction].allSatisfy { $0.stroke == .dashed })
        #expect(RailLinkStatus.notFunctional.stroke == .dotted)
    }

    @Test("a link is as healthy as its least healthy dossier; without dossiers its health is unknown")
    func worstHealth() {
        #expect(Health.worst([.onTrack, .atRisk, .onTrack]) == .atRisk)
        #expect(Health.worst([.unknown, .offTrack, .atRisk]) == .offTrack)
        #expect(Health.worst([.unknown, .onTrack]) == .onTrack)
        #expect(Health.worst([Health]()) == .unknown)
    }

    @Test("links that run between the same two stations share track, in either direction")
    func sharedTrack() {
        let molWeert = RailLink(id: "mol-weert", name: "Mol–Weert", stations: ["Mol", "Neerpelt", "Hamont", "Budel", "Weert"])
        let hamontWeert = RailLink(id: "hamont-weert", name: "Hamont–Weert", stations: ["Weert", "Budel", "Hamont"])
        let liege = RailLink(id: "liege-maastricht", name: "Liège–Maastricht", stations: ["Liège", "Visé", "Maastricht"])
        let crossing = RailLink(id: "x", name: "X", stations: ["Hamont", "Eindhoven"])
        #expect(molWeert.sharesTrack(with: hamontWeert) && hamontWeert.sharesTrack(with: molWeert))
        #expect(!molWeert.sharesTrack(with: liege))
        #expect(!molWeert.sharesTrack(with: crossing), "meeting at one station is not sharing track")
        #expect(!molWeert.sharesTrack(with: molWeert), "a link does not share track with itself")
    }
}
