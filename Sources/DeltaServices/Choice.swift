import DeltaDomain
import DeltaReports
import Foundation

/// An option of a select field.
package struct Choice: Codable, Sendable, Hashable {
    package let value: String
    package let label: String
    /// Whether the label is register content (a title, a name) rather than a text of the
    /// catalogue: it is then in the register's language, which the page marks.
    package var isContent = false

    package init(value: String, label: String, isContent: Bool = false) {
        self.value = value
        self.label = label
        self.isContent = isContent
    }
}
