import DeltaServices

/// The upload form of a document to extract from.
struct ExtractUploadPage: Codable, Sendable {
    let title: String
    let error: String?
    let documentDate: String
}

/// The review of an extraction: the text with what was found marked in it, and beside it every
/// candidate to accept, edit or reject, with the document's own fields above.
struct ExtractReviewPage: Codable, Sendable {
    let title: String
    let fileName: String
    /// The text as read; sent back with the form, so the accepted records are built from the same text.
    let text: String
    let document: ExtractDocumentFields
    let segments: [ExtractSegment]
    let agreements: [ExtractCandidateView]
    let deadlines: [ExtractCandidateView]
    let amounts: [ExtractCandidateView]
    let cadences: [ExtractCandidateView]
    let extraQuotes: String
    /// Messages about the passages added by hand (one per refused line).
    let extraErrors: [String]
    /// Set when a kind had more candidates than the page shows.
    let truncated: String?
    /// Messages that belong to no field.
    let formErrors: [String]
    let hasErrors: Bool
    let dossierIDs: [String]
    let organisations: [Choice]
    let countries: [Choice]
    /// When a document with this id is already in the register: what the new text changes.
    let revision: ExtractRevisionView?
    /// Earlier documents the text refers to that are not in the register: stubs to add.
    let mentions: [ExtractMentionView]
    /// Parties of the agreements that are not in the register: organisations to add.
    let newParties: [ExtractPartyView]
    /// Documents of the register the text refers to, with the proposed kind of relation.
    let related: [ExtractRelatedView]
}

/// An earlier document the text names that the register does not hold, proposed as a stub.
struct ExtractMentionView: Codable, Sendable {
    let key: String
    let title: String
    let id: String
    let year: Int?
    let reference: String?
    let evidence: String
    let accepted: Bool
    let kinds: [FilterOption]
    let relations: [FilterOption]
    let planned: Bool
    let errors: [ExtractFieldError]
}

/// A party the text names that is not in the register, proposed as an organisation.
struct ExtractPartyView: Codable, Sendable {
    let key: String
    /// As the text names it (sent back, so the agreements naming it get the new id).
    let party: String
    let name: String
    let id: String
    let accepted: Bool
    let countries: [FilterOption]
    let levels: [FilterOption]
    let errors: [ExtractFieldError]
}

/// A proposed relation to a document in the register.
struct ExtractRelatedView: Codable, Sendable {
    let key: String
    let documentID: String
    let title: String
    let url: String
    let accepted: Bool
    let kinds: [FilterOption]
    let planned: Bool
    let evidence: String
}

/// What a revised version changes against the stored document.
struct ExtractRevisionView: Codable, Sendable {
    let documentID: String
    let url: String
    let unchanged: Bool
    let added: [String]
    let removed: [String]
    let moved: [String]
    let affected: [ExtractAffectedView]
}

/// An agreement whose passage a revision moves or removes.
struct ExtractAffectedView: Codable, Sendable {
    let title: String
    let url: String
    let change: String
}

/// The document's fields, proposed from the text and editable.
struct ExtractDocumentFields: Codable, Sendable {
    let id: String
    let title: String
    let kinds: [FilterOption]
    let date: String
    let place: String
    let reference: String
    let language: String
    let visibilities: [FilterOption]
    /// Signatories read from the closing block as the document form's lines "Name — Role — organisation-id",
    /// for the reviewer to check.
    let signatories: String
    let errors: [ExtractFieldError]
}

/// A run of the text, marked when a candidate covers it.
struct ExtractSegment: Codable, Sendable {
    let text: String
    let classes: String?
    /// The anchor of the candidate that starts here (for links from the list).
    let anchor: String?
}

/// One candidate with the values the reviewer may change.
struct ExtractCandidateView: Codable, Sendable {
    let key: String
    let kind: String
    let text: String
    /// What the rules read in it ("2026-06-30", "range €200m – €250m", "2 per year – politiek overleg").
    let reading: String
    let confidencePercent: Int
    let rule: String
    let accepted: Bool
    let title: String
    let quote: String
    let due: String
    let dossierIDs: String
    /// For an agreement: the organisations of the register among its parties, as ids.
    let partyIDs: String
    /// For an agreement: the parties as written that are no organisation of the register.
    let notInRegister: String?
    let organisationID: String
    let country: String
    let organisationChoices: [FilterOption]
    let countryChoices: [FilterOption]
    /// For a meeting rhythm: the bodies, the one named in the text selected.
    let bodyChoices: [FilterOption]
    let errors: [ExtractFieldError]
}

/// A message next to a field of a candidate or of the document.
struct ExtractFieldError: Codable, Sendable {
    let field: String
    let message: String
}
