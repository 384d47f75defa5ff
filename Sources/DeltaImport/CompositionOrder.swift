import Foundation

/// When each data file of an import is composed: just before the first of its sections is read,
/// so that only the files being read hold their YAML nodes (see `Importer.read`).
///
/// A file's sections are found by scanning its top-level keys as written (`dossiers:` at the
/// start of a line). The scan decides only when a file is composed; what is read comes from the
/// composed file. A key the scan missed (a quoted key, say) is found once the file is composed,
/// too late for the sections already read: the importer then starts again with every file
/// composed first (`Missed`).
struct CompositionOrder {
    /// The scan missed a section that was read before its file was composed.
    struct Missed: Error {}

    /// Each file's first section (its index in the reading order) as scanned; -1 for a file
    /// whose keys were not recognised, composed at the start.
    private let firstSection: [Int]
    /// The files not yet handed out, in the order they are needed.
    private var pending: [Int]
    private let lastSection: Int

    /// `sections` in the order they are read; `lazily: false` hands out every file at once.
    init(files: [String], sections: [String], lazily: Bool) {
        let position = Dictionary(uniqueKeysWithValues: sections.enumerated().map { ($1, $0) })
        firstSection = files.map { file in
            guard lazily else { return -1 }
            return Self.topLevelKeys(of: file).compactMap { position[$0] }.min() ?? -1
        }
        let first = firstSection
        pending = files.indices.sorted { (first[$0], $0) < (first[$1], $1) }
        lastSection = sections.count - 1
    }

    /// The files to compose before section `index` is read: those whose first section it is
    /// (or an earlier one), and one more when that is a single file, so that both cores compose.
    /// Before the last section, every file left.
    mutating func filesNeeded(before index: Int) -> [Int] {
        var count = index >= lastSection ? pending.count : pending.prefix { firstSection[$0] <= index }.count
        if count == 1, pending.count > 1 { count = 2 }
        defer { pending.removeFirst(count) }
        return Array(pending.prefix(count))
    }

    /// The keys that start a line (`name:` in the first column), in the order written: a
    /// file's top-level keys in block style. Unreadable files have none (composing reports them).
    static func topLevelKeys(of file: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: file) else { return [] }
        var keys: [String] = []
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var index = 0
            let count = raw.count
            while index < count {
                // At the start of a line: a key is [a-z_]+ followed by ':'.
                var end = index
                while end < count, raw[end] == UInt8(ascii: "_") || (raw[end] >= UInt8(ascii: "a") && raw[end] <= UInt8(ascii: "z")) { end += 1 }
                if end > index, end < count, raw[end] == UInt8(ascii: ":") {
                    keys.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[index..<end]), as: UTF8.self))
                }
                while end < count, raw[end] != UInt8(ascii: "\n") { end += 1 }
                index = end + 1
            }
        }
        return keys
    }
}
