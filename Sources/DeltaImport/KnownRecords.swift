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

    /// Whether the register holds the record `kind`/`id` (indicators and milestones are never
    /// referred to, so they are not held here).
    public func contains(_ kind: RecordKind, _ id: String) -> Bool {
        switch kind {
        case .organisation: organisationIDs.contains(id)
        case .document: documentIDs.contains(id)
        case .body: bodyIDs.contains(id)
        case .dossier: dossierIDs.contains(id)
        case .investment: investmentIDs.contains(id)
        case .agreement: agreementIDs.contains(id)
        case .goal: goalIDs.contains(id)
        case .meeting: meetingIDs.contains(id)
        case .allocationRegime: allocationRegimeIDs.contains(id)
        case .railLink: railLinks.contains { $0.id == id }
        case .obstacle: obstacleIDs.contains(id)
        case .milestone, .indicator: false
        }
    }

    /// Nothing known: every reference must be in the files themselves.
    public init() {}

    /// What a register holds: the ids, the stored links and the documents' years. Paragraphs are
    /// left out: a quote is looked up in its document's stored paragraphs when its part is
    /// written (`Importer.run`), only for the documents that part quotes.
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
