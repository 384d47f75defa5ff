/// Proposes a planned meeting's agenda from the state of the body's dossiers.
///
/// The meeting's day is the first day of its period; "since the previous meeting" starts the day
/// after that meeting's last day (a year before the meeting when there is none). The order:
/// open actions and parked items first (they were promised), then per dossier in title order its
/// overdue milestones, milestones due before the next meeting, a health change, agreements without
/// progress; then new documents. An item about the same thing is proposed once.
public enum AgendaProposer {
    /// The proposed items, numbered `MEETING-1`, `MEETING-2`, … in the order above.
    public static func propose(_ context: AgendaContext) -> [AgendaItem] {
        let day = context.meeting.when.earliest
        let since = context.previousMeeting.map { $0.when.latest.adding(days: 1) } ?? day.adding(days: -365)
        let horizon = context.nextMeetingBy ?? day.adding(days: 182)
        let meetingID = context.meeting.id
        var items: [AgendaItem] = []
        var subjects = Set<String>()
        func add(_ item: AgendaItem) {
            guard subjects.insert(item.subject).inserted else { return }
            var placed = item
            placed.position = items.count
            placed.id = "\(meetingID)-\(items.count + 1)"
            items.append(placed)
        }
        for action in context.openActions.sorted(by: { ($0.due?.latest ?? day, $0.id) < ($1.due?.latest ?? day, $1.id) }) {
            add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "Actie: \(action.text)", reason: .openAction, actionID: action.id))
        }
        for parked in context.parkedItems.sorted(by: { ($0.meetingID, $0.position) < ($1.meetingID, $1.position) }) {
            add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: parked.title, reason: .parked, dossierID: parked.dossierID,
                           milestoneID: parked.milestoneID, agreementID: parked.agreementID, documentID: parked.documentID, actionID: parked.actionID))
        }
        let dossierIDs = Set(context.dossiers.map(\.id))
        // A milestone shared by several dossiers is proposed once, under the first of them in title order.
        var proposedMilestones = Set<String>()
        for dossier in context.dossiers.sorted(by: { ($0.title, $0.id) < ($1.title, $1.id) }) {
            let milestones = context.milestones.filter { $0.belongs(to: dossier.id) }
            let open = milestones.filter { $0.status.isOpen && proposedMilestones.insert($0.id).inserted }
                .sorted { ($0.due.latest, $0.id) < ($1.due.latest, $1.id) }
            for milestone in open where milestone.due.latest < day {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): mijlpaal over tijd – \(milestone.title)",
                               reason: .overdueMilestone, dossierID: dossier.id, milestoneID: milestone.id))
            }
            for milestone in open where milestone.due.latest >= day && milestone.due.earliest <= horizon {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): mijlpaal voor het volgende overleg – \(milestone.title)",
                               reason: .milestoneDue, dossierID: dossier.id, milestoneID: milestone.id))
            }
            let before = HealthRules.assess(milestones: milestones, today: since).health
            let now = HealthRules.assess(milestones: milestones, today: day).health
            if before != now {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): voortgang gewijzigd (\(before.rawValue) → \(now.rawValue))",
                               reason: .healthChanged, dossierID: dossier.id))
            }
            let stalled = context.agreements.filter { agreement in
                agreement.dossierIDs.contains(dossier.id)
                    && (agreement.completion == .notStarted || agreement.completion == .limited)
                    && !context.agreementsChangedSince.contains(agreement.id)
                    && (agreement.due.map { $0.earliest <= horizon } ?? false)
            }
            for agreement in stalled.sorted(by: { $0.id < $1.id }) {
                add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "\(dossier.title): afspraak zonder voortgang – \(agreement.title)",
                               reason: .agreementWithoutProgress, dossierID: dossier.id, agreementID: agreement.id))
            }
        }
        // A document counts as new when its whole date falls since the previous meeting; one of
        // unknown date is never "new".
        let dated = context.documents.compactMap { document in document.date.map { (document, $0) } }
        for (document, date) in dated.sorted(by: { ($0.1.latest, $0.0.id) < ($1.1.latest, $1.0.id) })
        where date.earliest >= since && date.latest <= day && !(context.documentDossiers[document.id] ?? []).isDisjoint(with: dossierIDs) {
            add(AgendaItem(id: "", meetingID: meetingID, position: 0, title: "Nieuw document: \(document.title)", reason: .newDocument,
                           documentID: document.id))
        }
        return items
    }
}
