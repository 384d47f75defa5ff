import DeltaDomain
import DeltaStore

/// Where an import's records go, a part at a time (`Importer.read(files:known:lazily:partBytes:partSize:into:)`).
protocol PartOutput {
    /// The paragraphs of the documents among `documentIDs` read in earlier parts or held by the
    /// register, by id; the others are left out.
    mutating func paragraphs(of documentIDs: Set<String>) async throws -> [String: [Paragraph]]
    /// Takes a part whose quotes and link names are resolved. `writable` is false once the import
    /// is bound to fail (a record not read, a reference nothing can answer): nothing more is
    /// written then, since it could break a foreign key and would be rolled back anyway.
    mutating func take(_ part: RegisterSnapshot, writable: Bool) async throws
}

/// Keeps every part: the whole snapshot, as `Importer.read` returns it.
struct SnapshotOutput: PartOutput {
    private(set) var snapshot = RegisterSnapshot()
    /// Where each document is in `snapshot.documents`.
    private var documentIndex: [String: Int] = [:]

    mutating func paragraphs(of documentIDs: Set<String>) async throws -> [String: [Paragraph]] {
        var found: [String: [Paragraph]] = [:]
        for id in documentIDs {
            if let index = documentIndex[id] { found[id] = snapshot.documents[index].paragraphs }
        }
        return found
    }

    mutating func take(_ part: RegisterSnapshot, writable: Bool) async throws {
        for (offset, document) in part.documents.enumerated() where documentIndex[document.id] == nil {
            documentIndex[document.id] = snapshot.documents.count + offset
        }
        snapshot.append(part)
    }
}

/// Writes each part into the register (`Importer.run`), so that memory holds a part of the files,
/// never all of them. Once the import is bound to fail, parts are kept instead, so that the
/// quotes of later parts are still checked against the documents of the files.
struct RegisterOutput: PartOutput {
    let register: Register
    let writer: RegisterWriter
    private(set) var summary = WriteSummary()
    private var kept = SnapshotOutput()
    private var writing = true

    init(register: Register, writer: RegisterWriter) {
        self.register = register
        self.writer = writer
    }

    mutating func paragraphs(of documentIDs: Set<String>) async throws -> [String: [Paragraph]] {
        var found = try await kept.paragraphs(of: documentIDs)
        let rest = documentIDs.subtracting(found.keys)
        if !rest.isEmpty { found.merge(try await register.paragraphs(documentIDs: rest.sorted()), uniquingKeysWith: { kept, _ in kept }) }
        return found
    }

    mutating func take(_ part: RegisterSnapshot, writable: Bool) async throws {
        writing = writing && writable
        guard writing else { return try await kept.take(part, writable: false) }
        summary += try await writer.save(part)
        Heap.releaseFreeMemory()
    }
}
