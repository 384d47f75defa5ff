import DeltaDomain
import DeltaServices
import DeltaStore
import DeltaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

// A page's number of SQL statements must not grow with the data: every page is requested from
// the demo register and from one ten times its size, anonymously and signed in, and both counts
// must be equal and within the page's budget. The count is every statement the request runs,
// the identity middleware's included (see `CountingEngine`).

/// A page and the most statements one request of it may run.
struct PageBudget: Sendable, CustomTestStringConvertible {
    let path: String
    let limit: Int

    var testDescription: String { path }
}

enum QueryBudgets {
    static let dossierID = "rotterdam-haven-capaciteit"
    static let bodyID = "politiek-overleg"
    static let documentID = "verklaring-2026"
    /// A held meeting (so the scaled registers give it approved minutes); the politiek overleg has
    /// only planned ones.
    static let meetingID = "top-2025-gent"

    /// The budgets: at most 6 for the overview and the dossier page (the goal), and for every other
    /// page what it takes today signed in (a session lookup is one statement), so that a per-row
    /// read coming back, or any other extra statement, fails here.
    static let pages: [PageBudget] = [
        PageBudget(path: "/", limit: 6),
        // 7 for a reader since the investments' references are checked against what the reader
        // may see (one statement for every referenced table), so no hidden record is named.
        PageBudget(path: "/dossiers/\(dossierID)", limit: 10),
        PageBudget(path: "/api/dossiers/\(dossierID)", limit: 10),
        PageBudget(path: "/bodies/\(bodyID)", limit: 4),
        // 6 since deltaberaad/2: the page lists the related documents ("Verwante documenten"), from
        // and to the document, in one statement.
        PageBudget(path: "/documents/\(documentID)", limit: 6),
        PageBudget(path: "/goals", limit: 5),
        PageBudget(path: "/planning", limit: 3),
        // The lookup tables, the investments, the visibility of what they refer to, and the
        // allocation regimes beside the figures.
        PageBudget(path: "/investments", limit: 5),
        PageBudget(path: "/dossiers", limit: 3),
        PageBudget(path: "/documents", limit: 2),
        PageBudget(path: "/bodies", limit: 3),
        PageBudget(path: "/organisations", limit: 2),
        PageBudget(path: "/portal", limit: 10),  // the texts holding agreements, then the newest ones' agreements
        PageBudget(path: "/agreements/beslisnota-2026-kamerbrief", limit: 7),
        PageBudget(path: "/feed.atom", limit: 8),
        PageBudget(path: "/api/popolo.json", limit: 6),
        PageBudget(path: "/api/milestones?limit=5", limit: 4),
        PageBudget(path: "/api/agreements?limit=5", limit: 4),
        PageBudget(path: "/api/meetings?limit=5", limit: 4),
        PageBudget(path: "/dossiers.csv", limit: 4),
        PageBudget(path: "/catalog.jsonld", limit: 2),
        PageBudget(path: "/network", limit: 4),
        PageBudget(path: "/network.svg", limit: 4),
        PageBudget(path: "/rail-links/mol-weert", limit: 4),
        PageBudget(path: "/stations/weert", limit: 4),
        // 12 for an anonymous visitor: the page and the frame around it each read once what a
        // public-only reader is shown (`ShownRecords`), in their own register view.
        PageBudget(path: "/meetings/\(meetingID)", limit: 12),
        PageBudget(path: "/bodies/\(bodyID)/decisions", limit: 6),
        PageBudget(path: "/bodies/\(bodyID)/report?year=2026", limit: 9),
        PageBudget(path: "/bodies/\(bodyID)/calendar.ics", limit: 3),
        PageBudget(path: "/dossiers/\(dossierID)/calendar.ics", limit: 5),
        // The results and their counts per kind, and the bodies for the filter.
        PageBudget(path: "/search?q=spoor", limit: 4),
        PageBudget(path: "/api/search?q=spoor&type=agreement&limit=50", limit: 4),
        // A fixed text: nothing but who is asking.
        PageBudget(path: "/accessibility", limit: 1),
        // The obstacles (and, for a public-only reader, what it is shown); a page adds the names of what it links to.
        PageBudget(path: "/obstacles", limit: 3),
        PageBudget(path: "/api/obstacles?domain=other", limit: 3),
        PageBudget(path: "/obstacles/knelpunten-lokale-grensnetwerken", limit: 7),
        PageBudget(path: "/obstacles/report", limit: 1),
    ]

    /// A person's secret calendar feed (no sign-in: the secret is the credential).
    static let personalFeed = PageBudget(path: "/feeds/{secret}/calendar.ics", limit: 6)

    /// Who asks: a visitor, a reader and an admin (both of the NL delegation, which has notes).
    static let personas: [Persona] = [.anonymous, .reader, .admin]
}

/// A clock the tests move by hand, so a session's last use is never a minute old by accident.
final class TestClock: Sendable {
    private let value: Mutex<Date>

    init(_ start: Date) { value = Mutex(start) }

    var now: Date { value.withLock { $0 } }

    func advance(seconds: Double) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Registers of a given size, built once for the whole run and only read afterwards.
enum ScaledRegisters {
    static let demo = Task<any DatabaseEngine, any Error> { try await make(scale: 1) }
    static let tenfold = Task<any DatabaseEngine, any Error> { try await make(scale: 10) }

    /// The demo data `scale` times over through the normal import, with an agenda, a decision, an
    /// action and (for held meetings) approved minutes at every meeting, the personas' accounts and
    /// the NL delegation's notes on the measured dossier and each of its agreements.
    static func make(scale: Int) async throws -> any DatabaseEngine {
        let engine = try await makeDatabase(importing: try ScaledData.files(scale: scale))
        let hash = try await Passwords.hash(testPassword, cost: 4)
        let actor = AuditActor(name: "rita", via: "session")
        try await engine.transaction { db in
            for persona in Persona.allCases { if let account = persona.account { try await AccountStore(db: db).create(account, passwordHash: hash) } }
            let register = Register(db: db, scope: .everything)
            let dossiers = try await register.dossiers()
            let store = MeetingStore(db: db)
            for meeting in try await register.meetings() {
                let dossier = dossiers.first { $0.bodyID == meeting.bodyID }
                let item = AgendaItem(id: "\(meeting.id)-item", meetingID: meeting.id, position: 0, title: "Stand van zaken",
                                      reason: .manual, dossierID: dossier?.id)
                try await store.replaceAgenda(meetingID: meeting.id, with: [item], actor: actor)
                try await store.addOutcome(Outcome(id: "\(meeting.id)-decision", meetingID: meeting.id, agendaItemID: item.id,
                                                   kind: .decision, text: "De stand van zaken is besproken."), actor: actor)
                try await store.addOutcome(Outcome(id: "\(meeting.id)-action", meetingID: meeting.id, agendaItemID: item.id, kind: .action,
                                                   text: "Voortgang rapporteren.", ownerID: "ienw", due: FuzzyPeriod.parse("eind 2026")),
                                           actor: actor)
                if meeting.status == .held {
                    try await store.approve(meetingID: meeting.id, on: meeting.when.latest, by: "chair", actor: actor)
                }
            }
            let notes = NoteStore(db: db)
            let agreements = try await register.agreements(dossierID: QueryBudgets.dossierID)
            let records = [(RecordKind.dossier, QueryBudgets.dossierID)] + agreements.map { (RecordKind.agreement, $0.id) }
            for (number, record) in records.enumerated() {
                try await notes.add(PrivateNote(id: "note-\(number)", recordKind: record.0, recordID: record.1, delegation: "NL",
                                                authorID: "rita", authorName: "Rita Lezer", text: "Aandachtspunt \(number)",
                                                createdAt: "2026-11-\(10 + number % 10)T10:00:00Z"),
                                    actor: actor)
            }
        }
        return engine
    }
}

/// The demo data files, or copies of them that hold every record `scale` times.
enum ScaledData {
    /// Every record of the demo files is written `scale` times: the original and copies whose id
    /// ends in `-x1`, `-x2`, …. The copies keep pointing at the original records (a copied milestone
    /// belongs to the original dossier, a copied meeting to the original body, a copied body sits
    /// under the original parent), so every list grows tenfold and so does everything under a
    /// measured record: its milestones, agreements, investments, meetings, sub-bodies and notes.
    static func files(scale: Int) throws -> [String] {
        guard scale > 1 else { return PackageFiles.demoFiles }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deltaweb-scaled-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Documents name their text files relative to the YAML file.
        try FileManager.default.copyItem(at: PackageFiles.root.appendingPathComponent("data/demo/texts"),
                                         to: directory.appendingPathComponent("texts"))
        var written: [String] = []
        for file in PackageFiles.demoFiles {
            let lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
            // A file may hold several lists (goals.yaml: goals and indicators): each top-level key
            // starts a section, and each section's records are copied within that section.
            var sections: [[String]] = [[]]
            for line in lines {
                if let first = line.first, first.isLetter, !(sections.last ?? []).isEmpty { sections.append([]) }
                sections[sections.count - 1].append(line)
            }
            var output: [String] = []
            for section in sections {
                output += section
                guard let first = section.firstIndex(where: { $0.hasPrefix("  - id: ") }) else { continue }
                let records = Array(section[first...])
                for copy in 1..<scale {
                    output += records.map { line in
                        guard line.hasPrefix("  - id: ") else { return line }
                        let rest = line.dropFirst("  - id: ".count)
                        let id = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
                        return "  - id: \(id)-x\(copy)" + rest.dropFirst(id.count)
                    }
                }
            }
            let target = directory.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
            try output.joined(separator: "\n").write(to: target, atomically: true, encoding: .utf8)
            written.append(target.path)
        }
        return written.sorted()
    }
}

/// What one request cost.
struct Measured: Sendable {
    let status: HTTPResponse.Status
    let statements: [String]

    var count: Int { statements.count }
    /// The statements, one per line, for failure messages.
    var listing: String { statements.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n") }
}

/// Requests `paths` one by one as `persona` from an application over `engine`, counting each
/// request's statements on a counting engine of its own (so test cases may run side by side).
/// Remembered reads (`ReadMemo`) are off unless `remembering`: budgets are for building a page.
func measure(_ paths: [String], as persona: Persona, on engine: any DatabaseEngine, remembering: Bool = false) async throws -> [Measured] {
    let counting = CountingEngine(base: engine)
    let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))
    var configuration = testConfiguration()
    configuration.loginDelayScale = 0
    configuration.now = { clock.now }
    // Budgets are for building a page; a kept page costs one statement (PageCacheTests).
    configuration.cachesPublicPages = false
    configuration.cachesSignedInPages = false
    configuration.remembersReads = remembering
    let router = try await buildTestRouter(engine: counting, configuration: configuration)
    return try await Application(router: router).test(.router) { client in
        let browser = Browser(client)
        if let account = persona.account {
            let signIn = try await browser.signIn(account.id)
            try #require(signIn.status == .seeOther, "\(account.id) signs in")
        }
        var results: [Measured] = []
        for path in paths {
            counting.log.reset()
            let response = try await browser.get(path)
            results.append(Measured(status: response.status, statements: counting.log.all))
        }
        return results
    }
}

@Suite("A page's query count does not grow with the data")
struct QueryCountTests {
    // One test per persona, each signing in once per register and measuring every page in turn:
    // sign-in attempts are counted per account, so parallel sign-ins of one account would lock it.
    @Test("every page runs a fixed number of statements, within its budget", arguments: QueryBudgets.personas)
    func fixedCount(persona: Persona) async throws {
        let paths = QueryBudgets.pages.map(\.path)
        let demo = try await measure(paths, as: persona, on: try await ScaledRegisters.demo.value)
        let tenfold = try await measure(paths, as: persona, on: try await ScaledRegisters.tenfold.value)
        for (page, (small, large)) in zip(QueryBudgets.pages, zip(demo, tenfold)) {
            print("query count \(page.path) as \(persona.rawValue): demo \(small.count), tenfold \(large.count)")
            #expect(small.status == .ok, "\(page.path) as \(persona.rawValue): status \(small.status)")
            #expect(large.status == .ok, "\(page.path) as \(persona.rawValue) (10×): status \(large.status)")
            let grows = small.count != large.count
            let overBudget = large.count > page.limit || small.count > page.limit
            let message = "\(page.path) as \(persona.rawValue): \(small.count) statements at demo size, \(large.count) at 10× (budget \(page.limit))\ndemo:\n\(small.listing)\n10×:\n\(large.listing)"
            #expect(!grows, Comment(rawValue: message))
            #expect(!overBudget, Comment(rawValue: message))
        }
    }

    @Test("with remembered reads, a page asked again at the same register version runs fewer statements: the version, and what is its own", arguments: QueryBudgets.personas)
    func remembered(persona: Persona) async throws {
        let paths = ["/", "/dossiers/3rx", "/planning", "/network", "/bodies/werkgroep-3rx", "/api/milestones"]
        let measured = try await measure(paths.flatMap { [$0, $0] }, as: persona, on: try await ScaledRegisters.demo.value, remembering: true)
        for (index, path) in paths.enumerated() {
            let first = measured[2 * index], again = measured[2 * index + 1]
            #expect(again.status == .ok, "\(path) as \(persona.rawValue)")
            // The first page fills the memo; later ones find the shared tables remembered already.
            #expect(index == 0 ? again.count < first.count : again.count <= first.count,
                    "\(path) as \(persona.rawValue): \(first.count) statements, then \(again.count)\n\(again.listing)")
            // The register's version is read once per page, however many remembered reads it makes.
            let versionReads = again.statements.filter { $0.contains("audit_log") && $0.lowercased().contains("max(") }.count
            #expect(versionReads <= 1, "\(path) as \(persona.rawValue):\n\(again.listing)")
        }
    }

    @Test("a personal calendar feed runs a fixed number of statements")
    func personalFeed() async throws {
        let page = QueryBudgets.personalFeed
        var counts: [Int] = []
        for engine in [try await ScaledRegisters.demo.value, try await ScaledRegisters.tenfold.value] {
            let secret = try await engine.transaction { db in try await AccountStore(db: db).renewFeed(accountID: "rita", now: Date()) }
            let measured = try await measure([page.path.replacingOccurrences(of: "{secret}", with: secret)], as: .anonymous, on: engine)[0]
            #expect(measured.status == .ok, "the feed answers: \(measured.status)")
            counts.append(measured.count)
        }
        print("query count \(page.path): demo \(counts[0]), tenfold \(counts[1])")
        let withinBudget = counts[0] == counts[1] && counts[1] <= page.limit
        #expect(withinBudget, "\(page.path): \(counts[0]) statements at demo size, \(counts[1]) at 10× (budget \(page.limit))")
    }

    @Test("a signed-in page view only reads; the session's use is written at most once a minute, in a short transaction")
    func sessionRenewal() async throws {
        let engine = try await ScaledRegisters.demo.value
        let counting = CountingEngine(base: engine)
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))
        var configuration = testConfiguration()
        configuration.loginDelayScale = 0
        configuration.now = { clock.now }
        let idle = Double(configuration.sessionIdleSeconds)
        let router = try await buildTestRouter(engine: counting, configuration: configuration)
        try await Application(router: router).test(.router) { client in
            let browser = Browser(client)
            try await browser.signIn("rita")
            func view() async throws -> (signedIn: Bool, statements: [String]) {
                counting.log.reset()
                let response = try await browser.get("/account")
                return (response.status == .ok, counting.log.all)
            }
            let fresh = try await view()
            #expect(fresh.signedIn, "signed in right after signing in")
            #expect(!fresh.statements.contains("BEGIN (transaction)"), "no transaction for a session used just now")
            clock.advance(seconds: 59)
            let early = try await view()
            #expect(early.signedIn, "still signed in after 59 seconds")
            #expect(!early.statements.contains("BEGIN (transaction)"), "no write within the minute")
            clock.advance(seconds: 2)
            let due = try await view()
            let writes = due.statements.filter { $0.uppercased().hasPrefix("UPDATE") }
            #expect(due.signedIn, "still signed in after a minute")
            #expect(due.statements.contains("BEGIN (transaction)"), "the use is written once a minute has passed")
            #expect(writes.count == 1, "one UPDATE: \(writes)")
            let next = try await view()
            #expect(!next.statements.contains("BEGIN (transaction)"), "written once, not on the next view")
            // The write extended the session: 2 hours of idleness from the last written use.
            clock.advance(seconds: idle - 30)
            let extended = try await view()
            #expect(extended.signedIn, "alive just under two hours after its last written use")
            clock.advance(seconds: idle + 1)
            let expired = try await view()
            #expect(!expired.signedIn, "signed out after two idle hours")
        }
    }

    @Test("an API token's last use is written at most once a minute")
    func tokenUse() async throws {
        let engine = try await ScaledRegisters.demo.value
        let counting = CountingEngine(base: engine)
        let clock = TestClock(Date(timeIntervalSince1970: 1_795_000_000))
        var configuration = testConfiguration()
        configuration.now = { clock.now }
        let start = clock.now
        let token = try await engine.transaction { db in try await AccountStore(db: db).createToken(accountID: "root", name: "telling", now: start) }
        let router = try await buildTestRouter(engine: counting, configuration: configuration)
        try await Application(router: router).test(.router) { client in
            func call() async throws -> (status: HTTPResponse.Status, statements: [String]) {
                counting.log.reset()
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token.secret)"
                let response = try await client.execute(uri: "/api/dossiers/\(QueryBudgets.dossierID)", method: .get, headers: headers, body: nil)
                return (response.status, counting.log.all)
            }
            let first = try await call()
            #expect(first.status == .ok, "the token is accepted")
            #expect(first.statements.contains("BEGIN (transaction)"), "a token's first use is written")
            let second = try await call()
            #expect(second.status == .ok, "the token is accepted again")
            #expect(!second.statements.contains("BEGIN (transaction)"), "no write within the minute")
            #expect(second.statements.count <= 7, "a token-authenticated dossier read stays within the page budget: \(second.statements)")
            clock.advance(seconds: 61)
            let later = try await call()
            #expect(later.statements.contains("BEGIN (transaction)"), "written again after a minute")
        }
        let used = try await engine.read { db in try await AccountStore(db: db).tokens(accountID: "root") }
        let lastUsed = used.first { $0.id == token.info.id }?.lastUsedAt
        #expect(lastUsed == start.addingTimeInterval(61).formatted(.iso8601), "last use recorded: \(lastUsed ?? "none")")
    }
}
