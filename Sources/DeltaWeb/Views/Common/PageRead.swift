import DeltaStore

/// Values the pages derive from the register and remember per version and scope (`ReadMemo`).
/// Each case names what else its value depends on: the day for health, the language for texts.
enum PageRead: MemoKey {
    /// The lookup tables by id.
    case lookups
    /// Every dossier's standing, judged on `day` (`DossierStanding`).
    case dossierStandings(day: String)
    /// The network with its dossiers' health on `day` (`NetworkBase`).
    case network(day: String)
}
