/// A subject the cooperation works on: ERTMS, Antwerpen–Roosendaal, 3RX, …
public struct Dossier: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    /// Themes for filtering ("passenger", "freight", "ertms", "military", …).
    public var themes: [String]
    /// The body (working group) that carries the dossier.
    public var bodyID: String?
    /// Lead organisations, usually one per country.
    public var leadIDs: [String]
    /// Rail links the dossier is about, by name ("Hasselt–Maastricht").
    public var railLinks: [String]
    public var mandate: PoliticalMandate?
    public var visibility: Visibility

    public init(id: String, title: String, summary: String, themes: [String] = [], bodyID: String? = nil,
                leadIDs: [String] = [], railLinks: [String] = [], mandate: PoliticalMandate? = nil,
                visibility: Visibility = .public) {
        self.id = id; self.title = title; self.summary = summary; self.themes = themes; self.bodyID = bodyID
        self.leadIDs = leadIDs; self.railLinks = railLinks; self.mandate = mandate; self.visibility = visibility
    }
}

/// The political mandate given for a dossier's milestones: when, and by which body or document.
public struct PoliticalMandate: Hashable, Sendable, Codable {
    public var given: FuzzyPeriod
    public var bodyID: String?
    public var documentID: String?
    public var note: String?

    public init(given: FuzzyPeriod, bodyID: String? = nil, documentID: String? = nil, note: String? = nil) {
        self.given = given; self.bodyID = bodyID; self.documentID = documentID; self.note = note
    }
}

/// An agreement ("afspraak") in a document, quoted from its passage.
public struct Agreement: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// A short statement of what was agreed.
    public var title: String
    public var source: PassageReference
    public var partyIDs: [String]
    public var dossierIDs: [String]
    /// The body the agreement sets up or tasks, if any.
    public var bodyID: String?
    public var due: FuzzyPeriod?
    public var completion: Completion
    public var visibility: Visibility

    public init(id: String, title: String, source: PassageReference, partyIDs: [String] = [], dossierIDs: [String] = [],
                bodyID: String? = nil, due: FuzzyPeriod? = nil, completion: Completion = .notStarted,
                visibility: Visibility = .public) {
        self.id = id; self.title = title; self.source = source; self.partyIDs = partyIDs; self.dossierIDs = dossierIDs
        self.bodyID = bodyID; self.due = due; self.completion = completion; self.visibility = visibility
    }
}

/// A milestone of a dossier.
public struct Milestone: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var dossierID: String
    public var title: String
    public var due: FuzzyPeriod
    public var ownerID: String?
    public var status: MilestoneStatus
    public var achievedOn: CalendarDate?
    public var source: PassageReference?
    public var note: String?
    public var visibility: Visibility

    public init(id: String, dossierID: String, title: String, due: FuzzyPeriod, ownerID: String? = nil,
                status: MilestoneStatus = .planned, achievedOn: CalendarDate? = nil, source: PassageReference? = nil,
                note: String? = nil, visibility: Visibility = .public) {
        self.id = id; self.dossierID = dossierID; self.title = title; self.due = due; self.ownerID = ownerID
        self.status = status; self.achievedOn = achievedOn; self.source = source; self.note = note
        self.visibility = visibility
    }
}

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
