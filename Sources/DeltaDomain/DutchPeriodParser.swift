/// Turns Dutch period wording into a `FuzzyPeriod`.
///
/// Understood forms (case-insensitive, extra words such as "van", "de", "in" ignored):
/// - ISO date `2026-02-18`, `18 februari 2026`, `18-02-2026`
/// - month: `februari 2026`; `begin`/`eind maart` narrow to days 1–10 / 21–end; `voor maart` means
///   1 January–end of February, `na maart` 1 April–31 December
/// - quarter: `tweede kwartaal 2026`, `Q2 2026`, with `begin`/`eind` narrowing to its first/last month
/// - half-year: `eerste semester 2025`, `eerste helft 2025`, `tweede halfjaar 2026`
/// - season: `zomer 2026`, `voorjaar`/`lente`, `najaar`/`herfst`, `winter`; `rond de zomer` widens
///   to June–September; `voor de zomer` means 1 January–30 June (before the summer recess);
///   `na de zomer` means 1 September–31 December; `voor de winter` means 1 January–30 November
/// - year parts: `begin 2027` (Jan–Mar), `medio 2026` (May–Aug), `eind 2026` (Oct–Dec),
///   `voorjaar 2026` (Mar–May), `najaar 2026` (Sep–Nov)
/// - year: `2019`, `in 2019`
struct DutchPeriodParser {
    let referenceYear: Int?

    private static let months = [
        "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
        "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "okt": 10, "nov": 11, "dec": 12,
    ]
    private static let ordinals = ["eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4]
    private static let fillers: Set<String> = ["van", "de", "het", "in", "uiterlijk", "op", "te", "t/m"]

    func parse(_ raw: String) -> FuzzyPeriod? {
        let wording = raw.trimmingSpaces
        guard !wording.isEmpty else { return nil }
        if let date = CalendarDate(iso: wording) { return FuzzyPeriod(day: date, wording: wording) }
        let dashed = wording.split(separator: "-")
        if dashed.count == 3, dashed[2].count == 4, let d = Int(dashed[0]), let m = Int(dashed[1]), let y = Int(dashed[2]),
           let date = CalendarDate(year: y, month: m, day: d) {
            return FuzzyPeriod(day: date, wording: wording)
        }
        var words = wording.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" })
            .map(String.init)
        // Modifiers that change the meaning must be read before fillers are dropped.
        let around = words.starts(with: ["rond"]) || words.starts(with: ["rondom"]) || words.starts(with: ["omstreeks"])
        let before = words.first == "voor" || words.first == "vóór"
        let after = words.first == "na"
        let start = words.first == "begin" || words.first == "start" || words.first == "aanvang"
        let end = words.first == "eind" || words.first == "einde" || words.first == "eind-" || words.first == "ultimo"
        let middle = words.first == "medio" || words.first == "midden"
        if around || before || after || start || end || middle { words.removeFirst() }
        words = words.filter { !Self.fillers.contains($0) }

        var year: Int?
        if let last = words.last, last.count == 4, let y = Int(last), (1900...2200).contains(y) {
            year = y
            words.removeLast()
        }
        guard let y = year ?? referenceYear else { return nil }

        func period(_ from: (Int, Int), _ to: (Int, Int), _ precision: PeriodPrecision) -> FuzzyPeriod {
            FuzzyPeriod(wording: wording,
                        earliest: CalendarDate(year: y, month: from.0, day: from.1)!,
                        latest: CalendarDate(year: y, month: to.0, day: to.1 == 0 ? CalendarDate.daysIn(month: to.0, year: y) : to.1)!,
                        precision: precision)
        }

        switch words.count {
        case 0:
            guard year != nil else { return nil }
            if start { return period((1, 1), (3, 0), .year) }
            if middle { return period((5, 1), (8, 0), .year) }
            if end { return period((10, 1), (12, 0), .year) }
            if before || after || around { return nil }
            return period((1, 1), (12, 0), .year)
        case 1:
            let word = words[0]
            if let month = Self.months[word] {
                if start { return period((month, 1), (month, 10), .month) }
                if end { return period((month, 21), (month, 0), .month) }
                // "voor maart" ends with February, "na maart" starts in April.
                if before { return month > 1 ? period((1, 1), (month - 1, 0), .month) : nil }
                if after { return month < 12 ? period((month + 1, 1), (12, 0), .month) : nil }
                return period((month, 1), (month, 0), .month)
            }
            if word.count == 2, word.hasPrefix("q"), let q = Int(word.dropFirst()), (1...4).contains(q) {
                return quarter(q, year: y, start: start, end: end, wording: wording)
            }
            if let season = season(word) {
                let (firstMonth, lastMonth) = (season.0.0, season.1.0)
                // "voor de zomer" (and "voor het zomerreces") means before the summer recess,
                // which starts in July; "voor de winter" means before the winter that starts in
                // December (the January–February winter has nothing before it in its year).
                if before {
                    let until = word == "zomer" || word == "zomerreces" ? 6 : (firstMonth == 1 ? 11 : firstMonth - 1)
                    return period((1, 1), (until, 0), .season)
                }
                if after { return period((min(12, lastMonth + 1), 1), (12, 0), .season) }
                if around, word == "zomer" { return period((6, 1), (9, 0), .season) }
                return period(season.0, season.1, .season)
            }
            return nil
        case 2:
            if let day = Int(words[0]), let month = Self.months[words[1]] {
                guard let date = CalendarDate(year: y, month: month, day: day) else { return nil }
                return FuzzyPeriod(day: date, wording: wording)
            }
            guard let ordinal = Self.ordinals[words[0]] else { return nil }
            switch words[1] {
            case "kwartaal":
                guard (1...4).contains(ordinal) else { return nil }
                return quarter(ordinal, year: y, start: start, end: end, wording: wording)
            case "semester", "helft", "halfjaar", "jaarhelft":
                guard (1...2).contains(ordinal) else { return nil }
                if ordinal == 1 {
                    if end { return period((5, 1), (6, 0), .half) }
                    return period((1, 1), (6, 0), .half)
                }
                if end { return period((11, 1), (12, 0), .half) }
                return period((7, 1), (12, 0), .half)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// Season boundaries by whole months, as officials use them ("najaar" = September–November).
    private func season(_ word: String) -> ((Int, Int), (Int, Int))? {
        switch word {
        case "voorjaar", "lente": return ((3, 1), (5, 0))
        case "zomer", "zomerreces": return ((6, 1), (8, 0))
        case "najaar", "herfst": return ((9, 1), (11, 0))
        case "winter": return ((1, 1), (2, 0))
        default: return nil
        }
    }

    private func quarter(_ q: Int, year: Int, start: Bool, end: Bool, wording: String) -> FuzzyPeriod {
        let first = (q - 1) * 3 + 1
        let last = first + 2
        let from = start ? first : (end ? last : first)
        let to = start ? first : last
        return FuzzyPeriod(wording: wording,
                           earliest: CalendarDate.startOf(month: from, year: year),
                           latest: CalendarDate.endOf(month: to, year: year),
                           precision: .quarter)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
