import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation

/// The editor of an indicator of the goal tree: the node it measures, its unit, baseline and
/// target, the measured values one per line, and optionally the passage that sets it.
///
/// As in the data files, the baseline and every measured value have a day; only the target may
/// lack one (a document can set a target without a deadline).
package enum IndicatorForm: RecordForm {
    package static let segment = "indicators"
    /// The most measured values one indicator keeps.
    package static let readingLimit = 500

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "goalID", label: l.text("form.indicators.goalID"), input: .select(GoalForm.nodeChoices(choices, labels: l)), required: true,
                   hint: l.text("form.indicators.goalIDHint")),
         FieldSpec(name: "title", label: l.text("form.indicators.title"), input: .text, required: true),
         FieldSpec(name: "unit", label: l.text("form.indicators.unit"), input: .text, required: true, hint: l.text("form.indicators.unitHint")),
         FieldSpec(name: "baselineValue", label: l.text("form.indicators.baselineValue"), input: .text, hint: l.text("form.indicators.valueHint")),
         FieldSpec(name: "baselineDate", label: l.text("form.indicators.baselineDate"), input: .date, hint: l.text("form.indicators.baselineDateHint")),
         FieldSpec(name: "baselineSource", label: l.text("form.indicators.baselineSource"), input: .text),
         FieldSpec(name: "targetValue", label: l.text("form.indicators.targetValue"), input: .text, hint: l.text("form.indicators.valueHint")),
         FieldSpec(name: "targetDate", label: l.text("form.indicators.targetDate"), input: .date, hint: l.text("form.indicators.targetDateHint")),
         FieldSpec(name: "targetSource", label: l.text("form.indicators.targetSource"), input: .text),
         FieldSpec(name: "readings", label: l.text("form.indicators.readings"), input: .textarea,
                   hint: l.text("form.indicators.readingsHint", ["limit": l.numbers.integer(readingLimit)])),
         FieldSpec(name: "documentID", label: l.text("form.goals.documentID"), input: .select(optionalChoice(choices.documents))),
         FieldSpec(name: "quote", label: l.text("form.goals.quote"), input: .textarea, hint: l.text("form.goals.quoteHint")),
         visibilityField(l)]
    }

    package static func values(of i: Indicator) -> [String: String] {
        ["goalID": i.goalID, "title": i.title, "unit": i.unit,
         "baselineValue": i.baseline.map { numberText($0.value) } ?? "", "baselineDate": i.baseline?.date?.iso ?? "",
         "baselineSource": i.baseline?.source ?? "",
         "targetValue": i.target.map { numberText($0.value) } ?? "", "targetDate": i.target?.date?.iso ?? "", "targetSource": i.target?.source ?? "",
         "readings": i.values.map(readingLine).joined(separator: "\n"),
         "documentID": i.source?.documentID ?? "", "quote": i.source?.quote ?? "", "visibility": i.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Indicator?, choices: FormChoices) -> Indicator? {
        let goal = r.reference("goalID", among: choices.ids(choices.goals), required: true)
        let title = r.required("title", r.labels.text("form.indicators.title"), limit: 300)
        let unit = r.required("unit", r.labels.text("form.indicators.unit"), limit: 100)
        let baseline = reading(&r, "baseline", dated: true)
        let target = reading(&r, "target", dated: false)
        let values = readings(&r)
        let source = GoalForm.passage(&r, among: choices.ids(choices.documents), paragraphs: choices.paragraphs)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let goal, let visibility else { return nil }
        return Indicator(id: id, goalID: goal, title: title, unit: unit, baseline: baseline, target: target, values: values,
                         source: source, visibility: visibility)
    }

    package static func page(of i: Indicator) -> String { "/goals#\(i.goalID)" }

    /// The baseline or the target from its three fields (`PREFIXValue`, `PREFIXDate`, `PREFIXSource`):
    /// nothing when all are empty; a date or a source needs a value; a baseline needs its day.
    private static func reading(_ r: inout FieldReader, _ prefix: String, dated: Bool) -> Indicator.Reading? {
        let valueField = "\(prefix)Value", dateField = "\(prefix)Date"
        let dateLabel = dated ? r.labels.text("form.indicators.baselineDate") : r.labels.text("form.indicators.targetDate")
        let text = r.optional(valueField, limit: 40)
        let date = r.date(dateField, dateLabel, required: false)
        let source = r.optional("\(prefix)Source", limit: 500)
        guard let text else {
            if date != nil || source != nil { r.fail(valueField, r.labels.text("form.indicators.valueMissing")) }
            return nil
        }
        guard let value = number(text) else {
            r.fail(valueField, r.labels.text("form.indicators.valueError", ["value": String(text.prefix(40))]))
            return nil
        }
        if dated, date == nil, r.errors[dateField] == nil {
            r.fail(dateField, r.labels.text("form.error.fillInDate", ["label": dateLabel]))
        }
        return Indicator.Reading(value: value, date: date, source: source)
    }

    /// The measured values, one per line as "YYYY-MM-DD value source": each dated, the source optional.
    private static func readings(_ r: inout FieldReader) -> [Indicator.Reading] {
        var result: [Indicator.Reading] = []
        let lines = (r.optional("readings", limit: 100_000) ?? "").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if lines.count > readingLimit {
            r.fail("readings", r.labels.text("form.indicators.readingsTooMany", ["limit": r.labels.numbers.integer(readingLimit)]))
            return []
        }
        for (index, line) in lines.enumerated() {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            let lineNumber = r.labels.numbers.integer(index + 1)
            guard words.count >= 2, let date = CalendarDate(iso: String(words[0])), let value = number(String(words[1])) else {
                r.fail("readings", r.labels.text("form.indicators.readingError", ["line": lineNumber, "value": String(line.prefix(80))]))
                continue
            }
            let source = words.count == 3 ? String(words[2]).trimmingCharacters(in: .whitespaces) : nil
            if let source, source.count > 500 {
                r.fail("readings", r.labels.text("form.indicators.readingSourceTooLong", ["line": lineNumber, "limit": r.labels.numbers.integer(500)]))
                continue
            }
            result.append(Indicator.Reading(value: value, date: date, source: source))
        }
        return result
    }

    /// A number with a decimal point or a decimal comma ("12.5", "12,5", "-3"); no thousands separators.
    static func number(_ text: String) -> Double? {
        let normalized = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard normalized.filter({ $0 == "." }).count <= 1,
              normalized.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              let value = Double(normalized), value.isFinite else { return nil }
        return value
    }

    /// A number as the form shows it: "650" or "12.5".
    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A measured value as a line of the readings field.
    static func readingLine(_ reading: Indicator.Reading) -> String {
        [reading.date?.iso ?? "", numberText(reading.value), reading.source ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
