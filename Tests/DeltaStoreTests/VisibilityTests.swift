import DeltaDomain
import DeltaImport
import DeltaStore
import Testing

@Suite("Read scopes")
struct VisibilityTests {
    static let data = """
        format: deltaberaad/1
        organisations:
          - id: org-public
            name: Publieke organisatie
            country: NL
            level: national
          - id: org-internal
            name: Interne organisatie
            country: NL
            level: national
            visibility: internal
        documents:
          - id: doc-private
            kind: minutes
            title: Verslag van het delegatieoverleg
            date: 2026-03-01
            issuers: [org-public]
            visibility: delegation-private
            text: |
              Dit verslag is alleen voor de delegaties bestemd.
        """

    /// What one scope sees of the records in `data`.
    struct View: Sendable {
        var organisationIDs: [String]
        var internalOrganisation: Organisation?
        var documentIDs: [String]
        var privateDocument: Document?
        var privateParagraphs: [Paragraph]
    }

    private func view(_ engine: any DatabaseEngine, _ scope: ReadScope) async throws -> View {
        try await reading(engine, scope: scope) { register in
            View(organisationIDs: try await register.organisations().map(\.id),
                 internalOrganisation: try await register.organisation(id: "org-internal"),
                 documentIDs: try await register.documents().map(\.id),
                 privateDocument: try await register.document(id: "doc-private"),
                 privateParagraphs: try await register.paragraphs(documentID: "doc-private"))
        }
    }

    @Test("publicOnly sees neither internal nor delegation-private records; everything sees both", arguments: allEngines)
    func scopes(kind: EngineKind) async throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("visibility.yaml", Self.data)
        try await withDatabase(kind) { database in
            let engine = database.engine
            let summary = try await Importer.run(files: [file], engine: engine)
            #expect(summary.inserted == 3)

            // Anonymous visitors. (Reads are done before the #expect; see TestDatabase.swift.)
            let anonymous = try await view(engine, .publicOnly)
            #expect(anonymous.organisationIDs == ["org-public"])
            #expect(anonymous.internalOrganisation == nil)
            #expect(anonymous.documentIDs.isEmpty)
            #expect(anonymous.privateDocument == nil)
            #expect(anonymous.privateParagraphs.isEmpty)
            let publicExport = try await snapshot(engine, scope: .publicOnly)
            #expect(publicExport.recordCount == 1, "a public export holds only the public record")

            // Officials.
            let officials = try await view(engine, .everything)
            #expect(Set(officials.organisationIDs) == ["org-public", "org-internal"])
            #expect(officials.internalOrganisation?.visibility == .internal)
            #expect(officials.documentIDs == ["doc-private"])
            #expect(officials.privateDocument?.visibility == .delegationPrivate)
            #expect(officials.privateParagraphs.count == 1)

            // A scope in between sees internal records but not the delegations' own.
            let staff = try await view(engine, ReadScope(visibilities: [.public, .internal]))
            #expect(Set(staff.organisationIDs) == ["org-public", "org-internal"])
            #expect(staff.documentIDs.isEmpty)
            #expect(staff.privateDocument == nil)
            #expect(staff.privateParagraphs.isEmpty)
        }
    }
}
