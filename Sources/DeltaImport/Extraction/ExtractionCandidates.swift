import DeltaDomain

/// A date or period found in a text: its span, its resolved first and last day, and how it was found.
public struct ExtractedDate: Sendable, Hashable, Codable {
    public var start: Int, end: Int, text: String
    public var earliest: String?, latest: String?
    /// `day`, `month`, `quarter`, `half`, `season`, `year` or `relative`.
    public var precision: String
    public var rule: String?, confidence: Double?

    enum CodingKeys: String, CodingKey { case start, end, text, earliest, latest, precision, rule, confidence }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
        try c.encode(earliest, forKey: .earliest); try c.encode(latest, forKey: .latest); try c.encode(precision, forKey: .precision)
        try c.encodeIfPresent(rule, forKey: .rule); try c.encodeIfPresent(confidence, forKey: .confidence)
    }
}

/// A sum of money found in a text.
public struct ExtractedAmount: Sendable, Hashable, Codable {
    public var start: Int, end: Int, text: String
    /// `EUR`, `NLG` or `BEF`.
    public var currency: String
    /// `exact`, `approximate`, `range`, `up_to` or `at_least`.
    public var kind: String
    /// Bounds in whole currency units; nil where the kind has none.
    public var min: Double?, max: Double?
    public var rule: String?, confidence: Double?

    enum CodingKeys: String, CodingKey { case start, end, text, currency, kind, min, max, rule, confidence }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
        try c.encode(currency, forKey: .currency); try c.encode(kind, forKey: .kind)
        try c.encode(min, forKey: .min); try c.encode(max, forKey: .max)
        try c.encodeIfPresent(rule, forKey: .rule); try c.encodeIfPresent(confidence, forKey: .confidence)
    }
}

/// How often a body meets, found in a text.
public struct ExtractedCadence: Sendable, Hashable, Codable {
    public var start: Int, end: Int, text: String
    public var minPerYear: Double
    /// The body or meeting named nearest, as written.
    public var body: String?
    public var rule: String?, confidence: Double?

    enum CodingKeys: String, CodingKey { case start, end, text, minPerYear = "min_per_year", body, rule, confidence }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
        try c.encode(minPerYear, forKey: .minPerYear); try c.encode(body, forKey: .body)
        try c.encodeIfPresent(rule, forKey: .rule); try c.encodeIfPresent(confidence, forKey: .confidence)
    }
}

/// A commitment found in a text, with the parties that commit.
public struct ExtractedAgreement: Sendable, Hashable, Codable {
    public var start: Int, end: Int, text: String
    public var parties: [String]
    public var rule: String?, confidence: Double?

    enum CodingKeys: String, CodingKey { case start, end, text, parties, rule, confidence }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start); try c.encode(end, forKey: .end); try c.encode(text, forKey: .text)
        try c.encode(parties, forKey: .parties)
        try c.encodeIfPresent(rule, forKey: .rule); try c.encodeIfPresent(confidence, forKey: .confidence)
    }
}

/// Everything found in one document, in the shape of `deltaberaad extract --json`
/// (docs/EXTRACTION.md); every list sorted by `start`.
public struct ExtractionResult: Sendable, Hashable, Codable {
    public var document: String
    public var documentDate: String?
    public var dates: [ExtractedDate]
    public var amounts: [ExtractedAmount]
    public var cadences: [ExtractedCadence]
    public var agreements: [ExtractedAgreement]

    public init(document: String, documentDate: String?, dates: [ExtractedDate] = [], amounts: [ExtractedAmount] = [],
                cadences: [ExtractedCadence] = [], agreements: [ExtractedAgreement] = []) {
        self.document = document; self.documentDate = documentDate; self.dates = dates; self.amounts = amounts
        self.cadences = cadences; self.agreements = agreements
    }

    enum CodingKeys: String, CodingKey { case document, documentDate = "document_date", dates, amounts, cadences, agreements }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document); try c.encode(documentDate, forKey: .documentDate)
        try c.encode(dates, forKey: .dates); try c.encode(amounts, forKey: .amounts)
        try c.encode(cadences, forKey: .cadences); try c.encode(agreements, forKey: .agreements)
    }
}
