import DeltaStore

/// Values the pages derive from the register and remember per version and scope (`ReadMemo`).
/// Each case names what else its value depends on: the day for health, the language for texts.
enum PageRead: MemoKey {
    /// The lookup tables by id.
    case lookups
    /// The health of every dossier on a rail link, judged on `day`.
    case linkHealth(day: String)
    /// Every dossier's summary in `language`, judged on `day`.
    case dossierSummaries(language: String, day: String)
}
