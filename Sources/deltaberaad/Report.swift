import ArgumentParser
import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation

/// `deltaberaad report`: a body's progress report as HTML, Markdown or PDF.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: CLIText.labels.text("cli.help.report1"))

    @OptionGroup var database: DatabaseOptions
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report2"))) var body: String
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report3"))) var year: String?
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report4"))) var from: String?
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report5"))) var to: String?
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report6"))) var lang: String = "nl"
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report7"))) var format: String = "html"
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report8"))) var out: String
    @Option(help: ArgumentHelp(CLIText.labels.text("cli.help.report9"))) var today: String?

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
            try await PDFPrinter.print(html: ProgressReportRenderer.html(report), to: output)
        }
        say("cli.report.done", ["format": format, "body": body, "period": period.name, "lang": language.rawValue, "path": output.path])
    }
}
