import DeltaDomain
import DeltaReports

extension Labels {
    /// A document's date in the reader's language: the day, or the first and last day a month or
    /// year can mean (the data file's own wording, often Dutch, is kept for deadlines, not dates).
    func documentDate(_ date: FuzzyPeriod) -> String {
        date.earliest == date.latest ? self.date(date.earliest) : "\(self.date(date.earliest)) – \(self.date(date.latest))"
    }
}
