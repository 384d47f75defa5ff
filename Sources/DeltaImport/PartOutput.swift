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
///
/// A part is written while the next one is read: `take` starts the writing and returns, and the
/// next `take` (or `finish`) waits for it first, so parts are written one at a time, in order.
/// Why: reading the files (composing, parsing, checking) and writing the records each kept one
/// core busy in turn; side by side, reading and writing the records of a 1 000× register took
/// 27 s instead of 32 (the search index is built after, as before).
/// The reading asks the register for paragraphs on the same connection meanwhile (both engines
/// serve a connection's statements one at a time), after the writing when that part holds them.
struct RegisterOutput: PartOutput {
    let register: Register
    let writer: RegisterWriter
    private(set) var summary = WriteSummary()
    private var kept = SnapshotOutput()
    private var writing = true
    /// The part being written, and its documents' ids.
    private var pending: (task: Task<WriteSummary, any Error>, documents: Set<String>)?

    init(register: Register, writer: RegisterWriter) {
        self.register = register
        self.writer = writer
    }

    mutating func paragraphs(of documentIDs: Set<String>) async throws -> [String: [Paragraph]] {
        if let pending, !pending.documents.isDisjoint(with: documentIDs) { try await settle() }
        var found = try await kept.paragraphs(of: documentIDs)
        let rest = documentIDs.subtracting(found.keys)
        if !rest.isEmpty { found.merge(try await register.paragraphs(documentIDs: rest.sorted()), uniquingKeysWith: { kept, _ in kept }) }
        return found
    }

    mutating func take(_ part: RegisterSnapshot, writable: Bool) async throws {
        try await settle()
        writing = writing && writable
        guard writing else { return try await kept.take(part, writable: false) }
        let writer = writer
        pending = (Task {
            let summary = try await writer.save(part)
            // The part is written and let go; its memory goes back too.
            Heap.releaseFreeMemory()
            return summary
        }, Set(part.documents.map(\.id)))
    }

    /// Waits for the part being written; its error, if any, is thrown here.
    mutating func finish() async throws { try await settle() }

    /// Stops the part being written and waits for it, ignoring its outcome: for an import that
    /// fails anyway, whose transaction must not roll back while a part is still being written.
    mutating func abandon() async {
        guard let pending else { return }
        self.pending = nil
        pending.task.cancel()
        _ = try? await pending.task.value
    }

    private mutating func settle() async throws {
        guard let pending else { return }
        self.pending = nil
        summary += try await pending.task.value
    }
}
