/// A table row that holds one record of a kind whole (a kind without child rows), read back with
/// `model()`; `Register.records(_:in:ids:_:)` reads any of them by ids.
protocol RecordRow: Decodable, Sendable, SendableMetatype {
    associatedtype Record
    func model() throws -> Record
}

extension OrganisationRow: RecordRow {}
extension BodyRow: RecordRow {}
extension DossierRow: RecordRow {}
extension MeetingRow: RecordRow {}
extension InvestmentRow: RecordRow {}
extension GoalRow: RecordRow {}
extension IndicatorRow: RecordRow {}
extension RailLinkRow: RecordRow {}
extension AllocationRegimeRow: RecordRow {}
extension ObstacleRow: RecordRow {}
