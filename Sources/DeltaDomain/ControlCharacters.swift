/// The characters no text field may hold: Unicode's control characters (general category Cc),
/// except tab and the line breaks, which are text. Stored, a NUL and the like cut texts short in
/// the pages and the exports, so forms, the API and imports all refuse them by this one rule.
public enum ControlCharacters {
    /// Whether `scalar` is refused.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && scalar != "\t" && scalar != "\n" && scalar != "\r"
    }

    /// Whether `text` holds a refused character.
    ///
    /// Why bytes: an import checks every scalar of every field, and looking each one up in
    /// Unicode's tables was a noticeable part of it. Category Cc is fixed by Unicode's stability
    /// policy as U+0000–U+001F and U+007F–U+009F, which UTF-8 writes as one byte below 0x20,
    /// the byte 0x7F, or 0xC2 followed by 0x80–0x9F (`ControlCharactersTests` checks every scalar).
    public static func refused(in text: some StringProtocol) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if afterC2, (0x80...0x9F).contains(byte) { return true }
            afterC2 = byte == 0xC2
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0x7F { return true }
        }
        return false
    }
}
