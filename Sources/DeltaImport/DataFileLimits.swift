import DeltaDomain
import Yams

/// The limits every data file keeps, checked once on the composed YAML before any record is read,
/// the same as the API's (`FieldReader`): a text of at most 2 000 characters (longer ones for the
/// fields that hold prose), no control characters, and a structure no larger than the file's own
/// text. YAML aliases (`&a` … `*a`) can make a small file stand for a huge one ("billion laughs":
/// 1.2 MB became a 4 GB register); a file whose nodes outnumber its bytes is refused.
enum DataFileLimits {
    /// Characters in one text, unless `longer` names the field.
    static let defaultLength = 2_000
    /// Fields that hold prose or a document's text.
    static let longer: [String: Int] = [
        "text": 2_000_000, "summary": 20_000, "note": 20_000, "description": 20_000, "explanation": 20_000,
        "quote": 8_000, "date_source": 8_000,
    ]

    /// Walks the file's nodes; the first text over its limit, control character or excess of
    /// nodes is an error at its line. `bytes` is the size of the file's text.
    static func check(_ root: Node, file: String, bytes: Int) throws {
        var nodes = 0
        func visit(_ node: Node, field: String?) throws {
            nodes += 1
            guard nodes <= max(bytes, 64) else {
                // The whole file is at fault, not one line of it.
                throw ImportError(file: file, line: nil, key: "import.file.aliasesExpand", arguments: [:])
            }
            switch node {
            case .scalar(let scalar):
                let text = scalar.string
                let limit = field.flatMap { longer[$0] } ?? defaultLength
                // A text has at most as many characters as bytes: count them only when it may be too long.
                if text.utf8.count > limit, text.count > limit {
                    throw ImportError(file: file, line: node.line, key: "import.field.tooLong",
                                      arguments: ["field": .verbatim(field ?? "?"), "limit": .verbatim(String(limit)), "length": .verbatim(String(text.count))])
                }
                if ControlCharacters.refused(in: text) {
                    throw ImportError(file: file, line: node.line, key: "import.field.controlCharacter", arguments: ["field": .verbatim(field ?? "?")])
                }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    try visit(key, field: nil)
                    try visit(value, field: key.string ?? field)
                }
            case .sequence(let sequence):
                for item in sequence { try visit(item, field: field) }
            case .alias:
                // An unresolved alias (Yams resolves them when composing); refuse it like an expansion.
                throw ImportError(file: file, line: node.line, key: "import.file.aliasesExpand", arguments: [:])
            }
        }
        try visit(root, field: nil)
    }
}
