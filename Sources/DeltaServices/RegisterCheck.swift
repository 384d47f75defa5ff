import DeltaDomain
import DeltaReports
import DeltaStore

/// The checks `deltaberaad check` runs: milestones past their latest date, bodies that missed
/// (or are at risk of missing) their meeting rule, actions past their due period, and data that
/// can mislead a reader (agreements that reach no agenda, milestones nobody owns, completion
/// without evidence, dates without a source). Findings are values; `Labels.finding(_:)` words
/// them in a language.
package enum RegisterCheck {
    /// One thing the register says is late.
    package enum Finding: Sendable, Hashable {
        /// A milestone past the last day its deadline can mean.
        case overdueMilestone(Milestone, dossierTitle: String)
        /// A body that missed, or will miss unless a meeting is planned, its rule in a year.
        case cadence(Body, year: Int, YearCompliance)
        /// An open action past its due period.
        case actionPastDue(Outcome, bodyName: String)
        /// An agreement with neither a dossier nor a body: it never reaches an agenda or report.
        case agreementWithoutPlace(Agreement)
        /// An open milestone without an owner.
        case milestoneWithoutOwner(Milestone)
        /// An agreement marked complete with nothing to show for it.
        case completionWithoutEvidence(Agreement)
        /// A dated document that does not say where its date comes from.
        case documentWithoutDateSource(Document)
    }

    /// The findings in a stable order: overdue milestones by deadline, then bodies by name, then actions.
    package static func findings(in register: Register, today: CalendarDate) async throws -> [Finding] {
        var findings: [Finding] = []
        let dossiers = Dictionary(uniqueKeysWithValues: try await register.dossiers().map { ($0.id, $0.title) })
        for milestone in try await register.milestones() where DeadlineRules.state(of: milestone, today: today) == .overdue {
            let titles = milestone.dossierIDs.map { dossiers[$0] ?? $0 }
            findings.append(.overdueMilestone(milestone, dossierTitle: titles.joined(separator: ", ")))
        }
        let meetings = Dictionary(grouping: try await register.meetings(), by: \.bodyID)
        let bodies = try await register.bodies()
        for body in bodies {
            let firstYear = body.since?.year ?? today.year
            for year in min(firstYear, today.year)...today.year {
                let result = CadenceRules.compliance(of: body, meetings: meetings[body.id] ?? [], year: year, today: today)
                if result.compliance == .missed || result.compliance == .atRisk { findings.append(.cadence(body, year: year, result)) }
            }
        }
        // Every body's outcomes in one read, then body by body as listed.
        let outcomes = try await MeetingStore(db: register.db).outcomes(bodyIDs: bodies.map(\.id))
        for body in bodies {
            for action in outcomes[body.id] ?? [] where action.isOpenAction {
                guard let due = action.due, due.latest < today else { continue }
                findings.append(.actionPastDue(action, bodyName: body.name))
            }
        }
        return findings + (try await misleading(in: register))
    }

    /// Data that can mislead: in record order, agreements first, then milestones and documents.
    private static func misleading(in register: Register) async throws -> [Finding] {
        var findings: [Finding] = []
        for agreement in try await register.agreements() {
            if agreement.dossierIDs.isEmpty, agreement.bodyID == nil { findings.append(.agreementWithoutPlace(agreement)) }
            if CompletionRules.problem(completion: agreement.completion, evidence: agreement.evidence) != nil {
                findings.append(.completionWithoutEvidence(agreement))
            }
        }
        for milestone in try await register.milestones() where milestone.ownerID == nil && milestone.status.isOpen {
            findings.append(.milestoneWithoutOwner(milestone))
        }
        for document in try await register.documents() where document.date != nil && document.dateSource == nil {
            findings.append(.documentWithoutDateSource(document))
        }
        return findings
    }
}

extension Labels {
    /// One finding as a line: what, which record, and why.
    package func finding(_ finding: RegisterCheck.Finding) -> String {
        switch finding {
        case .overdueMilestone(let milestone, let dossier):
            text("cli.check.overdueMilestone", ["id": milestone.id, "dossier": dossier, "title": milestone.title,
                                                "wording": milestone.due.wording, "latest": milestone.due.latest.iso])
        case .cadence(let body, let year, let result):
            text("cli.check.cadence", ["compliance": result.compliance.rawValue, "id": body.id, "name": body.name, "year": String(year),
                                       "explanation": cadenceExplanation(result.explanation)])
        case .actionPastDue(let action, let body):
            text("cli.check.actionPastDue", ["id": action.id, "body": body, "meeting": action.meetingID, "text": action.text,
                                             "wording": action.due?.wording ?? "", "latest": action.due?.latest.iso ?? ""])
        case .agreementWithoutPlace(let agreement):
            text("cli.check.agreementWithoutPlace", ["id": agreement.id, "title": agreement.title])
        case .milestoneWithoutOwner(let milestone):
            text("cli.check.milestoneWithoutOwner", ["id": milestone.id, "title": milestone.title])
        case .completionWithoutEvidence(let agreement):
            text("cli.check.completionWithoutEvidence", ["id": agreement.id, "title": agreement.title])
        case .documentWithoutDateSource(let document):
            text("cli.check.documentWithoutDateSource", ["id": document.id, "title": document.title, "date": document.date?.wording ?? ""])
        }
    }
}
