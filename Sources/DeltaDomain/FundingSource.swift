/// Where public money for rail comes from; each country allocates it by its own rules.
public enum FundingSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// The Dutch Mobiliteitsfonds, programmed through the MIRT.
    case nlMobiliteitsfonds = "nl-mobiliteitsfonds"
    /// The Belgian federal multi-year investment plan (Infrabel, NMBS/SNCB).
    case beFederalInvestmentPlan = "be-federal-investment-plan"
    /// The Flemish government's budget.
    case flemishBudget = "flemish-budget"
    /// EU Connecting Europe Facility co-funding.
    case euCEF = "eu-cef"
    case portAuthority = "port-authority"
    case infrastructureManager = "infrastructure-manager"
    case other
}

/// How far an amount has come from a promise to money spent.
public enum InvestmentStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case announced, committed, contracted, spent
}

/// A co-financier's share of an investment, in percent.
public struct CoFinancingShare: Hashable, Sendable, Codable {
    public var organisationID: String
    public var percent: Double

    public init(organisationID: String, percent: Double) {
        self.organisationID = organisationID; self.percent = percent
    }
}
