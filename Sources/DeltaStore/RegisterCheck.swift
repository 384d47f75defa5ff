import DeltaDomain

/// The checks `deltaberaad check` runs: milestones past their latest date, bodies that missed
/// (or are at risk of missing) their meeting rule, and actions past their due period.
public enum RegisterCheck {
    /// One line per finding, stable order: overdue milestones by deadline, then bodies by name.
    public static func findings(in register: Register, today: CalendarDate) async throws -> [String] {
        var lines: [String] = []
        let dossiers = Dictionary(uniqueKeysWithValues: try await register.dossiers().map { ($0.id, $0.title) })
        for milestone in try await register.milestones() where DeadlineRules.state(of: milestone, today: today) == .overdue {
            lines.append("overdue milestone \(milestone.id) (\(dossiers[milestone.dossierID] ?? milestone.dossierID)): \(milestone.title) — due \(milestone.due.wording), latest \(milestone.due.latest.iso)")
        }
        let meetings = Dictionary(grouping: try await register.meetings(), by: \.bodyID)
        let bodies = try await register.bodies()
        for body in bodies {
            let firstYear = body.since?.year ?? today.year
            for year in min(firstYear, today.year)...today.year {
                let result = CadenceRules.compliance(rule: body.cadence, since: body.since, meetings: meetings[body.id] ?? [], year: year, today: today)
                if result.compliance == .missed || result.compliance == .atRisk {
                    lines.append("cadence \(result.compliance.rawValue) \(body.id) (\(body.name)) \(year): \(result.explanation)")
                }
            }
        }
        // Every body's outcomes in one read, then body by body as listed.
        let outcomes = try await MeetingStore(db: register.db).outcomes(bodyIDs: bodies.map(\.id))
        for body in bodies {
            for action in outcomes[body.id] ?? [] where action.isOpenAction {
                guard let due = action.due, due.latest < today else { continue }
                lines.append("action past due \(action.id) (\(body.name), meeting \(action.meetingID)): \(action.text) — due \(due.wording), latest \(due.latest.iso)")
            }
        }
        return lines
    }
}
