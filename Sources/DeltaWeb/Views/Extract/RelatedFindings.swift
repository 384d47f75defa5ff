import DeltaImport

/// What a text says about other documents: those of the register it refers to (relations to
/// confirm) and earlier ones the register does not hold (stubs to add).
struct RelatedFindings: Sendable {
    let proposals: [RelatedDocuments.Proposal]
    let mentions: [RelatedDocuments.Mention]
}
