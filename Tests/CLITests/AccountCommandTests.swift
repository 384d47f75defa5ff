import Foundation
import Testing

/// `deltaberaad user …` and `deltaberaad audit verify` as an administrator uses them.
@Suite("Command line: accounts and the audit log")
struct AccountCommandTests {
    @Test("user add refuses weak passwords, adds accounts, lists and disables them; every step is audited")
    func users() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        let imported = try CLI.run(["import", "--db", database] + CLI.demoFiles)
        #expect(imported.status == 0)

        let weak = try CLI.run(["user", "add", "--db", database, "anna", "--name", "Anna", "--delegation", "NL"], input: "kort\n")
        #expect(weak.status != 0)
        let weakMessage = weak.errors.contains("12")
        #expect(weakMessage, "the refusal says how long a password must be: \(weak.errors)")

        let added = try CLI.run(["user", "add", "--db", database, "anna", "--name", "Anna de Vries", "--delegation", "NL",
                                 "--role", "editor", "--bodies", "werkgroep-3rx", "--cost", "4"], input: "correct horse battery staple\n")
        #expect(added.status == 0, "\(added.errors)")
        let again = try CLI.run(["user", "add", "--db", database, "anna", "--name", "Anna", "--delegation", "NL", "--cost", "4"],
                                input: "correct horse battery staple\n")
        #expect(again.status != 0)
        let unknownBody = try CLI.run(["user", "add", "--db", database, "otto", "--name", "Otto", "--delegation", "NL", "--role", "editor",
                                       "--bodies", "no-such-body", "--cost", "4"], input: "correct horse battery staple\n")
        #expect(unknownBody.status != 0)
        let unknownBodyNamed = unknownBody.errors.contains("no-such-body")
        #expect(unknownBodyNamed)

        let listed = try CLI.run(["user", "list", "--db", database])
        let listedLines = listed.output.split(separator: "\n").map(String.init)
        #expect(listedLines == ["anna\teditor\tNL\tAnna de Vries\tbody:werkgroep-3rx\tactive"])

        let disabled = try CLI.run(["user", "disable", "--db", database, "anna"])
        #expect(disabled.status == 0)
        let afterDisable = try CLI.run(["user", "list", "--db", database])
        let isDisabled = afterDisable.output.contains("\tdisabled")
        #expect(isDisabled)

        let reset = try CLI.run(["user", "reset-password", "--db", database, "anna", "--cost", "4"], input: "another long passphrase\n")
        #expect(reset.status == 0, "\(reset.errors)")

        let verified = try CLI.run(["audit", "verify", "--db", database])
        #expect(verified.status == 0)
        let intact = verified.output.hasPrefix("audit log intact:")
        #expect(intact, "\(verified.output)")
    }

    @Test("audit verify names the first entry changed behind the application's back, and exits 1")
    func tampering() throws {
        let folder = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("register.sqlite").path
        #expect(try CLI.run(["import", "--db", database] + CLI.demoFiles).status == 0)
        let before = try CLI.run(["audit", "verify", "--db", database])
        #expect(before.status == 0)

        // Edit entry 42 with Python's own sqlite3 module: the application is not involved.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("UPDATE audit_log SET changes_json = '[]' WHERE sequence = 42")
            db.commit()
            """, database]
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)

        let after = try CLI.run(["audit", "verify", "--db", database])
        #expect(after.status == 1)
        let named = after.output.contains("entry 42")
        #expect(named, "\(after.output)")
    }
}
