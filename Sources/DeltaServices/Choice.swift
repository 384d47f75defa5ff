import DeltaDomain
import DeltaReports
import Foundation

/// An option of a select field.
package struct Choice: Codable, Sendable, Hashable {
    package let value: String
    package let label: String

    package init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
