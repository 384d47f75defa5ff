/// Escaping for text and attribute values in HTML and XML (SVG, Atom): one rule for every
/// renderer that writes markup by hand.
public enum MarkupEscaping {
    /// `&`, `<`, `>`, `"` and `'` as character references.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
