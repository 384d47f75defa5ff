import DeltaReports

/// Every milestone the reader may see (`/api/milestones`, `/milestones.csv`), soonest deadline first.
struct MilestoneListPage: WindowedList {
    let title: String
    var milestones: [MilestoneView]
    var paging: Paging? = nil

    var items: [MilestoneView] { get { milestones } set { milestones = newValue } }
    static func id(of item: MilestoneView) -> String { item.id }
    static func csv(_ items: [MilestoneView]) -> CSVTable { CollectionCSV.milestones(items) }
}

/// Every agreement the reader may see (`/api/agreements`, `/agreements.csv`), newest document first.
struct AgreementListPage: WindowedList {
    let title: String
    var agreements: [AgreementView]
    var paging: Paging? = nil

    var items: [AgreementView] { get { agreements } set { agreements = newValue } }
    static func id(of item: AgreementView) -> String { item.id }
    static func csv(_ items: [AgreementView]) -> CSVTable { CollectionCSV.agreements(items) }
}

/// Every meeting the reader may see (`/api/meetings`, `/meetings.csv`), earliest first.
struct MeetingListPage: WindowedList {
    let title: String
    var meetings: [MeetingListItem]
    var paging: Paging? = nil

    var items: [MeetingListItem] { get { meetings } set { meetings = newValue } }
    static func id(of item: MeetingListItem) -> String { item.id }
    static func csv(_ items: [MeetingListItem]) -> CSVTable { CollectionCSV.meetings(items) }
}

/// A meeting in a list: what, of which body, when and where, and its state.
struct MeetingListItem: Codable, Sendable {
    let id: String
    let title: String
    let url: String
    let body: LinkView?
    let when: PeriodView
    let place: String?
    let status: String
    let statusLabel: String
}
