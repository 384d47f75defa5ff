import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// An agreement's page; nil when the reader may not see it. Three reads.
    func agreementPage(id: String, today: CalendarDate, labels: Labels) async throws -> AgreementPage? {
        guard let agreement = try await agreement(id: id) else { return nil }
        let index = try await lookupIndex(today: today, labels: labels)
        let investments = try await investments().filter { $0.agreementID == id }.map(index.investment)
        return AgreementPage(title: agreement.title, agreement: index.agreement(agreement), investments: investments)
    }
}
