/// Errors of the storage layer, worded for the person who ran the command.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case invalidLocation(String)
    case notFound(kind: String, id: String)
    case corrupt(String)
    /// A record with this id (or an account with this username) already exists.
    case duplicate(kind: String, id: String)
    /// Saving over a newer version: nothing was written.
    case conflict(kind: String, id: String, currentVersion: Int)
    /// Approved minutes: only a correction may be added.
    case locked(String)
    /// The database cannot do the work now — PostgreSQL does not answer, the disk is full, the file
    /// cannot be written — and nothing of it was written. Unlike the other cases this says nothing
    /// about the request: the same request may succeed once the database is back.
    case unavailable(String)

    public var description: String {
        switch self {
        case .invalidLocation(let message): return message
        case .notFound(let kind, let id): return "no \(kind) with id “\(id)”"
        case .corrupt(let message): return "stored data cannot be read: \(message)"
        case .duplicate(let kind, let id): return "a \(kind) with id “\(id)” already exists"
        case .conflict(let kind, let id, let version): return "the \(kind) “\(id)” was changed meanwhile (now version \(version))"
        case .locked(let message): return message
        case .unavailable(let reason): return "the database is unavailable: \(reason)"
        }
    }
}
