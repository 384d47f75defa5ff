import DeltaDomain
import Testing

@Suite("Access rules and sign-in throttling")
struct AccessTests {
    static let editor = Account(id: "anna", displayName: "Anna", delegation: "NL", role: .editor,
                                editsBodyIDs: ["werkgroep-3rx"], editsDossierIDs: ["ertms"])

    @Test("editors edit what is placed in their bodies or dossiers, plus shared reference records")
    func editorScope() {
        #expect(AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .milestone, dossierIDs: ["ertms"])))
        #expect(AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .milestone, dossierIDs: ["3rx"], bodyIDs: ["werkgroep-3rx"])))
        #expect(!AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .milestone, dossierIDs: ["antwerpen-roosendaal"])))
        #expect(AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .meeting, bodyIDs: ["werkgroep-3rx"])))
        #expect(!AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .meeting, bodyIDs: ["politiek-overleg"])))
        #expect(AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .organisation)))
        #expect(AccessRules.mayEdit(Self.editor, RecordPlacement(kind: .document)))
    }

    @Test("readers, disabled accounts and anonymous visitors edit nothing; admins everything")
    func roles() {
        let reader = Account(id: "bert", displayName: "Bert", delegation: "BE", role: .reader)
        var disabled = Self.editor
        disabled.disabled = true
        let admin = Account(id: "root", displayName: "Beheer", delegation: "NL", role: .admin)
        let anywhere = RecordPlacement(kind: .dossier, dossierIDs: ["ertms"])
        #expect(!AccessRules.mayEdit(reader, anywhere))
        #expect(!AccessRules.mayEdit(disabled, anywhere))
        #expect(!AccessRules.mayEdit(nil, anywhere))
        #expect(AccessRules.mayEdit(admin, RecordPlacement(kind: .body, bodyIDs: ["politiek-overleg"])))
        #expect(AccessRules.visibleRecords(for: nil) == [.public])
        #expect(AccessRules.visibleRecords(for: reader) == [.public, .internal])
        #expect(AccessRules.visibleRecords(for: disabled) == [.public])
        #expect(AccessRules.visibleRecords(for: admin) == Set(Visibility.allCases))
    }

    @Test("usernames and delegation codes")
    func names() {
        #expect(Account.isValidUsername("anna.de-vries_2"))
        #expect(!Account.isValidUsername("Anna"))
        #expect(!Account.isValidUsername("a"))
        #expect(!Account.isValidUsername("2anna"))
        #expect(!Account.isValidUsername("anna'; DROP TABLE accounts;--"))
        #expect(Account.isValidDelegation("NL"))
        #expect(Account.isValidDelegation("sector"))
        #expect(!Account.isValidDelegation("N"))
        #expect(!Account.isValidDelegation("NL<script>"))
    }

    @Test("failures cost nothing at first, then slow down, then lock until the lock ends")
    func throttle() {
        let rules = LoginThrottle()
        #expect(rules.decide(failures: 0, lockedUntil: nil, now: 0) == .proceed(delaySeconds: 0))
        #expect(rules.decide(failures: rules.freeFailures, lockedUntil: nil, now: 0) == .proceed(delaySeconds: 0))
        #expect(rules.decide(failures: rules.freeFailures + 2, lockedUntil: nil, now: 0) == .proceed(delaySeconds: 2 * rules.stepSeconds))
        #expect(rules.decide(failures: 100, lockedUntil: nil, now: 0) == .proceed(delaySeconds: rules.maxDelaySeconds))
        #expect(rules.lockEnd(afterFailures: rules.lockAfter - 1, now: 0) == nil)
        let end = rules.lockEnd(afterFailures: rules.lockAfter, now: 1000)
        #expect(end == 1000 + Double(rules.lockMinutes * 60))
        #expect(rules.decide(failures: rules.lockAfter, lockedUntil: end, now: 1001) == .locked)
        #expect(rules.decide(failures: rules.lockAfter, lockedUntil: end, now: end! + 1) != .locked)
    }
}
