import Foundation
import Testing

/// The command line as a cron job or an official uses it: exit codes, messages, files.
/// Conditions are computed before `#expect` (see Tests/README.md).
@Suite("Command line")
struct CommandLineTests {
    @Test("--help names every command, and every command has its own help")
    func help() async throws {
        let top = try await CLI.run(["--help"])
        #expect(top.status == 0)
        for command in ["serve", "import", "export", "check", "report", "user", "audit", "extract", "eval-extract", "search-index"] {
            let named = top.output.contains(command)
            #expect(named, "top-level help names \(command)")
            let own = try await CLI.run([command, "--help"])
            #expect(own.status == 0, "\(command) --help exits 0")
            let usage = own.output.contains("USAGE")
            #expect(usage, "\(command) --help prints its usage")
        }
    }

    @Test("import: a bad file names file:line, writes nothing and exits 65")
    func badImport() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        let bad = folder.appendingPathComponent("bad.yaml")
        try """
        format: deltaberaad/1
        organisations:
          - id: goed
            name: Goed
            country: NL
            level: national
          - id: fout
            name: Fout
            country: ZZ
            level: national
        """.write(to: bad, atomically: true, encoding: .utf8)
        let result = try await CLI.run(["import", "--db", database, bad.path])
        #expect(result.status == 65)
        let located = result.errors.contains("\(bad.path):9:")
        #expect(located, "the error names file:line of the bad country: \(result.errors)")
        let said = result.errors.contains("nothing was imported")
        #expect(said)
        let export = try await CLI.run(["export", "--db", database, folder.appendingPathComponent("out").path])
        #expect(export.status == 0)
        let empty = export.output.contains("exported 0 records")
        #expect(empty, "the good organisation in the same file was not written: \(export.output)")
    }

    @Test("import twice changes nothing; export and import again restore the register")
    func importExportRoundTrip() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first.sqlite").path
        let once = try await CLI.run(["import", "--db", first] + CLI.demoFiles)
        #expect(once.status == 0, "\(once.errors)")
        let twice = try await CLI.run(["import", "--db", first] + CLI.demoFiles)
        let unchanged = twice.output.contains("0 new, 0 changed")
        #expect(unchanged, "second import: \(twice.output)")

        let exported = folder.appendingPathComponent("export")
        #expect(try await CLI.run(["export", "--db", first, exported.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: exported.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count == 13, "one file per section: \(files)")
        let second = folder.appendingPathComponent("second.sqlite").path
        let restored = try await CLI.run(["import", "--db", second] + files.map { exported.appendingPathComponent($0).path })
        #expect(restored.status == 0, "\(restored.errors)")
        let firstCount = once.output.split(separator: " ").dropFirst().first
        let secondCount = restored.output.split(separator: " ").dropFirst().first
        #expect(firstCount != nil)
        #expect(firstCount == secondCount, "\(once.output) vs \(restored.output)")
    }

    @Test("check exits 1 and lists overdue milestones and cadence problems; 0 when there are none")
    func check() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        let empty = try await CLI.run(["check", "--db", database, "--date", "2026-11-23"])
        #expect(empty.status == 0, "an empty register has nothing to report: \(empty.output)\(empty.errors)")
        #expect(try await CLI.run(["import", "--db", database] + CLI.demoFiles).status == 0)

        let late = try await CLI.run(["check", "--db", database, "--date", "2026-11-23"])
        #expect(late.status == 1)
        let framework = late.output.contains("overdue milestone afsprakenkader-zomer-2026")
        #expect(framework, "the framework 'rond de zomer van 2026' is overdue in November: \(late.output)")
        let cadence = late.output.contains("werkgroep-be-nl")
        #expect(cadence, "the working group has not met twice in 2026")

        let early = try await CLI.run(["check", "--db", database, "--date", "2026-02-19"])
        let frameworkEarly = early.output.contains("overdue milestone afsprakenkader-zomer-2026")
        #expect(!frameworkEarly, "in February the framework is not yet due")

        let wrong = try await CLI.run(["check", "--db", database, "--date", "19-02-2026"])
        #expect(wrong.status != 0)
        let explained = wrong.errors.contains("YYYY-MM-DD")
        #expect(explained, "\(wrong.errors)")
    }
}

/// The command line speaks the language of `DELTABERAAD_LANG` or the locale, from the catalogues.
@Suite("Command line languages")
struct CommandLineLanguageTests {
    @Test("messages to people come from the catalogue of the chosen language")
    func languages() async throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        let french = try await CLI.run(["check", "--db", database, "--date", "2026-11-23"], language: "fr")
        let dutch = try await CLI.run(["check", "--db", database, "--date", "2026-11-23"], language: "nl")
        let english = try await CLI.run(["check", "--db", database, "--date", "2026-11-23"])
        #expect(french.status == 0 && dutch.status == 0 && english.status == 0)
        let frenchWords = french.output.contains("aucune étape en retard")
        let dutchWords = dutch.output.contains("geen mijlpalen over tijd")
        let englishWords = english.output.contains("no overdue milestones")
        #expect(frenchWords, "\(french.output)")
        #expect(dutchWords, "\(dutch.output)")
        #expect(englishWords, "\(english.output)")

        let wrongFrench = try await CLI.run(["check", "--db", database, "--date", "19-02-2026"], language: "fr_BE.UTF-8")
        let saidFrench = wrongFrench.errors.contains("n’est pas une date")
        #expect(saidFrench, "a locale such as fr_BE.UTF-8 chooses French: \(wrongFrench.errors)")
    }
}
