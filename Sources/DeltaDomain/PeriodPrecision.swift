/// How precisely a period is known.
public enum PeriodPrecision: String, Codable, Sendable, CaseIterable {
    case day, month, quarter, half, season, year
}
