/// What changed between the stored text of a document and a revised version: paragraphs added,
/// removed and moved, and the agreements whose quoted passage moved or is gone. Pure; the
/// review page shows it when a document that is already in the register is brought in again.
public struct DocumentRevision: Sendable, Hashable {
    /// An agreement whose passage the revision touches.
    public struct AffectedAgreement: Sendable, Hashable {
        public enum Change: Sendable, Hashable {
            /// The quote is found again, in another paragraph.
            case moved(from: String, to: String)
            /// The quote is in no paragraph of the revised text.
            case gone
        }
        public let agreementID: String
        public let title: String
        public let change: Change
    }

    /// Paragraphs only in the revised text.
    public let added: [Paragraph]
    /// Paragraphs only in the stored text.
    public let removed: [Paragraph]
    /// Paragraphs in both whose order relative to the rest changed: (stored, revised).
    public let moved: [(stored: Paragraph, revised: Paragraph)]
    public let affected: [AffectedAgreement]

    /// Whether nothing changed.
    public var isUnchanged: Bool { added.isEmpty && removed.isEmpty && moved.isEmpty && affected.isEmpty }

    /// Compares paragraphs by their text: the longest common subsequence stays in place, the
    /// rest of the texts found on both sides moved, everything else was added or removed.
    public init(stored: [Paragraph], revised: [Paragraph], agreements: [Agreement]) {
        let a = stored.map(\.text), b = revised.map(\.text)
        // Longest common subsequence of paragraph texts. Past a few million cells (two very long
        // documents) the table would be too large: then paragraphs are only matched by their text,
        // and moves are not told apart.
        guard a.count * b.count <= Self.maximumCells else {
            let storedTexts = Set(a), revisedTexts = Set(b)
            removed = stored.filter { !revisedTexts.contains($0.text) }
            added = revised.filter { !storedTexts.contains($0.text) }
            moved = []
            affected = Self.affected(agreements, stored: stored, revised: revised)
            return
        }
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var keptA = Set<Int>(), keptB = Set<Int>()
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { keptA.insert(i); keptB.insert(j); i += 1; j += 1 }
            else if lengths[i + 1][j] >= lengths[i][j + 1] { i += 1 } else { j += 1 }
        }
        var unmatchedRevised: [String: [Int]] = [:]
        for index in b.indices where !keptB.contains(index) { unmatchedRevised[b[index], default: []].append(index) }
        var moved: [(Paragraph, Paragraph)] = [], movedB = Set<Int>(), removed: [Paragraph] = []
        for index in a.indices where !keptA.contains(index) {
            if var candidates = unmatchedRevised[a[index]], !candidates.isEmpty {
                let target = candidates.removeFirst()
                unmatchedRevised[a[index]] = candidates
                moved.append((stored[index], revised[target]))
                movedB.insert(target)
            } else {
                removed.append(stored[index])
            }
        }
        self.removed = removed
        self.moved = moved
        added = b.indices.filter { !keptB.contains($0) && !movedB.contains($0) }.map { revised[$0] }
        affected = Self.affected(agreements, stored: stored, revised: revised)
    }

    /// The most cells of the comparison table.
    static let maximumCells = 4_000_000

    static func affected(_ agreements: [Agreement], stored: [Paragraph], revised: [Paragraph]) -> [AffectedAgreement] {
        let finder = QuoteFinder(revised)
        return agreements.compactMap { agreement in
            guard let found = finder.locate(agreement.source.quote) else {
                return AffectedAgreement(agreementID: agreement.id, title: agreement.title, change: .gone)
            }
            // Anchors are positions: a passage now in another paragraph position has moved.
            guard found.anchor != agreement.source.anchor else { return nil }
            return AffectedAgreement(agreementID: agreement.id, title: agreement.title, change: .moved(from: agreement.source.anchor, to: found.anchor))
        }
    }

    public static func == (lhs: DocumentRevision, rhs: DocumentRevision) -> Bool {
        lhs.added == rhs.added && lhs.removed == rhs.removed && lhs.affected == rhs.affected
            && lhs.moved.map(\.stored) == rhs.moved.map(\.stored) && lhs.moved.map(\.revised) == rhs.moved.map(\.revised)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(added); hasher.combine(removed); hasher.combine(affected)
        hasher.combine(moved.map(\.stored)); hasher.combine(moved.map(\.revised))
    }
}
