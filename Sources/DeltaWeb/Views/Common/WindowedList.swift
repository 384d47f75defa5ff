import DeltaReports

/// A list page that is shown a window at a time (`ListWindow`) and downloaded whole as CSV
/// (`CollectionCSV`): `RegisterController.list` serves the page, its twin and the CSV from one
/// builder, so the three always hold the same records.
protocol WindowedList: Codable, Sendable {
    associatedtype Item
    /// The records of the list, in its order.
    var items: [Item] { get set }
    var paging: Paging? { get set }
    static func id(of item: Item) -> String
    static func csv(_ items: [Item]) -> CSVTable
}

extension DossierListPage: WindowedList {
    var items: [DossierSummaryView] { get { dossiers } set { dossiers = newValue } }
    static func id(of item: DossierSummaryView) -> String { item.id }
    static func csv(_ items: [DossierSummaryView]) -> CSVTable { CollectionCSV.dossiers(items) }
}

extension DocumentListPage: WindowedList {
    var items: [DocumentSummaryView] { get { documents } set { documents = newValue } }
    static func id(of item: DocumentSummaryView) -> String { item.id }
    static func csv(_ items: [DocumentSummaryView]) -> CSVTable { CollectionCSV.documents(items) }
}

extension BodyListPage: WindowedList {
    var items: [BodySummaryView] { get { bodies } set { bodies = newValue } }
    static func id(of item: BodySummaryView) -> String { item.id }
    static func csv(_ items: [BodySummaryView]) -> CSVTable { CollectionCSV.bodies(items) }
}

extension OrganisationListPage: WindowedList {
    var items: [OrganisationView] { get { organisations } set { organisations = newValue } }
    static func id(of item: OrganisationView) -> String { item.id }
    static func csv(_ items: [OrganisationView]) -> CSVTable { CollectionCSV.organisations(items) }
}
