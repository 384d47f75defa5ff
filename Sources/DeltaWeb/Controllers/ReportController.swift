import DeltaDomain
import DeltaReports
import DeltaServices
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

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
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
        let period: ReportPeriod
        do {
            period = try ReportPeriod(year: query["year"].map(String.init), from: query["from"].map(String.init),
                                      to: query["to"].map(String.init), today: today)
        } catch let error as OperationError {
            // A period the report cannot cover is a bad request (the query is wrong), not a form to correct.
            throw AppError(.badRequest, error.key, error.arguments)
        }
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
        return Response.tagged(headers: headers, body: ByteBuffer(string: text))
    }
}

