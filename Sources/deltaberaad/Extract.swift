import ArgumentParser
import DeltaDomain
import DeltaImport
import DeltaReports
import DeltaStore
import Foundation

/// `deltaberaad extract FILE`: proposes the dates, amounts, cadences and agreements of a document
/// (docs/EXTRACTION.md); `--json` prints the documented shape.
struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: CLIText.labels.text("cli.help.extract1"))

    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.extract2"))) var file: String
    @Flag(help: ArgumentHelp(CLIText.labels.text("cli.help.extract3"))) var json = false
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.extract4"))) var date: String?
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.extract5"))) var db: String?

    func run() async throws {
        let documentDate = try parseDay(date)
        let text: String
        do {
            text = try await DocumentReader.text(ofFile: file)
        } catch let error as DocumentReadError {
            throw CLIError(error.key, error.arguments)
        }
        var extractor = Extractor()
        if let db {
            var options = DatabaseOptions()
            options.db = db
            let engine = try await openRegister(options)
            let (organisations, bodies) = try await engine.read { db in
                let register = Register(db: db, scope: .everything)
                return (try await register.organisations().flatMap { [$0.name] + ($0.shortName.map { [$0] } ?? []) },
                        try await register.bodies().map(\.name))
            }
            await engine.shutdown()
            extractor = Extractor(organisationNames: organisations, bodyNames: bodies)
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let progress = ExtractionProgress(total: text.utf8.count)
        let result = extractor.extract(text, document: name, documentDate: documentDate) { progress.show($0) }
        progress.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
            return
        }
        let labels = CLIText.labels
        print(labels.text("cli.extract.summary", ["document": name, "date": result.documentDate ?? "—", "dates": String(result.dates.count),
                                                  "amounts": String(result.amounts.count), "cadences": String(result.cadences.count),
                                                  "agreements": String(result.agreements.count)]))
        func line(_ kind: String, _ start: Int, _ text: String, _ value: String) {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            print("  \(kind) @\(start): \(flat.count > 100 ? String(flat.prefix(100)) + "…" : flat)\(value.isEmpty ? "" : "  → " + value)")
        }
        result.dates.forEach { line(labels.text("cli.extract.date"), $0.start, $0.text, "\($0.earliest ?? "?") … \($0.latest ?? "?") (\($0.precision))") }
        result.amounts.forEach { line(labels.text("cli.extract.amount"), $0.start, $0.text, "\($0.kind) \($0.min.map { String(format: "%.0f", $0) } ?? "?")–\($0.max.map { String(format: "%.0f", $0) } ?? "?") \($0.currency)") }
        result.cadences.forEach { line(labels.text("cli.extract.cadence"), $0.start, $0.text, "\($0.minPerYear)/\(labels.text("cli.extract.year")) \($0.body ?? "")") }
        result.agreements.forEach { line(labels.text("cli.extract.agreement"), $0.start, $0.text, $0.parties.joined(separator: ", ")) }
    }
}

/// A progress line on standard error while an extraction runs longer than a second, on a
/// terminal only (so `--json > file` and scripts see nothing extra).
final class ExtractionProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private let total: Int
    private var shown = false
    private let terminal = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    func show(_ step: Extractor.Step) {
        lock.lock(); defer { lock.unlock() }
        guard terminal, Date().timeIntervalSince(started) > 1 else { return }
        let index = Extractor.Step.allCases.firstIndex(of: step) ?? 0
        let line = CLIText.labels.text("cli.extract.progress", ["step": CLIText.labels.text("cli.extract.step.\(step.rawValue)"),
                                                                 "done": String(index), "of": String(Extractor.Step.allCases.count),
                                                                 "size": String(total / 1024)])
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        shown = true
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// `deltaberaad eval-extract GOLD_DIR DOCS_DIR`: precision and recall per type against gold files.
struct EvalExtract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval-extract", abstract: CLIText.labels.text("cli.help.eval1"))

    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.eval2"))) var goldDirectory: String
    @Argument(help: ArgumentHelp(CLIText.labels.text("cli.help.eval3"))) var documentsDirectory: String
    @Flag(help: ArgumentHelp(CLIText.labels.text("cli.help.eval4"))) var verbose = false

    func run() async throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: goldDirectory))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
        guard !names.isEmpty else { throw CLIError("cli.eval.noGold", ["directory": goldDirectory]) }
        var totals: [String: ExtractionEvaluation.Tally] = [:]
        for name in names {
            let base = String(name.dropLast(5))
            let goldData = try Data(contentsOf: URL(fileURLWithPath: goldDirectory).appendingPathComponent(name))
            let gold = try JSONDecoder().decode(ExtractionResult.self, from: goldData)
            let candidates = ["txt", "md", "html", "docx", "pdf"].map { "\(documentsDirectory)/\(base).\($0)" }
            guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                throw CLIError("cli.eval.noDocument", ["document": base, "directory": documentsDirectory])
            }
            let text: String
            do { text = try await DocumentReader.text(ofFile: path) } catch let error as DocumentReadError { throw CLIError(error.key, error.arguments) }
            let result = Extractor().extract(text, document: base, documentDate: gold.documentDate.flatMap(CalendarDate.init(iso:)))
            let scores = ExtractionEvaluation.score(found: result, gold: gold)
            for (type, tally) in scores { totals[type, default: .init()] = totals[type, default: .init()] + tally }
            if verbose {
                print("\(base):")
                for type in ExtractionEvaluation.types { print("  " + Self.row(type, scores[type] ?? .init())) }
                Self.differences(result, gold)
            }
        }
        print(CLIText.labels.text("cli.eval.header", ["documents": String(names.count)]))
        for type in ExtractionEvaluation.types { print("  " + Self.row(type, totals[type] ?? .init())) }
    }

    static func row(_ type: String, _ t: ExtractionEvaluation.Tally) -> String {
        func p(_ x: Double) -> String { String(format: "%.3f", x) }
        return "\(type.padding(toLength: 11, withPad: " ", startingAt: 0)) P \(p(t.precision))  R \(p(t.recall))  values \(p(t.valueAccuracy))  (found \(t.found), gold \(t.gold), matched \(t.matched), right values \(t.correctValues))"
    }

    /// What was missed, what was extra, and wrong values (with --verbose).
    static func differences(_ found: ExtractionResult, _ gold: ExtractionResult) {
        func report<T>(_ type: String, _ f: [T], _ g: [T], _ span: (T) -> (Int, Int), _ text: (T) -> String, _ value: (T) -> String) {
            let pairs = ExtractionEvaluation.matches(f.map(span), g.map(span))
            let matchedF = Set(pairs.map(\.0)), matchedG = Set(pairs.map(\.1))
            func flat(_ s: String) -> String { String(s.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(90)) }
            for (i, item) in g.enumerated() where !matchedG.contains(i) { print("    MISSED \(type): \(flat(text(item))) [\(value(item))]") }
            for (i, item) in f.enumerated() where !matchedF.contains(i) { print("    EXTRA  \(type): \(flat(text(item))) [\(value(item))]") }
            for (a, b) in pairs where value(f[a]) != value(g[b]) { print("    VALUE  \(type): \(flat(text(f[a]))) found [\(value(f[a]))] gold '\(flat(text(g[b])))' [\(value(g[b]))]") }
        }
        report("date", found.dates, gold.dates, { ($0.start, $0.end) }, \.text) { "\($0.earliest ?? "null") \($0.latest ?? "null") \($0.precision)" }
        report("amount", found.amounts, gold.amounts, { ($0.start, $0.end) }, \.text) { "\($0.kind) \($0.min ?? -1) \($0.max ?? -1) \($0.currency)" }
        report("cadence", found.cadences, gold.cadences, { ($0.start, $0.end) }, \.text) { "\($0.minPerYear)" }
        report("agreement", found.agreements, gold.agreements, { ($0.start, $0.end) }, \.text) { $0.parties.sorted().joined(separator: "|") }
    }
}
