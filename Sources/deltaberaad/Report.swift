import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// `deltaberaad report`: a body's progress report as HTML, Markdown or PDF.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a body's progress report (voortgangsrapportage) as HTML, Markdown or PDF (PDF needs Chromium).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "The body, e.g. politiek-overleg.") var body: String
    @Option(help: "The calendar year the report covers (default: this year).") var year: String?
    @Option(help: "First day of the period (YYYY-MM-DD), with --to instead of --year.") var from: String?
    @Option(help: "Last day of the period (YYYY-MM-DD).") var to: String?
    @Option(help: "Language of headings, fixed texts and dates: nl, fr or en.") var lang: String = "nl"
    @Option(help: "html, md or pdf.") var format: String = "html"
    @Option(help: "The file to write.") var out: String
    @Option(help: "Pin “today” (YYYY-MM-DD).") var today: String?

    func run() async throws {
        guard let language = Language(rawValue: lang) else { throw CLIError("cli.report.lang") }
        guard ["html", "md", "pdf"].contains(format) else { throw CLIError("cli.report.format") }
        let day = try parseDay(today) ?? CalendarDate.todayInBrussels()
        let period: ReportPeriod
        do {
            period = try ReportPeriod(year: year, from: from, to: to, today: day)
        } catch {
            throw CLIError("cli.report.period")
        }
        let engine = try await openRegister(database)
        let input: ProgressReportInput?
        do {
            input = try await engine.read { db in
                try await ProgressReports.input(register: Register(db: db, scope: .everything), bodyID: body, from: period.from, to: period.to,
                                                periodName: period.name, today: day, approvedMinutesOnly: false)
            }
        } catch {
            await engine.shutdown()
            throw error
        }
        await engine.shutdown()
        guard let input else { throw CLIError("cli.noBody", ["id": body]) }
        let report = ProgressReport.build(input, labels: try cliLabels(language))
        let output = URL(fileURLWithPath: out)
        switch format {
        case "md":
            try ProgressReportRenderer.markdown(report).write(to: output, atomically: true, encoding: .utf8)
        case "html":
            try ProgressReportRenderer.html(report).write(to: output, atomically: true, encoding: .utf8)
        default:
            try PDFPrinter.print(html: ProgressReportRenderer.html(report), to: output)
        }
        say("cli.report.done", ["format": format, "body": body, "period": period.name, "lang": language.rawValue, "path": output.path])
    }
}
