import DeltaDomain
import DeltaReports
import DeltaStore

extension Register {
    /// How many items each part of the portal shows.
    static let portalItems = 10

    /// How many agreements each document holds.
    private static func counts(_ agreements: [Agreement]) -> [String: Int] {
        Dictionary(grouping: agreements, by: \.source.documentID).mapValues(\.count)
    }

    /// The citizens' entry page, in this register's scope (the portal always reads it public).
    /// Eight reads whatever the register's size (nine when the public is shown too few agreements
    /// of the newest texts holding any): lookup tables, the texts holding agreements, their
    /// agreements, signatories of the documents shown, milestones, meetings, and the outcomes and
    /// minutes of the bodies.
    func portalPage(today: CalendarDate, labels: Labels) async throws -> PortalPage {
        let lookups = try await lookups()
        let index = RegisterIndex(lookups, today: today, labels: labels)
        // The newest texts holding agreements first. Their agreements are counted from those of the
        // newest few such texts (four times as many as shown), and from all agreements only when
        // the public is shown too few of those: at a thousand times the demo, reading all 70 000
        // took seconds and kept them in memory.
        let holding = try await documentsWithAgreements()
        // Undated texts last; the dates compared as dates (formatting each for every comparison
        // was a tenth of the page at a thousand times the demo).
        let newest = lookups.documents.records.filter { holding.contains($0.id) }.sorted { left, right in
            switch (left.date?.earliest, right.date?.earliest) {
            case let (l?, r?): l != r ? l > r : left.id > right.id
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): left.id > right.id
            }
        }
        let few = newest.prefix(4 * Self.portalItems)
        var agreementCounts = Self.counts(try await agreements(documentIDs: few.map(\.id)))
        if few.count < newest.count, few.filter({ (agreementCounts[$0.id] ?? 0) > 0 }).count < Self.portalItems {
            agreementCounts = Self.counts(try await agreements())
        }
        let agreedHeaders = newest.filter { (agreementCounts[$0.id] ?? 0) > 0 }.prefix(Self.portalItems)
        let signed = try await signatories(documentIDs: agreedHeaders.map(\.id))
        let agreed = agreedHeaders.map { header in
            let count = agreementCounts[header.id] ?? 0
            return AgreedDocumentView(
                id: header.id, title: header.title, url: "/documents/\(header.id)", kindLabel: labels.documentKind(header.kind),
                date: header.date?.earliest.iso, dateLabel: header.date.map(labels.documentDate), place: header.place,
                signatories: (signed[header.id] ?? []).map { SignatoryView(name: $0.name, role: $0.role, organisation: index.organisation($0.organisationID)) },
                agreementCount: count, agreementsLabel: labels.catalogue.plural("app.portal.agreementCount", count: count, ["count": String(count)]))
        }

        // Milestones are sorted by their positions, not moved whole: at a thousand times the demo
        // sorting copies of 20 000 milestones was a sixth of the page.
        let milestones = try await milestones()
        let achieved = milestones.indices.filter { milestones[$0].status == .achieved }
            .sorted { (milestones[$0].achievedOn ?? milestones[$0].due.latest, milestones[$0].id) > (milestones[$1].achievedOn ?? milestones[$1].due.latest, milestones[$1].id) }
            .prefix(Self.portalItems).map { index.milestone(milestones[$0]) }
        // The longest late first, at most as many as the overview lists: at a thousand times the
        // demo the whole list made the page 1.7 MB.
        let allLate = milestones.indices.filter { DeadlineRules.state(of: milestones[$0], today: today) == .overdue }
            .sorted { (milestones[$0].due.latest, milestones[$0].id) < (milestones[$1].due.latest, milestones[$1].id) }
        let late = allLate.prefix(OverviewPage.listLimit).map { index.milestone(milestones[$0]) }

        let meetings = try await meetings()
        let meetingsByID = Dictionary(meetings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let store = try await meetingStore()
        let minutes = try await store.minutes(meetingIDs: meetings.map(\.id))
        let outcomes = try await store.outcomes(bodyIDs: lookups.bodies.records.map(\.id)).values.flatMap { $0 }
        let decisions = outcomes.filter { $0.kind == .decision && minutes[$0.meetingID]?.status == .approved }
            .compactMap { outcome -> (Meeting, Outcome)? in meetingsByID[outcome.meetingID].map { ($0, outcome) } }
            .sorted { ($0.0.when.earliest, $0.1.id) > ($1.0.when.earliest, $1.1.id) }
            .prefix(Self.portalItems)
            .map { meeting, outcome in
                PortalDecisionView(id: outcome.id, text: outcome.text,
                                   meeting: LinkView(id: meeting.id, name: meeting.title, url: "/meetings/\(meeting.id)"),
                                   body: index.bodies[meeting.bodyID] == nil ? nil : index.body(meeting.bodyID),
                                   whenLabel: labels.period(meeting.when), url: "/meetings/\(meeting.id)#\(outcome.id)")
            }

        let consultations = Set(lookups.bodies.records.filter { $0.kind == .politicalConsultation }.map(\.id))
        let next = meetings.filter { consultations.contains($0.bodyID) && ($0.status == .planned || $0.status == .confirmed) && $0.when.latest >= today }
            .min { ($0.when.earliest, $0.id) < ($1.when.earliest, $1.id) }
            .map { meeting in
                PortalMeetingView(id: meeting.id, title: meeting.title, url: "/meetings/\(meeting.id)", body: index.body(meeting.bodyID),
                                  whenLabel: labels.period(meeting.when), place: meeting.place)
            }
        return PortalPage(title: labels.text("app.title.portal"), today: today.iso, todayLabel: labels.date(today), agreed: Array(agreed),
                          achieved: Array(achieved), decisions: Array(decisions), late: Array(late),
                          lateCut: labels.cut("overview.cut.milestones", shown: late.count, total: allLate.count), nextConsultation: next)
    }
}
