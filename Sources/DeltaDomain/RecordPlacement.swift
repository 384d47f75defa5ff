/// Where a record sits, as far as editing rights are concerned: the dossiers and bodies it belongs to.
public struct RecordPlacement: Hashable, Sendable {
    public var kind: RecordKind
    public var dossierIDs: [String]
    public var bodyIDs: [String]

    public init(kind: RecordKind, dossierIDs: [String] = [], bodyIDs: [String] = []) {
        self.kind = kind; self.dossierIDs = dossierIDs; self.bodyIDs = bodyIDs
    }
}
