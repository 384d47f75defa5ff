/// A meeting's clock time in its time zone: "10:00–12:30" in Europe/Brussels.
///
/// Why a zone per meeting: a meeting in The Hague is announced in Amsterdam time, one in Brussels
/// in Brussels time; the zones agree today, but a calendar must carry the one the meeting was set in.
public struct MeetingTime: Hashable, Sendable, Codable {
    /// Start, "HH:MM".
    public var start: String
    /// End, "HH:MM", after the start.
    public var end: String?
    /// An IANA zone: Europe/Brussels or Europe/Amsterdam.
    public var timeZone: String

    /// The zones meetings are held in.
    public static let zones = ["Europe/Brussels", "Europe/Amsterdam"]

    public init?(start: String, end: String? = nil, timeZone: String = "Europe/Brussels") {
        guard Self.minutes(start) != nil, Self.zones.contains(timeZone) else { return nil }
        if let end { guard let to = Self.minutes(end), to > Self.minutes(start)! else { return nil } }
        self.start = start; self.end = end; self.timeZone = timeZone
    }

    /// Parses "10:00", "10.00", "10:00-12:30", "10:00–12:30", "10.00 tot 12.30 uur".
    public static func parse(_ text: String, timeZone: String = "Europe/Brussels") -> MeetingTime? {
        var cleaned = text.lowercased().replacing("uur", with: "").replacing("tot", with: "-")
            .replacing("–", with: "-").replacing(".", with: ":")
        cleaned = cleaned.filter { !$0.isWhitespace }
        let parts = cleaned.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), let start = normalized(parts[0]) else { return nil }
        let end = parts.count == 2 ? normalized(parts[1]) : nil
        if parts.count == 2, end == nil { return nil }
        return MeetingTime(start: start, end: end, timeZone: timeZone)
    }

    /// "HH:MM" for "H:MM" or "HH:MM"; nil when not a time of day.
    private static func normalized(_ text: String) -> String? {
        let pieces = text.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 2, let hour = Int(pieces[0]), let minute = Int(pieces[1]), pieces[1].count == 2,
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour < 10 ? "0" : "") + "\(hour):" + pieces[1]
    }

    /// Minutes since midnight of "HH:MM".
    public static func minutes(_ text: String) -> Int? {
        guard let normal = normalized(text) else { return nil }
        let pieces = normal.split(separator: ":")
        return Int(pieces[0])! * 60 + Int(pieces[1])!
    }

    /// "10:00–12:30" or "10:00".
    public var wording: String { end.map { "\(start)–\($0)" } ?? start }
}
