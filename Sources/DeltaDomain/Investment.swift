/// Money a government or company puts into rail, as a document states it.
public struct Investment: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var amount: Amount
    /// The amount as written ("circa €200–250 miljoen").
    public var wording: String
    public var organisationID: String
    public var country: Country
    /// Fund or budget line ("Mobiliteitsfonds").
    public var fundingSource: String?
    public var firstYear: Int?
    public var lastYear: Int?
    public var dossierID: String?
    /// The investment this one is a part of; parts are never added to totals twice.
    public var partOfID: String?
    public var source: PassageReference?
    public var visibility: Visibility

    public init(id: String, title: String, amount: Amount, wording: String, organisationID: String, country: Country,
                fundingSource: String? = nil, firstYear: Int? = nil, lastYear: Int? = nil, dossierID: String? = nil,
                partOfID: String? = nil, source: PassageReference? = nil, visibility: Visibility = .public) {
        self.id = id; self.title = title; self.amount = amount; self.wording = wording; self.organisationID = organisationID
        self.country = country; self.fundingSource = fundingSource; self.firstYear = firstYear; self.lastYear = lastYear
        self.dossierID = dossierID; self.partOfID = partOfID; self.source = source; self.visibility = visibility
    }
}
