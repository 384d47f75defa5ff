import DeltaTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// A form control is described by its hint and its error message (`aria-describedby`), so a
/// screen reader reads both with the field.
@Suite("Form descriptions")
struct FormDescriptionTests {
    @Test("every aria-describedby of the milestone form names elements that exist; a hinted field names its hint")
    func describedBy() async throws {
        try await withAccountsApp { client, _ in
            let browser = Browser(client)
            try await browser.signIn("root")
            let page = try await browser.get("/milestones/vervolgbijeenkomst-2026-q2/edit")
            let document = try page.document()
            let due = try document.requireElement("#f-due")
            let describedBy = due.attribute("aria-describedby") ?? ""
            #expect(describedBy.split(separator: " ").contains("h-due"), "the deadline field names its hint: \(describedBy)")
            var dangling: [String] = []
            for control in try document.select("[aria-describedby]") {
                for id in (control.attribute("aria-describedby") ?? "").split(separator: " ") where document.element(id: String(id)) == nil {
                    dangling.append(String(id))
                }
            }
            #expect(dangling.isEmpty, "described by elements that do not exist: \(dangling)")
        }
    }
}
