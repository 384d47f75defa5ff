/// Who may see a record. Every record has one; anonymous visitors see only `public`.
public enum Visibility: String, Codable, Sendable, CaseIterable {
    case `public`, `internal`, delegationPrivate = "delegation-private"
}

/// A country or side in the cooperation, as ISO 3166 alpha-2 codes plus `EU`.
public enum Country: String, Codable, Sendable, CaseIterable {
    case NL, BE, DE, FR, LU, EU
}

/// The level of government (or the sector) an organisation belongs to.
public enum OrganisationLevel: String, Codable, Sendable, CaseIterable {
    case national, federal, regional, provincial, municipal, sector, eu, international
}

/// Completion of an agreement on the Open Government Partnership scale, plus `withdrawn`.
public enum Completion: String, Codable, Sendable, CaseIterable {
    case notStarted = "not-started", limited, substantial, complete, withdrawn
}

/// Where a milestone stands.
public enum MilestoneStatus: String, Codable, Sendable, CaseIterable {
    case planned, inProgress = "in-progress", achieved, delayed, cancelled

    /// Whether the milestone still has to be reached.
    public var isOpen: Bool { self == .planned || self == .inProgress || self == .delayed }
}

/// Where a meeting stands.
public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case planned, confirmed, held, postponed, cancelled
}

/// The kind of a source document.
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case jointDeclaration = "joint-declaration"
    case finalDeclaration = "final-declaration"
    case declarationOfIntent = "declaration-of-intent"
    case statement
    case letterToParliament = "letter-to-parliament"
    case decisionMemo = "decision-memo"
    case treaty
    case minutes
    case other
}

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

/// The role a member plays in a body.
public enum MembershipRole: String, Codable, Sendable, CaseIterable {
    case chair, cochair = "co-chair", member, secretary, invited, observer
}
