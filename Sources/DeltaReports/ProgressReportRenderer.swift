import DeltaDomain

/// Renders a progress report as a print-ready HTML document (A4, page numbers, table of contents)
/// or as Markdown.
public enum ProgressReportRenderer {
    /// A standalone HTML document; its print stylesheet makes A4 pages numbered "n / total",
    /// with every dossier on a page of its own.
    public static func html(_ report: ProgressReport) -> String {
        let l = report.labels
        // The register's own texts are Dutch; in a French or English report they are marked so.
        let content = l.language == .nl ? "" : " lang=\"nl\""
        var out = """
        <!DOCTYPE html>
        <html lang="\(l.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(report.title))</title>
        <style>
        @page { size: A4; margin: 20mm 18mm 22mm 18mm;
          @bottom-center { content: "\(l.text("report.page")) " counter(page) " / " counter(pages); font: 9pt sans-serif; color: #444; }
          @top-right { content: "\(cssString(report.bodyName))"; font: 8pt sans-serif; color: #666; } }
        body { font: 10.5pt/1.45 "DejaVu Sans", Arial, sans-serif; color: #111; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }
        h1 { font-size: 20pt; margin: 0 0 .3rem; } h2 { font-size: 14pt; border-bottom: 1px solid #999; padding-bottom: 2pt; }
        h3 { font-size: 11pt; margin: .8rem 0 .2rem; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; } th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
        th { background: #eef2f7; } .health { font-weight: bold; } .on-track { color: #1a6b34; } .at-risk { color: #8a4500; } .off-track { color: #a00000; } .unknown { color: #555; }
        nav.toc ol { columns: 2; font-size: 9.5pt; } .meta { color: #333; } .note { font-size: 8.5pt; color: #444; }
        @media print { section.dossier { break-before: page; } a { color: inherit; text-decoration: none; } body { margin: 0; max-width: none; padding: 0; } }
        </style>
        </head>
        <body>
        <header>
        <h1>\(escape(report.title))</h1>
        <p class="meta">\(l.text("report.periodLabel"))\(l.text("report.colon"))\(escape(report.period)) · \(l.text("report.generatedOn")) \(escape(report.generatedOn))</p>
        </header>
        <nav class="toc" aria-labelledby="toc"><h2 id="toc">\(l.text("report.contents"))</h2><ol>
        <li><a href="#summary">\(l.text("report.summary"))</a></li>

        """
        for section in report.sections { out += "<li\(content)><a href=\"#\(section.anchor)\">\(escape(section.title))</a></li>\n" }
        if !report.generalDecisions.isEmpty { out += "<li><a href=\"#general\">\(l.text("report.generalDecisions"))</a></li>\n" }
        out += """
        </ol></nav>
        <section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">\(l.text("report.summary"))</h2>
        <p>\(l.text("report.summaryIntro"))</p>
        <table><thead><tr><th scope="col">\(l.text("report.dossier"))</th><th scope="col">\(l.text("report.health"))</th><th scope="col">\(l.text("report.reached"))</th><th scope="col">\(l.text("report.missed"))</th><th scope="col">\(l.text("report.next"))</th></tr></thead><tbody>

        """
        for row in report.summary {
            out += "<tr><th scope=\"row\"\(content)><a href=\"#\(row.anchor)\">\(escape(row.dossier))</a></th><td class=\"health \(row.health.rawValue)\">\(escape(row.healthLabel))</td><td>\(row.reached)</td><td>\(row.missed)</td><td>\(escape(row.next))</td></tr>\n"
        }
        out += "</tbody></table>\n<p class=\"note\">\(l.text("report.sourceNote"))</p>\n</section>\n"
        for section in report.sections {
            out += "<section class=\"dossier\" id=\"\(section.anchor)\" aria-labelledby=\"h-\(section.anchor)\">\n"
            out += "<h2 id=\"h-\(section.anchor)\"\(content)>\(escape(section.title))</h2>\n"
            out += "<p><span class=\"health \(section.health.rawValue)\">\(l.text("report.health"))\(l.text("report.colon"))\(escape(section.healthLabel))</span>"
            if !section.reasons.isEmpty { out += " — " + section.reasons.map(escape).joined(separator: " ") }
            out += "</p>\n"
            out += list(l.text("report.milestonesReachedInPeriod"), section.reached, l)
            out += list(l.text("report.milestonesMissedInPeriod"), section.missed, l)
            out += list(l.text("report.nextMilestones"), section.next, l)
            out += list(l.text("report.decisionsTaken"), section.decisions, l)
            out += list(l.text("report.actionsOpen"), section.openActions, l)
            out += list(l.text("report.investments"), section.investments + (section.investmentTotal.map { ["\(l.text("report.total"))\(l.text("report.colon"))\($0)"] } ?? []), l)
            out += "<h3>\(l.text("report.agreementsCompletion"))</h3>\n"
            if section.agreements.isEmpty {
                out += "<p>\(l.text("report.none"))</p>\n"
            } else {
                out += "<p>" + section.completionCounts.map { "\(escape($0.label))\(l.text("report.colon"))\($0.count)" }.joined(separator: " · ") + "</p>\n<table><tbody>\n"
                for agreement in section.agreements {
                    out += "<tr><td\(content)>\(escape(agreement.title))</td><td>\(escape(agreement.completion))</td></tr>\n"
                }
                out += "</tbody></table>\n"
            }
            out += "</section>\n"
        }
        if !report.generalDecisions.isEmpty {
            out += "<section class=\"dossier\" id=\"general\"><h2>\(l.text("report.generalDecisions"))</h2>\n"
            out += "<ul>" + report.generalDecisions.map { "<li\(content)>\(escape($0))</li>" }.joined() + "</ul></section>\n"
        }
        return out + "</body>\n</html>\n"
    }

    private static func list(_ heading: String, _ items: [String], _ l: Labels) -> String {
        "<h3>\(heading)</h3>\n" + (items.isEmpty ? "<p>\(l.text("report.none"))</p>\n" : "<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n")
    }

    /// The same report as Markdown (GitHub flavour: a table for the summary).
    public static func markdown(_ report: ProgressReport) -> String {
        let l = report.labels
        var out = "# \(report.title)\n\n\(l.text("report.periodLabel"))\(l.text("report.colon"))\(report.period)  \n\(l.text("report.generatedOn")) \(report.generatedOn)\n\n"
        out += "## \(l.text("report.contents"))\n\n1. [\(l.text("report.summary"))](#\(l.text("report.summary").lowercased()))\n"
        for (index, section) in report.sections.enumerated() { out += "\(index + 2). \(section.title)\n" }
        out += "\n## \(l.text("report.summary"))\n\n\(l.text("report.summaryIntro"))\n\n"
        out += "| \(l.text("report.dossier")) | \(l.text("report.health")) | \(l.text("report.reached")) | \(l.text("report.missed")) | \(l.text("report.next")) |\n|---|---|---|---|---|\n"
        for row in report.summary {
            out += "| \(cell(row.dossier)) | \(cell(row.healthLabel)) | \(row.reached) | \(row.missed) | \(cell(row.next)) |\n"
        }
        for section in report.sections {
            out += "\n## \(section.title)\n\n**\(l.text("report.health"))**\(l.text("report.colon"))\(section.healthLabel)"
            if !section.reasons.isEmpty { out += " — " + section.reasons.joined(separator: " ") }
            out += "\n"
            for (heading, items) in [(l.text("report.milestonesReachedInPeriod"), section.reached), (l.text("report.milestonesMissedInPeriod"), section.missed),
                                     (l.text("report.nextMilestones"), section.next), (l.text("report.decisionsTaken"), section.decisions),
                                     (l.text("report.actionsOpen"), section.openActions),
                                     (l.text("report.investments"), section.investments + (section.investmentTotal.map { ["\(l.text("report.total"))\(l.text("report.colon"))\($0)"] } ?? []))] {
                out += "\n### \(heading)\n\n" + (items.isEmpty ? "\(l.text("report.none"))\n" : items.map { "- \($0)\n" }.joined())
            }
            out += "\n### \(l.text("report.agreementsCompletion"))\n\n"
            out += section.agreements.isEmpty ? "\(l.text("report.none"))\n" : section.agreements.map { "- \($0.title) — *\($0.completion)*\n" }.joined()
        }
        if !report.generalDecisions.isEmpty {
            out += "\n## \(l.text("report.generalDecisions"))\n\n" + report.generalDecisions.map { "- \($0)\n" }.joined()
        }
        return out + "\n---\n\(l.text("report.sourceNote"))\n"
    }

    private static func cell(_ text: String) -> String { text.replacing("|", with: "\\|").replacing("\n", with: " ") }

    /// A CSS string's content: quotes and backslashes escaped, and no `<` that could end the style element.
    static func cssString(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "<": result += "\\3C "
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// HTML escaping for text and attribute values.
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }
}
