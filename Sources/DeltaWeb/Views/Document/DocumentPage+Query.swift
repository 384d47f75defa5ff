import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// Builds a document's page; nil when it does not exist or is not visible.
    func documentPage(id: String, today: CalendarDate, labels: Labels) async throws -> DocumentPage? {
        guard let (document, incomingRelations) = try await documentWithIncomingRelations(id: id) else { return nil }
        let index = try await lookupIndex(today: today, labels: labels)
        let agreements = try await agreements(documentID: id)
        let paragraphs = try await paragraphs(documentID: id).map { paragraph in
            let segments = DocumentLayout.segments(of: paragraph, agreements: agreements)
            return ParagraphView(anchor: paragraph.anchor, kind: paragraph.kind.rawValue, isHeading: paragraph.kind == .heading,
                                 carriesAgreement: segments.contains { $0.agreementID != nil }, segments: segments)
        }
        // Both ends of every relation; a document the reader may not see is not named.
        let outgoing = document.relations.compactMap { relation -> RelationView? in
            guard index.documents[relation.targetID] != nil, let target = index.document(relation.targetID) else { return nil }
            return RelationView(kind: relation.kind.rawValue, outgoing: true, label: labels.relation(relation.kind), document: target,
                                planned: relation.planned, passage: index.passage(relation.passage), note: relation.note)
        }
        let incoming = incomingRelations.compactMap { source, relation -> RelationView? in
            guard index.documents[source] != nil, let from = index.document(source) else { return nil }
            return RelationView(kind: relation.kind.rawValue, outgoing: false, label: labels.relationInverse(relation.kind), document: from,
                                planned: relation.planned, passage: index.passage(relation.passage), note: relation.note)
        }
        return DocumentPage(
            title: document.title, id: document.id, kind: document.kind.rawValue, kindLabel: labels.documentKind(document.kind),
            date: document.date?.earliest.iso, dateLabel: document.date.map(labels.documentDate), dateSource: document.dateSource,
            stub: document.isStub, relations: outgoing + incoming, place: document.place, reference: document.reference,
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
                                kindLabel: labels.documentKind($0.kind), date: $0.date?.earliest.iso, dateLabel: $0.date.map(labels.documentDate),
                                place: $0.place, reference: $0.reference)
        })
    }
}
