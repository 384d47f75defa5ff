import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaStore
import DeltaTestSupport
import Foundation
import Testing

/// Every fixed text comes from the catalogues (nl, fr, en), and the catalogues hold nothing else:
/// a key missing in a language, a key nothing uses, or a user-visible text written into a
/// template or into the web layer's Swift fails here.
@Suite("Message catalogues")
struct CatalogueTests {
    static let catalogues = TestCatalogues.all

    static func sourceFiles(under folder: String, suffix: String) -> [URL] {
        let root = TestPaths.packageRoot.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL { if url.path.hasSuffix(suffix) { files.append(url) } }
        return files.sorted { $0.path < $1.path }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    /// Keys named literally in templates (`{{t.key}}`) and Swift (`text("key"`, `Invalid("key"`, …).
    static var literalKeys: Set<String> {
        var keys = Set<String>()
        for file in sourceFiles(under: "Resources/templates", suffix: ".mustache") {
            keys.formUnion(matches(#"\{\{[#^/&{]?\s*t\.([A-Za-z0-9_.\-]+)"#, in: try! String(contentsOf: file, encoding: .utf8)))
        }
        for file in sourceFiles(under: "Sources", suffix: ".swift") {
            let text = try! String(contentsOf: file, encoding: .utf8)
            for pattern in [#"\btext\("([A-Za-z][A-Za-z0-9_\-]*\.[A-Za-z0-9_.\-]+)""#, #"Invalid\("([A-Za-z][A-Za-z0-9_.\-]*)""#,
                            #"AppError\(\.\w+, "([A-Za-z][A-Za-z0-9_.\-]*)""#, #"OperationError\(\.\w+, "([A-Za-z][A-Za-z0-9_.\-]*)""#,
                            #"key: "((?:import|extract\.job)\.[A-Za-z0-9_.\-]+)""#,
                            #"CLIError\("(cli\.[A-Za-z0-9_.\-]+)""#, #"say\("(cli\.[A-Za-z0-9_.\-]+)""#, #"\? "(cli\.[A-Za-z0-9_.]+)" : "(?:cli\.[A-Za-z0-9_.]+)""#,
                            #"\? "cli\.[A-Za-z0-9_.]+" : "(cli\.[A-Za-z0-9_.]+)""#, #"plural\("([A-Za-z][A-Za-z0-9_.\-]*)""#,
                            #"text\(kind == \.range \? "([a-z.A-Z]+)""#, #": "(form\.investments\.amountError)""#,
                            #""(extract\.error\.[A-Za-z]+)""#, #"titleKey: "(opendata\.[A-Za-z0-9_.]+)""#, #"Problem\("(cli\.[A-Za-z0-9_.]+)""#, #"texts\("(opendata\.[A-Za-z0-9_.]+)""#,
                            #"cut\("((?:overview|investments)\.cut\.[A-Za-z]+)""#] {
                keys.formUnion(matches(pattern, in: text))
            }
        }
        return keys
    }

    /// Keys built from values at run time (`health.on-track`): one family per value type, each
    /// with exactly the members the type has.
    static var families: [String: Set<String>] {
        func raw<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> Set<String> where E.RawValue == String { Set(E.allCases.map(\.rawValue)) }
        return [
            "health": raw(Health.self), "milestoneStatus": raw(MilestoneStatus.self), "meetingStatus": raw(MeetingStatus.self),
            "completion": raw(Completion.self), "documentKind": raw(DocumentKind.self), "bodyKind": raw(BodyKind.self),
            "role": raw(MembershipRole.self), "level": raw(OrganisationLevel.self), "country": raw(Country.self),
            "amountKind": raw(AmountKind.self), "visibility": raw(Visibility.self), "kind": raw(RecordKind.self).union(["station"]),  // stations are reference data with pages of their own
            "accountRole": raw(Role.self), "outcomeKind": raw(OutcomeKind.self), "actionStatus": raw(ActionStatus.self),
            "attendance": raw(Attendance.self), "agendaReason": raw(AgendaReason.self), "changeKind": raw(RegisterChange.Kind.self),
            "registerChange": raw(RegisterChange.Kind.self).union(["mandateGivenPlain"]), "minutesStatus": raw(MinutesStatus.self),
            "compliance": raw(Compliance.self), "fundingSource": raw(FundingSource.self),
            "investmentStatus": raw(InvestmentStatus.self), "goalLevel": raw(Goal.Level.self),
            "relation": raw(DocumentRelation.Kind.self), "relationInverse": raw(DocumentRelation.Kind.self),
            "dueState": ["done", "overdue", "due-soon", "upcoming", "cancelled"],
            "languageName": Set(Language.allCases.map(\.rawValue)),
            "date.month": Set((1...12).map(String.init)),
            "feed.deadline": ["day", "asWritten"], "feed.date": ["day", "asWritten"],
            "app.conflict": raw(FieldMerge.Resolution.self),
            "app.investments.dimension": raw(InvestmentPivot.Dimension.self),
            "cli.extract.step": raw(Extractor.Step.self),
            "app.investments.none": raw(InvestmentPivot.Dimension.self).subtracting(["year"]),
            // DCATCatalog's datasets: a title and a description each.
            "opendata.dataset.register": ["title", "description"], "opendata.dataset.investments": ["title", "description"],
            "opendata.dataset.bodies": ["title", "description"], "opendata.dataset.changes": ["title", "description"],
            "searchKind": raw(SearchKind.self),
            "railLinkStatus": raw(RailLinkStatus.self), "railLinkUse": raw(RailLinkUse.self),
            "network.legend.stroke": raw(RailLinkStroke.self),
            "obstacleDomain": raw(ObstacleDomain.self), "obstacleStatus": raw(ObstacleStatus.self),
        ]
    }

    /// Families whose members are open-ended: HTTP statuses, themes named in the data.
    static let openFamilies = ["error.status", "error.explain", "theme"]

    @Test("every language has exactly the keys of Dutch, with the same {placeholders}")
    func sameKeys() {
        let dutch = Self.catalogues[.nl].entries
        #expect(dutch.count > 300, "the Dutch catalogue loaded (\(dutch.count) texts)")
        for language in Language.allCases where language != .nl {
            let other = Self.catalogues[language].entries
            let missing = Set(dutch.keys).subtracting(other.keys).sorted()
            let extra = Set(other.keys).subtracting(dutch.keys).sorted()
            #expect(missing.isEmpty, "missing in \(language.rawValue): \(missing)")
            #expect(extra.isEmpty, "only in \(language.rawValue): \(extra)")
            var placeholderMismatches: [String] = []
            for (key, text) in dutch {
                guard let translated = other[key] else { continue }
                // A translation may leave a parameter out (French writes “1er janvier”, not the day
                // number) but never name one the code does not give.
                let want = Self.placeholders(text), have = Self.placeholders(translated)
                if !have.isSubset(of: want) { placeholderMismatches.append("\(key): \(want.sorted()) vs \(have.sorted())") }
            }
            #expect(placeholderMismatches.isEmpty, "\(language.rawValue) names parameters Dutch does not: \(placeholderMismatches)")
        }
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set(matches(#"\{([a-zA-Z][a-zA-Z0-9]*)\}"#, in: text))
    }

    @Test("every key the code and the templates name exists, and every family has exactly its members")
    func noMissingKey() {
        let dutch = Self.catalogues[.nl].entries
        let isPlural = { (key: String) in dutch["\(key).one"] != nil && dutch["\(key).other"] != nil }
        let missing = Self.literalKeys.filter { dutch[$0] == nil && !isPlural($0) }.sorted()
        #expect(missing.isEmpty, "named but not in the catalogue: \(missing)")
        for (family, members) in Self.families {
            let present = Set(dutch.keys.filter { $0.hasPrefix(family + ".") }.map { String($0.dropFirst(family.count + 1)) }
                .filter { !$0.contains(".") })
            #expect(present == members, "\(family): catalogue \(present.sorted()) vs values \(members.sorted())")
        }
    }

    @Test("no key is unused")
    func noUnusedKey() {
        let used = Self.literalKeys
        var unused: [String] = []
        for key in Self.catalogues[.nl].entries.keys {
            if used.contains(key) { continue }
            let parent = key.split(separator: ".").dropLast().joined(separator: ".")
            if (key.hasSuffix(".one") || key.hasSuffix(".other")), used.contains(parent) { continue }
            if let members = Self.families[parent], members.contains(String(key.split(separator: ".").last!)) { continue }
            if Self.openFamilies.contains(where: { key.hasPrefix($0 + ".") }) { continue }
            unused.append(key)
        }
        #expect(unused.isEmpty, "in the catalogue but used nowhere: \(unused.sorted())")
    }

    @Test("templates hold no text of their own: every word comes from t.*")
    func templatesHaveNoLiterals() throws {
        var found: [String] = []
        for file in Self.sourceFiles(under: "Resources/templates", suffix: ".mustache") {
            let source = try String(contentsOf: file, encoding: .utf8)
            var text = source.replacingOccurrences(of: #"\{\{[^}]*\}\}\}?"#, with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: #"<!--[\s\S]*?-->"#, with: " ", options: .regularExpression)
            for attribute in ["aria-label", "title", "alt", "placeholder"] {
                for value in Self.matches(attribute + #"="([^"]*)""#, in: text) where value.contains(where: \.isLetter) {
                    found.append("\(file.lastPathComponent): \(attribute)=\"\(value)\"")
                }
            }
            text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: "Deltaberaad", with: " ")
            for word in text.split(whereSeparator: \.isWhitespace) where word.contains(where: \.isLetter) {
                found.append("\(file.lastPathComponent): \(word)")
            }
        }
        #expect(found.isEmpty, "text written into templates: \(found)")
    }

    @Test("the web layer writes no sentence of its own in Swift")
    func swiftHasNoSentences() throws {
        // A user-visible literal has two words of letters: "Vul het bedrag in". Literals that
        // are not for people (paths, headers, SQL, log messages, MIME types) are skipped by pattern.
        // The bcrypt decoy is a secret nobody sees; a missing template is a 500 whose text only the log gets.
        let ignoredLines = [#"logger\."#, #"metadata"#, #"^\s*//"#, #"contentSecurityPolicy"#, #"fatalError"#, #"decoyHash"#,
                            #"HTTPError\(\.internalServerError"#]
        var found: [String] = []
        for file in Self.sourceFiles(under: "Sources/DeltaWeb", suffix: ".swift") {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (number, line) in lines.enumerated() {
                if ignoredLines.contains(where: { line.range(of: $0, options: .regularExpression) != nil }) { continue }
                for literal in Self.matches(#""((?:[^"\\]|\\.)*)""#, in: line) {
                    let plain = literal.replacingOccurrences(of: #"\\\([^)]*\)"#, with: " ", options: .regularExpression)
                    if plain.range(of: #"\p{L}{2,} +\p{Ll}{2,}"#, options: .regularExpression) != nil {
                        found.append("\(file.lastPathComponent):\(number + 1): \"\(literal)\"")
                    }
                }
            }
        }
        #expect(found.isEmpty, "sentences in Swift instead of the catalogue: \(found)")
    }

    @Test("numbers and dates are written the way each language writes them")
    func formats() {
        let nl = TestCatalogues.labels(.nl), fr = TestCatalogues.labels(.fr), en = TestCatalogues.labels(.en)
        #expect(nl.numbers.decimal(1234.5) == "1.234,5")
        #expect(fr.numbers.decimal(1234.5) == "1\u{202F}234,5")
        #expect(en.numbers.decimal(1234.5) == "1,234.5")
        let day = CalendarDate(year: 2026, month: 2, day: 18)!
        #expect(nl.date(day) == "18 februari 2026")
        #expect(fr.date(day) == "18 février 2026")
        #expect(en.date(day) == "18 February 2026")
        #expect(fr.date(CalendarDate(year: 2026, month: 1, day: 1)!) == "1er janvier 2026")
        #expect(nl.euros(cents: 130_000_000_00) == "€ 130 mln")
        #expect(fr.euros(cents: 130_000_000_00) == "130 M€")
        #expect(en.euros(cents: 1_250_000_000_00) == "€1.25bn")
        #expect(nl.euros(cents: 12_500_00) == "€ 12.500")
    }
}
