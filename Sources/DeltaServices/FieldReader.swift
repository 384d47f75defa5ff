import DeltaDomain
import DeltaReports
import Foundation

/// Reads submitted values field by field, collecting one message per field for the form to show
/// next to it. Why collect instead of throw: the user sees every problem at once.
package struct FieldReader {
    package let values: [String: String]
    /// The language the messages are written in.
    package let labels: Labels
    package private(set) var errors: [String: String] = [:]

    package init(_ values: [String: String], labels: Labels) {
        self.values = values
        self.labels = labels
        // Control characters (NUL and the like) are refused in every field: stored, they cut
        // texts short in the pages and the exports. Tabs and line breaks are text.
        // Fields the form sends for itself (`_csrf`, `_base_…` copies of the stored version) are not input.
        for (name, value) in values where !name.hasPrefix("_") && ControlCharacters.refused(in: value) {
            errors[name] = labels.text("form.error.controlCharacter")
        }
    }

    /// A trimmed value, nil when empty.
    package func text(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    package mutating func fail(_ name: String, _ message: String) {
        if errors[name] == nil { errors[name] = message }
    }

    /// A required text; records "vul … in" when missing. `limit` guards against pasted novels.
    package mutating func required(_ name: String, _ label: String, limit: Int = 2_000) -> String {
        guard let value = text(name) else {
            fail(name, labels.text("form.error.fillIn", ["label": label]))
            return ""
        }
        if value.count > limit { fail(name, labels.text("form.error.tooLong", ["limit": labels.numbers.integer(limit)])) }
        return value
    }

    /// An optional text with a length limit.
    package mutating func optional(_ name: String, limit: Int = 2_000) -> String? {
        guard let value = text(name) else { return nil }
        if value.count > limit { fail(name, labels.text("form.error.tooLong", ["limit": labels.numbers.integer(limit)])) }
        return value
    }

    /// A new record's id: lower-case letters, digits and dashes.
    package mutating func identifier(_ name: String) -> String {
        let value = required(name, labels.text("form.common.id"), limit: 80)
        if !value.isEmpty, !value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            fail(name, labels.text("form.error.identifier"))
        }
        return value
    }

    /// A period in Dutch wording ("eind 2026", "voor de zomer van 2027") or an ISO date.
    package mutating func period(_ name: String, _ label: String, required isRequired: Bool, referenceYear: Int?) -> FuzzyPeriod? {
        guard let value = text(name) else {
            if isRequired { fail(name, labels.text("form.error.fillInPeriod", ["label": label])) }
            return nil
        }
        guard let period = FuzzyPeriod.parse(value, referenceYear: referenceYear) else {
            fail(name, labels.text("form.error.period", ["value": value]))
            return nil
        }
        return period
    }

    /// A date as YYYY-MM-DD.
    package mutating func date(_ name: String, _ label: String, required isRequired: Bool) -> CalendarDate? {
        guard let value = text(name) else {
            if isRequired { fail(name, labels.text("form.error.fillInDate", ["label": label])) }
            return nil
        }
        guard let date = CalendarDate(iso: value) else {
            fail(name, labels.text("form.error.date", ["value": value]))
            return nil
        }
        return date
    }

    /// One of an enum's raw values.
    package mutating func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type, default fallback: E? = nil) -> E? where E.RawValue == String {
        guard let value = text(name) else {
            if fallback == nil { fail(name, labels.text("form.error.choose")) }
            return fallback
        }
        guard let chosen = E(rawValue: value) else {
            fail(name, labels.text("form.error.choice", ["value": value]))
            return fallback
        }
        return chosen
    }

    /// One of an enum's raw values, or nothing when left empty.
    package mutating func optionalChoice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let value = text(name) else { return nil }
        guard let chosen = E(rawValue: value) else {
            fail(name, labels.text("form.error.choice", ["value": value]))
            return nil
        }
        return chosen
    }

    /// Links given one per line as "https://… what it is": evidence for a completion.
    package mutating func evidenceLinks(_ name: String) -> [Evidence] {
        var links: [Evidence] = []
        for line in (optional(name, limit: 20_000) ?? "").split(whereSeparator: \.isNewline) {
            let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
            guard let first = parts.first else { continue }
            let url = String(first)
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""), parsed.host != nil,
                  parts.count == 2 else {
                fail(name, labels.text("form.error.evidenceLink", ["value": String(line.prefix(80))]))
                continue
            }
            links.append(.link(url: url, title: String(parts[1]).trimmingCharacters(in: .whitespaces)))
        }
        return links
    }

    /// Co-financing shares, one per line as "organisation-id percent" ("mow 25" or "mow: 25,5"):
    /// known organisations, each share above 0 and together at most 100 %.
    package mutating func coFinancing(_ name: String, among organisations: Set<String>) -> [CoFinancingShare] {
        var shares: [CoFinancingShare] = []
        for line in (optional(name, limit: 4_000) ?? "").split(whereSeparator: \.isNewline) {
            let words = line.replacingOccurrences(of: ":", with: " ").replacingOccurrences(of: "%", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true)
            guard words.count == 2, let percent = Double(words[1].replacingOccurrences(of: ",", with: ".")), percent > 0, percent <= 100 else {
                fail(name, labels.text("form.error.coFinancingLine", ["value": String(line.prefix(80))]))
                continue
            }
            let organisation = String(words[0])
            guard organisations.contains(organisation) else {
                fail(name, labels.text("form.error.unknownReference", ["value": organisation]))
                continue
            }
            shares.append(CoFinancingShare(organisationID: organisation, percent: percent))
        }
        if shares.reduce(0, { $0 + $1.percent }) > 100 { fail(name, labels.text("form.error.coFinancingTotal")) }
        return shares
    }

    /// An optional source passage: a known document and a quote found literally in one of its
    /// paragraphs (whitespace aside). Both or neither; each problem is told at its own field.
    package mutating func passage(document documentField: String, quote quoteField: String, among documents: Set<String>,
                                  paragraphs: [Paragraph]) -> PassageReference? {
        let document = reference(documentField, among: documents)
        let quote = optional(quoteField, limit: 8_000)
        switch (document, quote) {
        case (nil, nil): return nil
        case (nil, _?): fail(documentField, labels.text("form.passage.documentIDError")); return nil
        case (_?, nil): fail(quoteField, labels.text("form.passage.quoteMissing")); return nil
        case (let document?, let quote?):
            guard errors[documentField] == nil, errors[quoteField] == nil else { return nil }
            guard let found = TextLayout.locate(quote: quote, in: paragraphs) else {
                fail(quoteField, labels.text("form.passage.quoteError"))
                return nil
            }
            return PassageReference(documentID: document, anchor: found.anchor, start: found.start, length: found.length, quote: quote)
        }
    }

    /// An optional reference to a known record.
    package mutating func reference(_ name: String, among known: Set<String>, required isRequired: Bool = false) -> String? {
        guard let value = text(name) else {
            if isRequired { fail(name, labels.text("form.error.choose")) }
            return nil
        }
        if !known.contains(value) { fail(name, labels.text("form.error.unknownReference", ["value": value])) }
        return value
    }

    /// A comma-separated list of references to known records.
    package mutating func references(_ name: String, among known: Set<String>) -> [String] {
        let items = list(name)
        let unknown = items.filter { !known.contains($0) }
        if !unknown.isEmpty { fail(name, labels.text("form.error.unknownReferences", ["ids": unknown.joined(separator: ", ")])) }
        return items
    }

    /// A comma-separated list of words.
    package func list(_ name: String) -> [String] {
        (text(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A whole number within a range.
    package mutating func integer(_ name: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = text(name) else { return nil }
        guard let number = Int(value), range.contains(number) else {
            fail(name, labels.text("form.error.integer", ["low": String(range.lowerBound), "high": String(range.upperBound)]))
            return nil
        }
        return number
    }

    /// Euros as digits, with optional thousands separators (. or space) and cents after a comma.
    package mutating func euros(_ name: String) -> Int64? {
        guard let value = text(name) else { return nil }
        let parts = value.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ".", with: "").split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, whole < 1_000_000_000_000,
              parts.count == 1 || (parts[1].count == 2 && Int64(parts[1]) != nil)
        else {
            fail(name, labels.text("form.error.euros"))
            return nil
        }
        return whole * 100 + (parts.count == 2 ? Int64(parts[1])! : 0)
    }
}

extension Int64 {
    /// Cents as the euro text the forms accept back ("1250000,50" or "130000000").
    package var eurosForForm: String {
        let cents = self % 100
        return cents == 0 ? "\(self / 100)" : "\(self / 100),\(cents < 10 ? "0" : "")\(cents)"
    }
}
