import DeltaDomain
import DeltaReports
import DeltaStore
import HTTPTypes
import Hummingbird

/// The investments as files, with the page's filters (`InvestmentQuery`):
/// `/investments.csv` (every amount; `?variant=excel` for `;` and decimal commas),
/// `/investments/pivot.csv` (the pivot's cells and totals) and `/investments/chart.svg`.
/// Each answers in the reader's scope, like the page.
struct InvestmentController: Sendable {
    let engine: any DatabaseEngine
    let configuration: AppConfiguration

    func addRoutes(pages router: RouterGroup<AppRequestContext>) {
        router.get("/investments.csv") { request, context -> Response in
            let query = try InvestmentQuery(request)
            let scope = context.readScope
            let labels = context.labels
            let table = try await engine.read { db in
                let register = Register(db: db, scope: scope)
                let tables = try await register.lookupTables()
                let shown = try await register.investments().filter(query.filter.selects)
                var dates: [String: FuzzyPeriod] = [:]
                for document in tables.documents { if let date = document.date { dates[document.id] = date } }
                return InvestmentCSV.table(shown, organisationNames: Dictionary(tables.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                                           documentDates: dates, labels: labels)
            }
            return Self.file(table.text(query.variant), type: "text/csv; charset=utf-8; header=present", name: "investments.csv")
        }
        router.get("/investments/pivot.csv") { request, context -> Response in
            let query = try InvestmentQuery(request)
            let scope = context.readScope
            let labels = context.labels
            let today = configuration.today()
            let table = try await engine.read { db in
                let register = Register(db: db, scope: scope)
                let names = InvestmentNames(index: try await register.lookupIndex(today: today, labels: labels))
                let pivot = InvestmentPivot(try await register.investments(), rows: query.rows, columns: query.columns, filter: query.filter)
                return InvestmentCSV.pivotTable(pivot, rowName: { names.name(query.rows, $0) }, columnName: { names.name(query.columns, $0) })
            }
            return Self.file(table.text(query.variant), type: "text/csv; charset=utf-8; header=present", name: "investments-pivot.csv")
        }
        router.get("/investments/chart.svg") { request, context -> Response in
            let query = try InvestmentQuery(request)
            let scope = context.readScope
            let labels = context.labels
            let investments = try await engine.read { db in try await Register(db: db, scope: scope).investments() }
            let chart = InvestmentChart(InvestmentPivot(investments, rows: .year, columns: .country, filter: query.filter), labels: labels)
            return Self.file(chart.svgFile(), type: "image/svg+xml; charset=utf-8", name: "investments-chart.svg",
                             inline: true)
        }
    }

    /// A file answer; a download unless `inline`.
    static func file(_ text: String, type: String, name: String, inline: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "\(inline ? "inline" : "attachment"); filename=\"\(name)\""
        headers[.xContentTypeOptions] = "nosniff"
        // An SVG opened on its own may not run scripts or load anything (it holds none, but say so).
        if inline { headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'" }
        return Response.tagged(headers: headers, body: ByteBuffer(string: text))
    }
}
