import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation

/// The sign-in page.
struct LoginPage: Encodable, Sendable {
    let title: String
    let csrfToken: String
    let next: String
    let username: String
    let error: String?
}

/// The signed-in person's own page: who they are, what they may edit, their API tokens.
struct AccountPage: Encodable, Sendable {
    let title: String
    let username: String
    let displayName: String
    let delegation: String
    let roleLabel: String
    let editsBodies: [String]
    let editsDossiers: [String]
    let tokens: [AccountStore.TokenInfo]
    /// A token just created: shown once, never again.
    let newTokenSecret: String?
    let tokenError: String?
    /// Whether a personal calendar feed is live.
    let hasFeed: Bool
    /// The feed's secret address, shown once when it is made.
    let newFeedURL: String?
    /// The Atom feed of changes behind the same secret, shown with it.
    let newChangesFeedURL: String?
}

/// A delegation-private note as pages show it.
struct NoteView: Codable, Sendable {
    let authorName: String
    let delegation: String
    let text: String
    let createdAt: String
    /// The agreement's title when the note is on an agreement of the dossier.
    let about: String?

    init(_ note: PrivateNote, about: String?) {
        authorName = note.authorName
        delegation = note.delegation
        text = note.text
        createdAt = String(note.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " ")
        self.about = about
    }
}

extension Labels {
    /// The name of an account's role.
    func accountRole(_ role: Role) -> String { text("accountRole.\(role.rawValue)") }
}
