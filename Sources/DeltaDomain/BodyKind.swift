/// The kind of a governance body.
public enum BodyKind: String, Codable, Sendable, CaseIterable {
    case politicalConsultation = "political-consultation"
    case deltaCouncil = "delta-council"
    case dgSteering = "dg-steering"
    case workingGroup = "working-group"
    case summit
    case regionalConsultation = "regional-consultation"
    case platform
}
