import DeltaDomain
import DeltaStore
import Foundation
import SQLKit
import Yams

/// Ids (and document paragraphs) already in the register, so a data file may refer to them.
public struct KnownRecords: Sendable {
    public var organisationIDs: Set<String> = []
    public var documentIDs: Set<String> = []
    public var bodyIDs: Set<String> = []
    public var dossierIDs: Set<String> = []
    public var investmentIDs: Set<String> = []
    public var agreementIDs: Set<String> = []
    public var goalIDs: Set<String> = []
    public var meetingIDs: Set<String> = []
    public var allocationRegimeIDs: Set<String> = []
    /// The stored links whole: dossiers may name them by name or alias.
    public var railLinks: [RailLink] = []
    public var obstacleIDs: Set<String> = []
    /// Year of every stored document, for periods without a year that cite one.
    public var documentYears: [String: Int] = [:]
    /// Paragraphs of stored documents the files quote (`ParagraphsNeeded`).
    public var paragraphs: [String: [Paragraph]] = [:]

    /// The files quote stored documents whose paragraphs are not in `paragraphs`: read them
    /// (`loadParagraphs`) and read the files again.
    public struct ParagraphsNeeded: Error {
        public let documentIDs: Set<String>
    }

    /// Adds the stored paragraphs of `documentIDs`.
    public mutating func loadParagraphs(_ documentIDs: Set<String>, from register: Register) async throws {
        for id in documentIDs.sorted() { paragraphs[id] = try await register.paragraphs(documentID: id) }
    }

    /// Nothing known: every reference must be in the files themselves.
    public init() {}

    /// What a register holds: the ids, the stored links and the documents' years. Paragraphs are
    /// left out: only documents quoted by the files and not in them need theirs
    /// (`ParagraphsNeeded`), and reading every document's paragraphs held all of them, one
    /// statement per document, on every import into a large register.
    public static func load(from register: Register) async throws -> KnownRecords {
        var known = KnownRecords()
        known.organisationIDs = try await register.ids(of: Organisation.self)
        let documents = try await register.documentHeaders()
        known.documentIDs = Set(documents.map(\.id))
        known.documentYears = Dictionary(uniqueKeysWithValues: documents.compactMap { header in
            header.date.flatMap { $0.earliest.year == $0.latest.year ? (header.id, $0.earliest.year) : nil }
        })
        known.bodyIDs = try await register.ids(of: Body.self)
        known.dossierIDs = try await register.ids(of: Dossier.self)
        known.investmentIDs = try await register.ids(of: Investment.self)
        known.agreementIDs = try await register.ids(of: Agreement.self)
        known.goalIDs = try await register.ids(of: Goal.self)
        known.meetingIDs = try await register.ids(of: Meeting.self)
        known.allocationRegimeIDs = try await register.ids(of: AllocationRegime.self)
        known.railLinks = try await register.railLinks()
        known.obstacleIDs = Set(try await register.obstacles().map(\.id))
        return known
    }
}
