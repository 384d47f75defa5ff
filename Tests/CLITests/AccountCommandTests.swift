import DeltaImport
import Foundation
import Testing

/// `deltaberaad user …` and `deltaberaad audit verify` as an administrator uses them.
@Suite("Command line: accounts and the audit log")
struct AccountCommandTests {
    @Test("user add refuses weak passwords, adds accounts, lists and disables them; every step is audited")
    func users() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        let imported = try await CLI.run(["import", "--db", database] + CLI.demoFiles)
        #expect(imported.status == 0)

        let weak = try await CLI.run(["user", "add", "--db", database, "anna", "--name", "Anna", "--delegation", "NL"], input: "kort\n")
        #expect(weak.status != 0)
        let weakMessage = weak.errors.contains("12")
        #expect(weakMessage, "the refusal says how long a password must be: \(weak.errors)")

        let added = try await CLI.run(["user", "add", "--db", database, "anna", "--name", "Anna de Vries", "--delegation", "NL",
                                 "--role", "editor", "--bodies", "werkgroep-3rx", "--cost", "4"], input: "correct horse battery staple\n")
        #expect(added.status == 0, "\(added.errors)")
        let again = try await CLI.run(["user", "add", "--db", database, "anna", "--name", "Anna", "--delegation", "NL", "--cost", "4"],
                                input: "correct horse battery staple\n")
        #expect(again.status != 0)
        let unknownBody = try await CLI.run(["user", "add", "--db", database, "otto", "--name", "Otto", "--delegation", "NL", "--role", "editor",
                                       "--bodies", "no-such-body", "--cost", "4"], input: "correct horse battery staple\n")
        #expect(unknownBody.status != 0)
        let unknownBodyNamed = unknownBody.errors.contains("no-such-body")
        #expect(unknownBodyNamed)

        let listed = try await CLI.run(["user", "list", "--db", database])
        let listedLines = listed.output.split(separator: "\n").map(String.init)
        #expect(listedLines == ["anna\teditor\tNL\tAnna de Vries\tbody:werkgroep-3rx\tactive"])

        let disabled = try await CLI.run(["user", "disable", "--db", database, "anna"])
        #expect(disabled.status == 0)
        let afterDisable = try await CLI.run(["user", "list", "--db", database])
        let isDisabled = afterDisable.output.contains("\tdisabled")
        #expect(isDisabled)

        let reset = try await CLI.run(["user", "reset-password", "--db", database, "anna", "--cost", "4"], input: "another long passphrase\n")
        #expect(reset.status == 0, "\(reset.errors)")

        let verified = try await CLI.run(["audit", "verify", "--db", database])
        #expect(verified.status == 0)
        let intact = verified.output.hasPrefix("audit log intact:")
        #expect(intact, "\(verified.output)")
    }

    @Test("audit verify names the first entry changed behind the application's back, and exits 1")
    func tampering() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        #expect(try await CLI.run(["import", "--db", database] + CLI.demoFiles).status == 0)
        let before = try await CLI.run(["audit", "verify", "--db", database])
        #expect(before.status == 0)

        // Edit entry 42 with Python's own sqlite3 module: the application is not involved.
        let python = try await ExternalProgram.run("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE audit_log SET changes_json = '[]' WHERE sequence = 42")
            db.commit()
            """, database])
        #expect(python.succeeded, "\(python.errors)")

        let after = try await CLI.run(["audit", "verify", "--db", database])
        #expect(after.status == 1)
        let named = after.output.contains("entry 42")
        #expect(named, "\(after.output)")
    }
}

/// `deltaberaad report` as a secretary makes the report for the ministers.
@Suite("Command line: progress report")
struct ReportCommandTests {
    @Test("report --format pdf prints A4 pages through Chromium: one opening page and one per dossier, with the texts", arguments: ["nl", "fr", "en"])
    func pdf(lang: String) async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        #expect(try await CLI.run(["import", "--db", database] + CLI.demoFiles).status == 0)
        let pdf = folder.appendingPathComponent("report.pdf").path
        let made = try await CLI.run(["report", "--db", database, "--body", "politiek-overleg", "--year", "2026", "--lang", lang,
                                "--format", "pdf", "--out", pdf, "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.errors)")
        let markdown = folder.appendingPathComponent("report.md").path
        let md = try await CLI.run(["report", "--db", database, "--body", "politiek-overleg", "--year", "2026", "--lang", lang,
                              "--format", "md", "--out", markdown, "--today", "2026-11-23"])
        #expect(md.status == 0)
        let markdownText = try String(contentsOfFile: markdown, encoding: .utf8)
        // The dossiers of the consultation and its working groups: every "## " section after the summary.
        let dossierCount = markdownText.components(separatedBy: "\n## ").count - 3
        #expect(dossierCount >= 10, "\(dossierCount) dossiers")

        // Pages as images (pdftoppm) and as text (pdftotext).
        let pagesFolder = folder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pagesFolder, withIntermediateDirectories: true)
        #expect(try await Tool.run("pdftoppm", ["-r", "30", "-png", pdf, pagesFolder.appendingPathComponent("page").path]).status == 0)
        let pages = try FileManager.default.contentsOfDirectory(atPath: pagesFolder.path).filter { $0.hasSuffix(".png") }
        // An opening page, then each dossier on a new page (a long dossier, such as 3RX with its
        // agreements from three summits, runs on to a second page).
        #expect(pages.count >= dossierCount + 1 && pages.count <= 2 * dossierCount + 1, "\(pages.count) pages for \(dossierCount) dossiers")
        let text = try await Tool.run("pdftotext", [pdf, "-"]).output
        let title = ["nl": "Voortgangsrapportage", "fr": "Rapport d’avancement", "en": "Progress report"][lang]!
        #expect(text.contains(title))
        let numbered = text.contains("/ \(pages.count)")
        #expect(numbered, "page numbers count the pages")
        for heading in markdownText.components(separatedBy: "\n## ").dropFirst(3).map({ String($0.prefix { $0 != "\n" }) }) {
            let words = heading.split(separator: " ").prefix(2).joined(separator: " ")
            let found = text.contains(words)
            #expect(found, "the PDF holds dossier “\(heading)”")
        }
    }
}

/// Runs a tool from PATH (poppler's pdftoppm and pdftotext).
enum Tool {
    static func run(_ name: String, _ arguments: [String]) async throws -> CLI.Result {
        let outcome = try await ExternalProgram.run(name, arguments)
        return CLI.Result(status: outcome.status, output: outcome.output, errors: outcome.errors)
    }
}

@Suite("Command line: public export")
struct PublicExportTests {
    @Test("export --public leaves out what anonymous visitors may not see")
    func publicOnly() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        let data = folder.appendingPathComponent("data.yaml")
        try """
        format: deltaberaad/1
        organisations:
          - id: openbaar
            name: Openbare organisatie
            country: NL
            level: national
          - id: intern
            name: Interne organisatie
            country: BE
            level: federal
            visibility: internal
        """.write(to: data, atomically: true, encoding: .utf8)
        #expect(try await CLI.run(["import", "--db", database, data.path]).status == 0)
        let all = folder.appendingPathComponent("all").path, open = folder.appendingPathComponent("open").path
        #expect(try await CLI.run(["export", "--db", database, all]).status == 0)
        #expect(try await CLI.run(["export", "--db", database, "--public", open]).status == 0)
        let everything = try String(contentsOfFile: all + "/organisations.yaml", encoding: .utf8)
        let openData = try String(contentsOfFile: open + "/organisations.yaml", encoding: .utf8)
        let internalInAll = everything.contains("Interne organisatie")
        let internalInOpen = openData.contains("Interne organisatie")
        let publicInOpen = openData.contains("Openbare organisatie")
        #expect(internalInAll)
        #expect(!internalInOpen)
        #expect(publicInOpen)
    }
}
