/// A milestone: a dated step of one dossier, or an event several dossiers share (the signing of a
/// declaration, a follow-up meeting), kept once with all its dossiers.
public struct Milestone: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// The dossiers the milestone belongs to, at least one, in the order they were given.
    public var dossierIDs: [String]
    public var title: String
    public var due: FuzzyPeriod
    public var ownerID: String?
    public var status: MilestoneStatus
    public var achievedOn: CalendarDate?
    public var source: PassageReference?
    public var note: String?
    public var visibility: Visibility

    public init(id: String, dossierIDs: [String], title: String, due: FuzzyPeriod, ownerID: String? = nil,
                status: MilestoneStatus = .planned, achievedOn: CalendarDate? = nil, source: PassageReference? = nil,
                note: String? = nil, visibility: Visibility = .public) {
        self.id = id; self.dossierIDs = dossierIDs; self.title = title; self.due = due; self.ownerID = ownerID
        self.status = status; self.achievedOn = achievedOn; self.source = source; self.note = note
        self.visibility = visibility
    }

    /// A milestone of one dossier.
    public init(id: String, dossierID: String, title: String, due: FuzzyPeriod, ownerID: String? = nil,
                status: MilestoneStatus = .planned, achievedOn: CalendarDate? = nil, source: PassageReference? = nil,
                note: String? = nil, visibility: Visibility = .public) {
        self.init(id: id, dossierIDs: [dossierID], title: title, due: due, ownerID: ownerID, status: status,
                  achievedOn: achievedOn, source: source, note: note, visibility: visibility)
    }

    /// Whether the milestone belongs to a dossier.
    public func belongs(to dossierID: String) -> Bool { dossierIDs.contains(dossierID) }

    /// The dossier whose page shows the milestone first (links need one place to point to).
    public var homeDossierID: String? { dossierIDs.first }

    /// Milestones grouped by dossier: a shared milestone is in the group of each of its dossiers.
    public static func byDossier(_ milestones: [Milestone]) -> [String: [Milestone]] {
        positionsByDossier(milestones).mapValues { $0.map { milestones[$0] } }
    }

    /// The milestones' positions grouped by dossier, in order (as `byDossier`, for callers that
    /// keep positions rather than copies).
    public static func positionsByDossier(_ milestones: [Milestone]) -> [String: [Int]] {
        var groups: [String: [Int]] = [:]
        for (position, milestone) in milestones.enumerated() {
            for dossierID in milestone.dossierIDs { groups[dossierID, default: []].append(position) }
        }
        return groups
    }
}
