/// The one rule for ids made from a name or title: lower-case ASCII letters, digits and single
/// dashes, accents dropped ("Liège–Maastricht" → "liege-maastricht"). Used for rail links and
/// stations, for the ids the extraction review proposes and for the Popolo export's persons.
public enum RecordIdentifier {
    /// The id for `text`, at most `limit` characters; `fallback` when nothing of it is usable.
    public static func make(from text: String, limit: Int = 80, fallback: String = "record") -> String {
        var id = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { id.unicodeScalars.append(scalar) }
            else if let plain = plainLetters[scalar] { id.append(plain) }
            else if !id.isEmpty, id.last != "-" { id.append("-") }
        }
        while id.hasSuffix("-") { id.removeLast() }
        id = String(id.prefix(limit))
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? fallback : id
    }

    /// The accented letters of Dutch, French and German names.
    private static let plainLetters: [Unicode.Scalar: Character] = [
        "à": "a", "á": "a", "â": "a", "ä": "a", "ç": "c", "è": "e", "é": "e", "ê": "e", "ë": "e", "ì": "i", "í": "i", "î": "i",
        "ï": "i", "ñ": "n", "ò": "o", "ó": "o", "ô": "o", "ö": "o", "ù": "u", "ú": "u", "û": "u", "ü": "u", "ÿ": "y", "ß": "s",
        "œ": "o", "æ": "a",
    ]
}
