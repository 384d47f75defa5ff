/// Small helpers for the Dutch sentences the rules produce (health reasons, cadence explanations).
/// Internal: the wording is part of the rules' output, not an API of its own.
enum DutchWording {
    static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                             "augustus", "september", "oktober", "november", "december"]

    /// "18 februari 2026".
    static func date(_ date: CalendarDate) -> String {
        "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
    }

    /// "1 vergadering", "2 vergaderingen".
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// "eenmaal", "tweemaal", … "5 keer": how often, as officials write it.
    static func times(_ number: Int) -> String {
        switch number {
        case 1: return "eenmaal"
        case 2: return "tweemaal"
        case 3: return "driemaal"
        case 4: return "viermaal"
        default: return "\(number) keer"
        }
    }

    /// A title in Dutch quotation marks: “Besluit over 3RX”.
    static func quoted(_ title: String) -> String { "“\(title)”" }
}
