/// Where a data file's large sections lie, so that their records can be composed a part at a
/// time instead of the whole file at once.
///
/// Why: a file's YAML nodes take many times its size, and the agreements file of a large register
/// is half of its YAML. Composed whole, its nodes were most of an import's peak memory.
///
/// The layout is found by reading lines, not YAML: a section is split only when its key stands
/// alone in the first column (`agreements:`) and its records are a block list, each record
/// starting at the same indentation with `-`. The rest of the file (the `format:` line, small
/// sections, comments) becomes the skeleton: the same lines with the split sections' records
/// left empty and `[]` after their key, so every line keeps its number. A part is a run of whole
/// records, preceded by as many empty lines as come before it in the file, so that every node
/// keeps its line too.
///
/// Reading lines can be wrong where YAML is subtle (an alias to an anchor in an earlier part, a
/// quoted text running over several lines). Each such case makes a part or the skeleton fail to
/// compose, or not be a list; the importer then composes the whole file as before
/// (`ComposedFile`), so what is read, and every message, is what the whole file gives.
struct DataFileLayout {
    /// One split section: its records' parts, in order.
    struct Section: Sendable {
        /// Byte ranges of the file's text, each a run of whole records.
        let parts: [Range<Int>]
        /// The line (1-based) each part starts on.
        let firstLines: [Int]
    }

    /// The file's text with the split sections' records left out, line for line.
    let skeleton: [UInt8]
    /// The split sections by name.
    let sections: [String: Section]

    /// The layout of `text`, with parts of about `partBytes` bytes; nil when no section is worth
    /// splitting, or when the file uses what lines cannot follow (directives, several documents,
    /// tabs for indentation), so that it is composed whole.
    init?(text: [UInt8], sectionNames: Set<String>, partBytes: Int) {
        let lines = Self.lineStarts(text)
        func lineStart(_ index: Int) -> Int { index < lines.count ? lines[index] : text.count }
        // Each split section: the end of its key (where `: []` goes), its body's lines, its parts.
        var splits: [(keyEnd: Int, bodyLines: Range<Int>, name: String, section: Section)] = []
        var index = 0
        while index < lines.count {
            let start = lines[index]
            // Directives and document markers change how the whole file is read.
            if Self.hasPrefix(text, at: start, "%") || Self.hasPrefix(text, at: start, "---") || Self.hasPrefix(text, at: start, "...") { return nil }
            guard let name = Self.soleKey(text, at: start), sectionNames.contains(name) else {
                index += 1
                continue
            }
            // A section written twice: which one counts is for YAML to say, in the whole file.
            if splits.contains(where: { $0.name == name }) { return nil }
            // The body: every line up to the next one written in the first column (other than
            // a comment, or a record when the records are not indented).
            var end = index + 1
            var indentation: Int?
            var items: [Int] = []
            var splittable = true
            while end < lines.count {
                let (spaces, rest) = Self.indentation(text, at: lines[end])
                if rest < text.count, text[rest] == UInt8(ascii: "\t") { return nil }
                if Self.isBlankOrComment(text, at: rest) {
                    end += 1
                    continue
                }
                let isItem = Self.isItemStart(text, at: rest)
                if spaces == 0, !(isItem && (indentation ?? 0) == 0) { break }
                if indentation == nil {
                    if !isItem { splittable = false }
                    indentation = spaces
                }
                if isItem, spaces == indentation {
                    items.append(end)
                } else if spaces <= (indentation ?? 0) {
                    splittable = false
                }
                end += 1
            }
            let bodyStart = lineStart(index + 1), bodyEnd = lineStart(end)
            if splittable, let first = items.first, bodyEnd - bodyStart > partBytes {
                // Runs of whole records of about `partBytes` each; comments and blank lines between
                // records go with the record before them.
                var parts: [Range<Int>] = []
                var firstLines: [Int] = []
                var partStart = first
                for position in items.indices {
                    let next = position + 1 < items.count ? lineStart(items[position + 1]) : bodyEnd
                    if next - lineStart(partStart) >= partBytes || position + 1 == items.count {
                        parts.append(lineStart(partStart)..<next)
                        firstLines.append(partStart + 1)
                        if position + 1 < items.count { partStart = items[position + 1] }
                    }
                }
                splits.append((start + name.utf8.count, (index + 1)..<end, name, Section(parts: parts, firstLines: firstLines)))
            }
            index = end
        }
        guard !splits.isEmpty else { return nil }
        // The skeleton: the text, each split key's line ending in `: []` and its body's lines empty.
        var skeleton: [UInt8] = []
        var copied = 0
        for split in splits {
            skeleton.append(contentsOf: text[copied..<split.keyEnd])
            skeleton.append(contentsOf: ": []\n".utf8)
            skeleton.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: split.bodyLines.count))
            copied = lineStart(split.bodyLines.upperBound)
        }
        skeleton.append(contentsOf: text[copied...])
        self.skeleton = skeleton
        sections = Dictionary(uniqueKeysWithValues: splits.map { ($0.name, $0.section) })
    }

    /// The text of one part as YAML of its own: empty lines up to the part's first line, then
    /// its records.
    static func partText(_ text: [UInt8], section: Section, part: Int) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "\n"), count: section.firstLines[part] - 1)
        bytes.append(contentsOf: text[section.parts[part]])
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where each line starts.
    private static func lineStarts(_ text: [UInt8]) -> [Int] {
        var starts = [0]
        for (offset, byte) in text.enumerated() where byte == UInt8(ascii: "\n") && offset + 1 < text.count { starts.append(offset + 1) }
        return text.isEmpty ? [] : starts
    }

    private static func hasPrefix(_ text: [UInt8], at offset: Int, _ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        return offset + bytes.count <= text.count && Array(text[offset..<(offset + bytes.count)]) == bytes
    }

    /// The key of a line that is only `key:` in the first column (trailing spaces and a line
    /// break allowed), a word of lower-case letters and underscores.
    private static func soleKey(_ text: [UInt8], at start: Int) -> String? {
        var end = start
        while end < text.count, text[end] == UInt8(ascii: "_") || (text[end] >= UInt8(ascii: "a") && text[end] <= UInt8(ascii: "z")) { end += 1 }
        guard end > start, end < text.count, text[end] == UInt8(ascii: ":") else { return nil }
        var rest = end + 1
        while rest < text.count, text[rest] == UInt8(ascii: " ") { rest += 1 }
        guard rest == text.count || text[rest] == UInt8(ascii: "\n") || text[rest] == UInt8(ascii: "\r") else { return nil }
        return String(decoding: text[start..<end], as: UTF8.self)
    }

    /// The spaces a line starts with, and where the rest begins.
    private static func indentation(_ text: [UInt8], at start: Int) -> (spaces: Int, rest: Int) {
        var rest = start
        while rest < text.count, text[rest] == UInt8(ascii: " ") { rest += 1 }
        return (rest - start, rest)
    }

    private static func isBlankOrComment(_ text: [UInt8], at offset: Int) -> Bool {
        offset == text.count || text[offset] == UInt8(ascii: "\n") || text[offset] == UInt8(ascii: "\r") || text[offset] == UInt8(ascii: "#")
    }

    /// `-` followed by a space or the line's end: a block list's item.
    private static func isItemStart(_ text: [UInt8], at offset: Int) -> Bool {
        guard offset < text.count, text[offset] == UInt8(ascii: "-") else { return false }
        let next = offset + 1
        return next == text.count || text[next] == UInt8(ascii: " ") || text[next] == UInt8(ascii: "\n") || text[next] == UInt8(ascii: "\r")
    }
}
