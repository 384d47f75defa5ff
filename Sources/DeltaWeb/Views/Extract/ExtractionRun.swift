import DeltaImport
import DeltaServices

/// An extraction with what the review needs of the register: the candidates, the choices of the
/// review form and the documents the text refers to.
struct ExtractionRun: Sendable {
    let result: ExtractionResult
    let dossierIDs: [String]
    let organisations: [Choice]
    let linker: DossierLinker
    let bodies: [Choice]
    let related: RelatedFindings
    let partyIDs: [String: String]
}
