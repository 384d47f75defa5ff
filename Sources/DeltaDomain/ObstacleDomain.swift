/// The policy domain a cross-border obstacle belongs to (the triage's first question, and the
/// public list's first filter).
public enum ObstacleDomain: String, Codable, Sendable, CaseIterable, Hashable {
    case socialSecurityAndLabour = "social-security-labour"
    case tax
    case healthCare = "health-care"
    case educationAndDiplomas = "education-diplomas"
    case transportAndMobility = "transport-mobility"
    case permitsAndPlanning = "permits-planning"
    case safetyAndEmergency = "safety-emergency"
    case dataExchange = "data-exchange"
    case other
}
