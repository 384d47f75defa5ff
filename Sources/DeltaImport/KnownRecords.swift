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
    public var paragraphs: [String: [Paragraph]] = [:]

    /// Nothing known: every reference must be in the files themselves.
    public init() {}

    /// What a register holds.
    public static func load(from register: Register) async throws -> KnownRecords {
        var known = KnownRecords()
        known.organisationIDs = Set(try await register.organisations().map(\.id))
        let documents = try await register.documentHeaders()
        known.documentIDs = Set(documents.map(\.id))
        known.documentYears = Dictionary(uniqueKeysWithValues: documents.compactMap { header in
            header.date.flatMap { $0.earliest.year == $0.latest.year ? (header.id, $0.earliest.year) : nil }
        })
        for document in documents { known.paragraphs[document.id] = try await register.paragraphs(documentID: document.id) }
        known.bodyIDs = Set(try await register.bodies().map(\.id))
        known.dossierIDs = Set(try await register.dossiers().map(\.id))
        known.investmentIDs = Set(try await register.investments().map(\.id))
        known.agreementIDs = Set(try await register.agreements().map(\.id))
        known.goalIDs = Set(try await register.goals().map(\.id))
        known.meetingIDs = Set(try await register.meetings().map(\.id))
        known.allocationRegimeIDs = Set(try await register.allocationRegimes().map(\.id))
        known.railLinks = try await register.railLinks()
        known.obstacleIDs = Set(try await register.obstacles().map(\.id))
        return known
    }
}
