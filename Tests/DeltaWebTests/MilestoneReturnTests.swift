import DeltaDomain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A milestone shared by several dossiers returns, after saving, to the dossier page its form was
/// opened from; anything else than one of its own dossiers sends it to its first dossier.
@Suite("Returning to the dossier a milestone was edited from")
struct MilestoneReturnTests {
    @Test("?from= names the dossier to return to, only when it is one of the milestone's dossiers")
    func returnsToDossier() async throws {
        try await withAccountsApp { client, _ in
            let anna = Browser(client)
            try await anna.signIn("anna")
            let milestone = EditingTests.milestone
            let page = try await anna.get("/dossiers/\(EditingTests.dossier)")
            #expect(page.text.contains("/milestones/\(milestone)/edit?from=\(EditingTests.dossier)"))
            let form = try await anna.get("/milestones/\(milestone)/edit?from=\(EditingTests.dossier)")
            #expect(form.text.contains(#"<input type="hidden" name="_from" value="\#(EditingTests.dossier)">"#))
            #expect(form.text.contains(#"href="/dossiers/\#(EditingTests.dossier)#\#(milestone)""#), "cancel goes back there too")
            #expect(!(try await anna.get("/milestones/\(milestone)/edit?from=https://example.org")).text.contains(#"name="_from""#))

            var version = 1
            for (from, back) in [(EditingTests.dossier, EditingTests.dossier), ("https://example.org/x", EditingTests.homeDossier),
                                 ("//example.org", EditingTests.homeDossier), ("ertms", EditingTests.homeDossier), ("", EditingTests.homeDossier)] {
                var fields = EditingTests.milestoneForm(title: "Kamerdebat \(version)", version: String(version))
                fields["_from"] = from
                let saved = try await anna.post("/milestones/\(milestone)/edit", fields)
                #expect(saved.status == .seeOther, "\(from): \(saved.text.prefix(300))")
                #expect(saved.headers[.location] == "/dossiers/\(back)#\(milestone)", "\(from)")
                version += 1
            }
        }
    }
}
