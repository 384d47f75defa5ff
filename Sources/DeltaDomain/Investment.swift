/// Money a government or company puts into rail, as a document states it.
public struct Investment: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var amount: Amount
    /// The amount as written ("circa €200–250 miljoen").
    public var wording: String
    public var organisationID: String
    public var country: Country
    /// The fund or budget the money comes from.
    public var fundingSource: FundingSource?
    public var firstYear: Int?
    public var lastYear: Int?
    /// The amount recurs in every year from `firstYear` to `lastYear` (see `InvestmentYears`).
    public var recurring: Bool
    public var status: InvestmentStatus?
    public var coFinancing: [CoFinancingShare]
    /// The agreement that promised the amount.
    public var agreementID: String?
    /// The goal-tree measure the money serves.
    public var measureID: String?
    public var dossierID: String?
    /// The investment this one is a part of; parts are never added to totals twice.
    public var partOfID: String?
    public var source: PassageReference?
    public var visibility: Visibility

    public init(id: String, title: String, amount: Amount, wording: String, organisationID: String, country: Country,
                fundingSource: FundingSource? = nil, firstYear: Int? = nil, lastYear: Int? = nil, recurring: Bool = false,
                status: InvestmentStatus? = nil, coFinancing: [CoFinancingShare] = [], agreementID: String? = nil,
                measureID: String? = nil, dossierID: String? = nil,
                partOfID: String? = nil, source: PassageReference? = nil, visibility: Visibility = .public) {
        self.id = id; self.title = title; self.amount = amount; self.wording = wording; self.organisationID = organisationID
        self.country = country; self.fundingSource = fundingSource; self.firstYear = firstYear; self.lastYear = lastYear
        self.recurring = recurring; self.status = status; self.coFinancing = coFinancing; self.agreementID = agreementID
        self.measureID = measureID
        self.dossierID = dossierID; self.partOfID = partOfID; self.source = source; self.visibility = visibility
    }
}
