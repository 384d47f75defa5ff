/// Errors of the storage layer, worded for the person who ran the command.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    case invalidLocation(String)
    case notFound(kind: String, id: String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .invalidLocation(let message): return message
        case .notFound(let kind, let id): return "no \(kind) with id “\(id)”"
        case .corrupt(let message): return "stored data cannot be read: \(message)"
        }
    }
}
