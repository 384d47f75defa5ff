import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOFoundationEssentialsCompat

/// The session cookie: HttpOnly, SameSite=Lax, Secure behind TLS.
enum SessionCookie {
    static let name = "deltaberaad_session"
    /// The pre-session cookie that protects the sign-in form itself (double submit).
    static let loginCSRFName = "deltaberaad_login_csrf"

    /// Whether the request reached us over TLS (directly configured, or said by the proxy in front).
    static func isSecure(_ request: Request, configuration: AppConfiguration) -> Bool {
        configuration.secureCookies || request.headers[.xForwardedProto]?.lowercased() == "https"
    }

    static func make(_ name: String, value: String, maxAge: Int?, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
