/// A problem in a data file, with the place it was found.
public struct ImportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file, as given on the command line.
    public let file: String
    /// 1-based line, when known.
    public let line: Int?
    /// What is wrong, in words a data author understands.
    public let message: String

    /// Creates an error at a place.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// Several data-file problems found in one run; all are reported, not only the first.
public struct ImportErrors: Error, CustomStringConvertible, Sendable {
    /// The problems, in file and line order.
    public let errors: [ImportError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
