/// The editing rules, in one place.
///
/// - admins edit everything;
/// - editors edit records placed in one of their bodies or dossiers (a dossier is in a body's scope
///   when that body carries it; the caller lists such bodies in the placement);
/// - organisations, documents, the explanations of allocation regimes and the rail links are shared reference
///   material: every editor may add and correct them;
/// - readers and disabled accounts edit nothing.
public enum AccessRules {
    /// Whether `account` may create or change a record with this placement.
    public static func mayEdit(_ account: Account?, _ placement: RecordPlacement) -> Bool {
        guard let account, !account.disabled else { return false }
        switch account.role {
        case .admin: return true
        case .reader: return false
        case .editor:
            if placement.kind == .organisation || placement.kind == .document || placement.kind == .allocationRegime
                || placement.kind == .railLink { return true }
            if placement.dossierIDs.contains(where: account.editsDossierIDs.contains) { return true }
            return placement.bodyIDs.contains(where: account.editsBodyIDs.contains)
        }
    }

    /// Whether `account` may edit anything at all (to show or hide edit links).
    public static func mayEditSomething(_ account: Account?) -> Bool {
        guard let account, !account.disabled else { return false }
        return account.role != .reader
    }

    /// The visibilities a reader sees: anonymous visitors only public records; signed-in accounts
    /// public and internal ones. Delegation-private content is never a record visibility for a
    /// whole delegation to read through this rule; it is shown by delegation (see notes).
    public static func visibleRecords(for account: Account?) -> Set<Visibility> {
        guard let account, !account.disabled else { return [.public] }
        return account.role == .admin ? Set(Visibility.allCases) : [.public, .internal]
    }
}
