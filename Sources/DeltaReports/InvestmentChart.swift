import DeltaDomain

/// A stacked bar chart of investments per year and country, as SVG: one bar per year bucket,
/// one segment per country. The solid part of a segment is the money that is at least there
/// (the total's firm amount); the pale, dashed part above it is what ranges and "up to"
/// amounts may add (up to the ceiling). The chart names itself (`<title>`), carries its whole
/// content as a text alternative (`<desc>`), and gives each segment its own title; the page
/// shows the same figures in a table beside it.
public struct InvestmentChart: Sendable {
    /// Fixed geometry: the chart scales in the page through `viewBox`.
    static let width = 640.0, plotTop = 16.0, plotHeight = 220.0, left = 92.0, right = 12.0, legendRowHeight = 20.0

    let pivot: InvestmentPivot
    let labels: Labels

    /// A chart of a pivot with years as rows and countries as columns.
    public init(_ pivot: InvestmentPivot, labels: Labels) {
        precondition(pivot.rows == .year && pivot.columns == .country, "the chart shows years × countries")
        self.pivot = pivot
        self.labels = labels
    }

    /// Country colours with enough contrast against white and each other.
    static func colour(_ country: String) -> String {
        switch country {
        case "NL": "#c2410c"
        case "BE": "#1d4ed8"
        case "DE": "#374151"
        case "EU": "#047857"
        case "FR": "#7c3aed"
        case "LU": "#0e7490"
        default: "#6b7280"
        }
    }

    /// The text alternative: one sentence per year with every country's figure.
    public var textAlternative: String {
        if pivot.rowKeys.isEmpty { return labels.text("chart.investments.empty") }
        return pivot.rowKeys.map { year in
            let parts = pivot.columnKeys.compactMap { country -> String? in
                let total = pivot.cell(year, country)
                guard total.count > 0 else { return nil }
                return labels.text("chart.investments.segment", ["country": countryName(country), "total": labels.total(total)])
            }
            return labels.text("chart.investments.yearSentence", ["year": labels.yearBucket(year), "parts": parts.joined(separator: "; ")])
        }.joined(separator: " ")
    }

    /// The SVG document (no XML declaration, so it can also be placed inline in HTML; no
    /// self-closing tags, which HTML allows only on void elements).
    public func svg(id: String = "investment-chart") -> String {
        let e = MarkupEscaping.escape
        let years = pivot.rowKeys, countries = pivot.columnKeys
        let stackTop = years.map { year in countries.reduce(Int64(0)) { $0 + pivot.cell(year, $1).ceilingCents } }.max() ?? 0
        let scale = Self.scale(maximum: stackTop)
        let legendRows = (countries.count + 3) / 4 + 1
        let axisBottom = Self.plotTop + Self.plotHeight
        let height = axisBottom + 44 + Double(legendRows) * Self.legendRowHeight
        let plotWidth = Self.width - Self.left - Self.right
        let slot = years.isEmpty ? plotWidth : plotWidth / Double(years.count)
        let barWidth = min(64, slot * 0.6)
        func y(_ cents: Int64) -> Double { axisBottom - (scale.top == 0 ? 0 : Double(cents) / Double(scale.top) * Self.plotHeight) }
        func n(_ value: Double) -> String { Self.coordinate(value) }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(Self.width)) \(n(height))\" width=\"\(n(Self.width))\" height=\"\(n(height))\""
        out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(id)-title\">\(e(labels.text("chart.investments.title")))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(e(textAlternative))</desc>\n"
        // Axis and gridlines with the amounts they stand for.
        out += "<g class=\"axis\" aria-hidden=\"true\">\n"
        for tick in stride(from: Int64(0), through: scale.top, by: Int(max(scale.step, 1))) {
            let ty = y(tick)
            out += "<line x1=\"\(n(Self.left))\" y1=\"\(n(ty))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(ty))\" stroke=\"#d1d5db\"></line>"
            out += "<text x=\"\(n(Self.left - 6))\" y=\"\(n(ty + 4))\" text-anchor=\"end\">\(e(labels.euros(cents: tick)))</text>\n"
            if scale.step == 0 { break }
        }
        out += "</g>\n"
        for (index, year) in years.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            var base: Int64 = 0
            out += "<g class=\"bar\">\n"
            for country in countries {
                let total = pivot.cell(year, country)
                guard total.count > 0 else { continue }
                let name = labels.text("chart.investments.segment", ["country": countryName(country), "total": labels.total(total)])
                let firmTop = base + total.firmCents, ceilingTop = base + total.ceilingCents
                out += "<g><title>\(e(labels.yearBucket(year))): \(e(name))</title>"
                if total.firmCents > 0 {
                    out += "<rect x=\"\(n(x))\" y=\"\(n(y(firmTop)))\" width=\"\(n(barWidth))\" height=\"\(n(y(base) - y(firmTop)))\" fill=\"\(Self.colour(country))\"></rect>"
                }
                if total.ceilingCents > total.firmCents {
                    out += "<rect x=\"\(n(x))\" y=\"\(n(y(ceilingTop)))\" width=\"\(n(barWidth))\" height=\"\(n(y(firmTop) - y(ceilingTop)))\""
                    out += " fill=\"\(Self.colour(country))\" fill-opacity=\"0.25\" stroke=\"\(Self.colour(country))\" stroke-dasharray=\"4 3\"></rect>"
                }
                out += "</g>\n"
                base = ceilingTop
            }
            out += "<text x=\"\(n(x + barWidth / 2))\" y=\"\(n(axisBottom + 16))\" text-anchor=\"middle\" aria-hidden=\"true\">\(e(labels.yearBucket(year)))</text>\n"
            out += "</g>\n"
        }
        out += "<line x1=\"\(n(Self.left))\" y1=\"\(n(axisBottom))\" x2=\"\(n(Self.width - Self.right))\" y2=\"\(n(axisBottom))\" stroke=\"#111827\" aria-hidden=\"true\"></line>\n"
        // Legend: the countries, then what solid and pale mean.
        out += "<g class=\"legend\" aria-hidden=\"true\">\n"
        let legendTop = axisBottom + 34
        for (index, country) in countries.enumerated() {
            let lx = Self.left + Double(index % 4) * 130, ly = legendTop + Double(index / 4) * Self.legendRowHeight
            out += "<rect x=\"\(n(lx))\" y=\"\(n(ly))\" width=\"12\" height=\"12\" fill=\"\(Self.colour(country))\"></rect>"
            out += "<text x=\"\(n(lx + 18))\" y=\"\(n(ly + 10))\">\(e(countryName(country)))</text>\n"
        }
        let ky = legendTop + Double(legendRows - 1) * Self.legendRowHeight
        out += "<rect x=\"\(n(Self.left))\" y=\"\(n(ky))\" width=\"12\" height=\"12\" fill=\"#6b7280\"></rect>"
        out += "<text x=\"\(n(Self.left + 18))\" y=\"\(n(ky + 10))\">\(e(labels.text("chart.investments.firm")))</text>"
        out += "<rect x=\"\(n(Self.left + 240))\" y=\"\(n(ky))\" width=\"12\" height=\"12\" fill=\"#6b7280\" fill-opacity=\"0.25\" stroke=\"#6b7280\" stroke-dasharray=\"4 3\"></rect>"
        out += "<text x=\"\(n(Self.left + 258))\" y=\"\(n(ky + 10))\">\(e(labels.text("chart.investments.ceiling")))</text>\n"
        out += "</g>\n</svg>\n"
        return out
    }

    /// A coordinate with one decimal ("12.5"), whatever the locale.
    static func coordinate(_ value: Double) -> String {
        let tenths = Int64((value * 10).rounded())
        let magnitude = tenths.magnitude
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// The chart as a standalone SVG file, with its XML declaration.
    public func svgFile() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg() }

    private func countryName(_ key: String) -> String { Country(rawValue: key).map(labels.country) ?? key }

    /// The axis top and tick step: a round step (1, 2 or 5 × 10ⁿ euros) giving at most five ticks.
    static func scale(maximum cents: Int64) -> (top: Int64, step: Int64) {
        guard cents > 0 else { return (0, 0) }
        var magnitude: Int64 = 100
        while magnitude <= cents / 10, magnitude <= Int64.max / 100 { magnitude *= 10 }
        for factor: Int64 in [1, 2, 5, 10, 20, 50] {
            // Overflow-checked: a register near Int64's range gets one tick instead of a crash.
            let (scaled, overflow) = magnitude.multipliedReportingOverflow(by: factor)
            guard !overflow else { break }
            let step = scaled / 10
            guard step > 0 else { continue }
            let ticks = cents / step + (cents % step == 0 ? 0 : 1)
            let (top, tooHigh) = ticks.multipliedReportingOverflow(by: step)
            if ticks <= 5, !tooHigh { return (top, step) }
        }
        return (cents, cents)
    }
}
