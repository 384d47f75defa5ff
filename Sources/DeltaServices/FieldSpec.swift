import DeltaDomain
import DeltaReports
import Foundation

/// One input of an edit form.
package struct FieldSpec: Sendable {
    package enum Input: Sendable { case text, textarea, date, number, select([Choice]), file }
    package let name: String
    package let label: String
    package let input: Input
    package var required = false
    package var hint: String?

    package init(name: String, label: String, input: Input, required: Bool = false, hint: String? = nil) {
        self.name = name
        self.label = label
        self.input = input
        self.required = required
        self.hint = hint
    }
}
