import DeltaDomain
import DeltaReports
import DeltaStore
import Hummingbird
import Foundation
import NIOCore

/// The request context of every route: who is asking (if anyone) and from where.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account, set by `IdentityMiddleware`; nil for anonymous visitors.
    public var identity: Identity?
    /// The client's address as the socket sees it (no forwarding headers are trusted).
    public let remoteAddress: String?
    /// The language of the answer, set by `LanguageMiddleware` (`?lang=`, cookie, Accept-Language).
    public var labels = Labels(Catalogue(language: .standard, entries: [:]))
    /// The path and query the request asked for, for links that keep the reader on this page
    /// (the language switcher); set by `LanguageMiddleware`.
    public var requestTarget = RequestTarget(path: "/", query: [])
    /// The posted form, read and CSRF-checked by `FormMiddleware` on the routes that take forms.
    var form: FormInput?

    /// The connection the request came on: its closing means the client has gone
    /// (`RequestDeadlineMiddleware`).
    let channel: (any Channel)?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
        channel = source.channel
    }

    /// Uploads (documents as .txt/.md) are small texts; refuse anything larger than 4 MB.
    public var maxUploadSize: Int { 4 * 1024 * 1024 }

    /// The language of the answer.
    var language: Language { labels.language }

    /// The posted form; only routes behind `FormMiddleware` have one.
    func requireForm() throws -> FormInput {
        guard let form else { throw AppError(.unsupportedMediaType, "error.expectForm") }
        return form
    }

    /// The account, if signed in.
    var account: Account? { identity?.account }

    /// The scope every register read of this request goes through.
    var readScope: ReadScope { ReadScope(visibilities: AccessRules.visibleRecords(for: account)) }

    /// Who to write into the audit log for a change made by this request.
    var auditActor: AuditActor? {
        guard let identity else { return nil }
        return AuditActor(name: identity.account.id, via: identity.via, address: remoteAddress)
    }
}
