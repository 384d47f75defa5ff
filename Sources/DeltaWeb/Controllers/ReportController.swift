import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The progress report of a body: `/bodies/{id}/report?year=2026&lang=fr` (print-ready HTML) and
/// `/bodies/{id}/report.md` (Markdown). The PDF is made by `deltaberaad report --format pdf`.
struct ReportController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/bodies/{id}/report") { request, context -> Response in
            let report = try await report(request, context: context)
            return Self.document(ProgressReportRenderer.html(report), type: "text/html; charset=utf-8")
        }
        router.get("/bodies/{id}/report.md") { request, context -> Response in
            let report = try await report(request, context: context)
            var response = Self.document(ProgressReportRenderer.markdown(report), type: "text/markdown; charset=utf-8")
            response.headers[.contentDisposition] = "inline; filename=\"\(context.labels.text("report.fileName")).md\""
            return response
        }
    }

    private func report(_ request: Request, context: AppRequestContext) async throws -> ProgressReport {
        let id = try context.parameters.require("id")
        let query = request.uri.queryParameters
        let today = configuration.today()
        // The language middleware already chose the language from ?lang=; a report asked for in a
        // language we do not write is refused rather than silently given in another.
        if let lang = query["lang"], Language(rawValue: String(lang)) == nil {
            throw AppError(.badRequest, "error.unknownLanguage", ["lang": String(lang)])
        }
        let period = try ReportPeriod(year: query["year"].map(String.init), from: query["from"].map(String.init),
                                      to: query["to"].map(String.init), today: today)
        let scope = context.readScope
        let anonymous = context.account == nil
        let input = try await engine.read { db in
            try await ProgressReports.input(register: Register(db: db, scope: scope), bodyID: id, from: period.from, to: period.to,
                                            periodName: period.name, today: today, approvedMinutesOnly: anonymous)
        }
        guard let input else { throw HTTPError(.notFound) }
        return ProgressReport.build(input, labels: context.labels)
    }

    private static func document(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The period a report covers: a calendar year, or two dates.
public struct ReportPeriod: Sendable {
    public let from: CalendarDate
    public let to: CalendarDate
    public let name: String

    /// `year` ("2026"), or `from` and `to` (YYYY-MM-DD); the current year when none is given.
    public init(year: String?, from: String?, to: String?, today: CalendarDate) throws {
        if let from, let to {
            guard let start = CalendarDate(iso: from), let end = CalendarDate(iso: to), start <= end else {
                throw AppError(.badRequest, "error.reportFromTo")
            }
            self.from = start; self.to = end; name = "\(start.iso) – \(end.iso)"
            return
        }
        let number = year.flatMap(Int.init) ?? today.year
        guard (1990...2100).contains(number), year.map({ Int($0) != nil }) ?? true else {
            throw AppError(.badRequest, "error.reportYear")
        }
        self.from = CalendarDate(year: number, month: 1, day: 1)!
        self.to = CalendarDate(year: number, month: 12, day: 31)!
        name = String(number)
    }
}
