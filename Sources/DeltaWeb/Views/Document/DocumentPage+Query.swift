import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds a document's page; nil when it does not exist or is not visible.
    func documentPage(id: String, today: CalendarDate, labels: Labels) async throws -> DocumentPage? {
        guard let document = try await document(id: id) else { return nil }
        let index = try await lookupIndex(today: today, labels: labels)
        let agreements = try await agreements(documentID: id)
        let paragraphs = try await paragraphs(documentID: id).map { paragraph in
            let segments = DocumentLayout.segments(of: paragraph, agreements: agreements)
            return ParagraphView(anchor: paragraph.anchor, kind: paragraph.kind.rawValue, isHeading: paragraph.kind == .heading,
                                 carriesAgreement: segments.contains { $0.agreementID != nil }, segments: segments)
        }
        return DocumentPage(
            title: document.title, id: document.id, kind: document.kind.rawValue, kindLabel: labels.documentKind(document.kind),
            date: document.date.iso, dateLabel: labels.date(document.date), place: document.place, reference: document.reference,
            language: document.language,
            signatories: document.signatories.map { SignatoryView(name: $0.name, role: $0.role, organisation: index.organisation($0.organisationID)) },
            issuers: document.issuerIDs.compactMap(index.organisation), deadline: document.deadline.map { PeriodView($0, labels: labels) },
            attachmentCount: document.attachmentCount, summary: document.summary, paragraphCount: paragraphs.count,
            blocks: DocumentLayout.blocks(paragraphs), agreements: agreements.map(index.agreement))
    }

    /// Builds the document list.
    func documentListPage(labels: Labels) async throws -> DocumentListPage {
        DocumentListPage(title: labels.text("app.title.documents"), documents: try await documentHeaders().map {
            DocumentSummaryView(id: $0.id, title: $0.title, url: "/documents/\($0.id)", kind: $0.kind.rawValue,
                                kindLabel: labels.documentKind($0.kind), date: $0.date.iso, dateLabel: labels.date($0.date),
                                place: $0.place, reference: $0.reference)
        })
    }
}
