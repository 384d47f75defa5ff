import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Hummingbird

/// What every HTML page gets around its own model: the navigation state and who is reading.
///
/// Stored, not computed, properties: the frame is encoded for the templates (see `TemplateValues`).
struct PageFrame<Page: Sendable>: Sendable {
    let page: Page
    let path: String
    /// The page's language code, for `<html lang>`.
    let lang: String
    /// The language switcher: this page in every language.
    let languages: [LanguageLink]
    /// The language the register's own texts (titles, quotes) are written in, when it differs
    /// from the page's: templates mark such texts with it (`lang="nl"` in a French page).
    let contentLang: String?
    /// The signed-in reader, nil for anonymous visitors.
    let viewer: Viewer?
    /// The reader's delegation's private notes on this page's record (dossier pages).
    let notes: [NoteView]
    let navPortal: Bool
    let navOverview: Bool
    let navDossiers: Bool
    let navDocuments: Bool
    let navBodies: Bool
    let navOrganisations: Bool
    let navInvestments: Bool
    let navNetwork: Bool
    let navGoals: Bool
    let navPlanning: Bool
    let navObstacles: Bool

    init(page: Page, path: String, context: AppRequestContext, notes: [NoteView] = []) {
        self.page = page
        self.path = path
        lang = context.language.rawValue
        contentLang = context.language == .nl ? nil : Language.nl.rawValue
        languages = Language.allCases.map { language in
            LanguageLink(code: language.rawValue, name: context.labels.text("languageName.\(language.rawValue)"),
                         url: context.requestTarget.with("lang", language.rawValue), isCurrent: language == context.language)
        }
        self.viewer = context.identity.map(Viewer.init)
        self.notes = notes
        navPortal = path == "/portal"
        navOverview = path == "/"
        navDossiers = path.hasPrefix("/dossiers")
        navDocuments = path.hasPrefix("/documents")
        navBodies = path.hasPrefix("/bodies")
        navOrganisations = path.hasPrefix("/organisations")
        navInvestments = path.hasPrefix("/investments")
        navNetwork = path.hasPrefix("/network") || path.hasPrefix("/rail-links") || path.hasPrefix("/stations")
        navGoals = path.hasPrefix("/goals")
        navPlanning = path.hasPrefix("/planning")
        navObstacles = path.hasPrefix("/obstacles")
    }
}

extension PageFrame: Encodable where Page: Encodable {}

extension PageFrame {
    /// The language the page is rendered in.
    var language: Language { Language(rawValue: lang) ?? .standard }
}
