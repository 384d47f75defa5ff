/// A measurable indicator of a goal-tree node, with its baseline, target and measured values.
public struct Indicator: Hashable, Sendable, Codable, Identifiable {
    /// A value on a day, with where it comes from. Only a target may lack its day (a document
    /// can set a target without a deadline).
    public struct Reading: Hashable, Sendable, Codable {
        public var value: Double
        public var date: CalendarDate?
        public var source: String?

        public init(value: Double, date: CalendarDate?, source: String? = nil) {
            self.value = value; self.date = date; self.source = source
        }
    }

    public var id: String
    /// The goal-tree node it measures.
    public var goalID: String
    public var title: String
    /// "%", "ton", "treinen per week".
    public var unit: String
    public var baseline: Reading?
    public var target: Reading?
    /// Measured values, in any order (the latest by date counts).
    public var values: [Reading]
    public var source: PassageReference?
    public var visibility: Visibility

    public init(id: String, goalID: String, title: String, unit: String, baseline: Reading? = nil, target: Reading? = nil,
                values: [Reading] = [], source: PassageReference? = nil, visibility: Visibility = .public) {
        self.id = id; self.goalID = goalID; self.title = title; self.unit = unit; self.baseline = baseline
        self.target = target; self.values = values; self.source = source; self.visibility = visibility
    }

    /// The latest measured value, if any.
    public var latest: Reading? {
        values.max { ($0.date?.iso ?? "", $0.value) < ($1.date?.iso ?? "", $1.value) }
    }
}
