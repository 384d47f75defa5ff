/// A ministry, government, province, rail company, port or other party named in the documents.
public struct Organisation: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: String
    /// Short name or acronym ("IenW", "FOD MV").
    public var shortName: String?
    public var country: Country
    public var level: OrganisationLevel
    /// The organisation this one is part of (a directorate of a ministry).
    public var parentID: String?
    public var website: String?
    public var visibility: Visibility

    public init(id: String, name: String, shortName: String? = nil, country: Country, level: OrganisationLevel,
                parentID: String? = nil, website: String? = nil, visibility: Visibility = .public) {
        self.id = id; self.name = name; self.shortName = shortName; self.country = country; self.level = level
        self.parentID = parentID; self.website = website; self.visibility = visibility
    }
}

/// A person who signed a document.
public struct Signatory: Hashable, Sendable, Codable {
    public var name: String
    public var role: String
    public var organisationID: String?

    public init(name: String, role: String, organisationID: String? = nil) {
        self.name = name; self.role = role; self.organisationID = organisationID
    }
}

/// A text passage in a source document: the paragraph's anchor and the character span in it.
public struct PassageReference: Hashable, Sendable, Codable {
    public var documentID: String
    /// Anchor of the paragraph the passage starts in ("p12").
    public var anchor: String
    /// Offset of the first character within the paragraph text, in Unicode scalars.
    public var start: Int
    /// Number of Unicode scalars in the passage.
    public var length: Int
    /// The passage as quoted.
    public var quote: String

    public init(documentID: String, anchor: String, start: Int, length: Int, quote: String) {
        self.documentID = documentID; self.anchor = anchor; self.start = start; self.length = length; self.quote = quote
    }
}
