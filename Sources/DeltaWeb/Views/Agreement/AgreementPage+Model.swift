/// One agreement's own page (`/agreements/{id}`): the commitment in the document's words, who
/// committed, what it is for, how far it is done and on what evidence, and the money it promised.
struct AgreementPage: Codable, Sendable {
    let title: String
    let agreement: AgreementView
    /// The amounts promised by this agreement (`Investment.agreementID`).
    let investments: [InvestmentView]
}
