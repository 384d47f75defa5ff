import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Hummingbird

/// One entry of the language switcher.
struct LanguageLink: Codable, Sendable {
    let code: String
    /// The language's own name (Nederlands, Français, English).
    let name: String
    let url: String
    let isCurrent: Bool
}
