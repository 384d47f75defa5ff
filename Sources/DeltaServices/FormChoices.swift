import DeltaDomain
import DeltaReports
import Foundation

/// What the forms offer to choose from, read once per form from the register.
package struct FormChoices: Sendable {
    package var organisations: [Choice] = []
    package var dossiers: [Choice] = []
    package var bodies: [Choice] = []
    package var documents: [Choice] = []
    package var investments: [Choice] = []
    /// Rail links (for the dossier form).
    package var railLinks: [RailLink] = []
    /// The names of the shipped station file (for the rail link form).
    package var stationNames: Set<String> = []
    /// Agreements (for the investment form: the agreement that promised the amount).
    package var agreements: [Choice] = []
    /// Goal-tree measures (for the investment form: the measure the money serves).
    package var measures: [Choice] = []
    /// Goal-tree nodes the reader sees, labelled with their level (for the goal and indicator forms).
    package var goals: [Choice] = []
    /// The level of every node of the tree, also those the reader does not see (to keep its shape).
    package var goalLevels: [String: Goal.Level] = [:]
    /// The parent of every node of the tree that has one, also those the reader does not see.
    package var goalParents: [String: String] = [:]
    /// The paragraphs of the document an agreement quotes (the submitted or stored one).
    package var paragraphs: [Paragraph] = []
    /// For a document being edited: the passages its agreements quote, by agreement id.
    package var quotedPassages: [String: String] = [:]

    package init() {}

    package func ids(_ choices: [Choice]) -> Set<String> { Set(choices.map(\.value)) }
}
