import DeltaDomain
import Foundation

/// A synthetic register at N times the demo's size, for measuring import, pages and the API under
/// load (docs/PERFORMANCE.md). Deterministic: the same scale and seed give the same records, and
/// `write` gives byte-identical files, because the files are written by `Exporter` (one writer for
/// the format). Every text says it is generated ("Gegenereerd dossier 12"); none is a seed fact.
public struct RegisterGenerator: Sendable {
    /// Records per unit of scale, taken from the demo register (issue 14: at 1 000× about 18 000
    /// dossiers, 40 000 milestones, 70 000 agreements and 8 000 meetings).
    public enum PerUnit {
        public static let organisations = 21, documents = 17, bodies = 14, railLinks = 14, dossiers = 18
        public static let agreements = 70, milestones = 40, meetings = 8, investments = 5
    }

    /// The largest scale the generator accepts: 10 000× is 2 million records, beyond any register we plan for.
    public static let maximumScale = 10_000

    /// How many times the demo's size.
    public let scale: Int
    /// The seed of the pseudo-random choices (statuses, dates, links between records, words).
    public let seed: UInt64

    /// A generator; `scale` is clamped to 1…`maximumScale` by the caller's validation, not here.
    public init(scale: Int, seed: UInt64 = 1) {
        self.scale = scale
        self.seed = seed
    }

    /// The generated register.
    public func snapshot() -> RegisterSnapshot {
        var random = SplitMix64(seed: seed)
        var snapshot = RegisterSnapshot()
        for unit in 0..<scale { generate(unit: unit, into: &snapshot, random: &random) }
        return snapshot
    }

    /// Writes the generated register into `directory` as data files; returns the files written.
    @discardableResult
    public func write(to directory: String) throws -> (snapshot: RegisterSnapshot, files: [String]) {
        let snapshot = snapshot()
        return (snapshot, try Exporter.write(snapshot, to: directory))
    }

    // MARK: One unit: a demo-sized slice whose references stay inside it (and its organisations)

    private func generate(unit: Int, into snapshot: inout RegisterSnapshot, random: inout SplitMix64) {
        func number(_ index: Int, _ per: Int) -> Int { unit * per + index + 1 }
        let countries: [Country] = [.NL, .BE]
        let organisations = (0..<PerUnit.organisations).map { index -> Organisation in
            let n = number(index, PerUnit.organisations)
            let level: [OrganisationLevel] = [.national, .federal, .regional, .provincial, .municipal]
            return Organisation(id: "gen-org-\(n)", name: "Gegenereerde organisatie \(n)", shortName: "GO\(n)",
                                country: countries[index % 2], level: level[index % level.count],
                                parentID: index >= 2 && index % 5 == 0 ? "gen-org-\(number(index % 2, PerUnit.organisations))" : nil)
        }
        snapshot.organisations += organisations
        let orgIDs = organisations.map(\.id)

        // Documents: one paragraph per agreement that quotes it, plus an opening and a closing one.
        let agreementNumbers = (0..<PerUnit.agreements).map { number($0, PerUnit.agreements) }
        var sentences: [Int: String] = [:]
        var documents: [Document] = []
        var layouts: [String: QuoteFinder] = [:]
        for index in 0..<PerUnit.documents {
            let n = number(index, PerUnit.documents)
            let quoted = agreementNumbers.enumerated().filter { $0.offset % PerUnit.documents == index }.map(\.element)
            var paragraphs = ["Gegenereerd document \(n). Deze tekst is synthetisch en dient alleen om de prestaties te meten."]
            for agreement in quoted {
                let sentence = "In gegenereerde afspraak \(agreement) spreken de partijen af \(random.phrase()) te \(random.verb()) voor \(random.year(2026...2034))."
                sentences[agreement] = sentence
                paragraphs.append(sentence)
            }
            paragraphs.append("Einde van gegenereerd document \(n).")
            let text = paragraphs.joined(separator: "\n\n") + "\n"
            let day = random.day(in: 2018...2026)
            let kinds: [DocumentKind] = [.jointDeclaration, .finalDeclaration, .decisionMemo, .letterToParliament, .statement]
            let document = Document(id: "gen-doc-\(n)", kind: kinds[index % kinds.count], title: "Gegenereerd document \(n)",
                                    date: FuzzyPeriod(day: day), language: "nl",
                                    issuerIDs: [orgIDs[index % orgIDs.count], orgIDs[(index + 1) % orgIDs.count]],
                                    summary: "Samenvatting van gegenereerd document \(n).", text: text)
            layouts[document.id] = QuoteFinder(document.paragraphs)
            documents.append(document)
        }
        snapshot.documents += documents

        let bodies = (0..<PerUnit.bodies).map { index -> Body in
            let n = number(index, PerUnit.bodies)
            let kinds: [BodyKind] = [.politicalConsultation, .deltaCouncil, .dgSteering, .workingGroup, .platform]
            return Body(id: "gen-body-\(n)", name: "Gegenereerd orgaan \(n)", kind: kinds[index % kinds.count],
                        description: "Gegenereerd orgaan \(n), synthetisch.", cadence: index % 3 == 0 ? .perYear(count: 2) : .perYear(count: 1),
                        parentID: index > 0 && index % 4 == 0 ? "gen-body-\(number(0, PerUnit.bodies))" : nil)
        }
        snapshot.bodies += bodies
        for (index, body) in bodies.enumerated() {
            snapshot.memberships.append(Membership(bodyID: body.id, organisationID: orgIDs[index % orgIDs.count]))
            snapshot.memberships.append(Membership(bodyID: body.id, organisationID: orgIDs[(index + 7) % orgIDs.count]))
        }

        let links = (0..<PerUnit.railLinks).map { index -> RailLink in
            let n = number(index, PerUnit.railLinks)
            return RailLink(id: "gen-link-\(n)", name: "Gegenereerde spoorverbinding \(n)",
                            status: [RailLinkStatus.operational, .studied][index % 2], summary: "Synthetische spoorverbinding \(n).")
        }
        snapshot.railLinks += links

        let dossiers = (0..<PerUnit.dossiers).map { index -> Dossier in
            let n = number(index, PerUnit.dossiers)
            return Dossier(id: "gen-dossier-\(n)", title: "Gegenereerd dossier \(n)",
                           summary: "Gegenereerd dossier \(n) over \(random.phrase()).", themes: ["spoor"],
                           bodyID: bodies[random.below(bodies.count)].id,
                           leadIDs: [orgIDs[index % orgIDs.count], orgIDs[(index + 3) % orgIDs.count]],
                           railLinkIDs: [links[index % links.count].id])
        }
        snapshot.dossiers += dossiers

        for (index, n) in agreementNumbers.enumerated() {
            let document = documents[index % PerUnit.documents]
            let quote = sentences[n] ?? ""
            let found = layouts[document.id]?.locate(quote)
            let source = PassageReference(documentID: document.id, anchor: found?.anchor ?? "p1", start: found?.start ?? 0,
                                          length: found?.length ?? 0, quote: quote)
            let completions: [Completion] = [.notStarted, .notStarted, .limited, .substantial]
            snapshot.agreements.append(Agreement(
                id: "gen-agreement-\(n)", title: "Gegenereerde afspraak \(n)", source: source,
                partyIDs: [orgIDs[index % orgIDs.count], orgIDs[(index + 1) % orgIDs.count]],
                dossierIDs: [dossiers[random.below(dossiers.count)].id], bodyID: index % 3 == 0 ? bodies[random.below(bodies.count)].id : nil,
                due: FuzzyPeriod(day: random.day(in: 2026...2034)), completion: completions[random.below(completions.count)]))
        }

        for index in 0..<PerUnit.milestones {
            let n = number(index, PerUnit.milestones)
            let status: [MilestoneStatus] = [.planned, .planned, .inProgress, .delayed, .achieved]
            let chosen = status[random.below(status.count)]
            snapshot.milestones.append(Milestone(
                id: "gen-milestone-\(n)", dossierIDs: [dossiers[index % dossiers.count].id], title: "Gegenereerde mijlpaal \(n)",
                due: FuzzyPeriod(day: random.day(in: 2024...2034)), ownerID: orgIDs[random.below(orgIDs.count)], status: chosen,
                achievedOn: chosen == .achieved ? random.day(in: 2020...2025) : nil))
        }

        for index in 0..<PerUnit.meetings {
            let n = number(index, PerUnit.meetings)
            let day = random.day(in: 2022...2028)
            snapshot.meetings.append(Meeting(
                id: "gen-meeting-\(n)", bodyID: bodies[index % bodies.count].id, title: "Gegenereerde vergadering \(n)",
                when: FuzzyPeriod(day: day), place: "Gegenereerde plaats \(n % 40)",
                status: day.year < 2026 ? .held : .planned,
                invitees: [Invitee(organisationID: orgIDs[index % orgIDs.count], person: nil, attendance: .invited)]))
        }

        for index in 0..<PerUnit.investments {
            let n = number(index, PerUnit.investments)
            let euros = Int64(1 + random.below(500)) * 100_000
            let first = 2026 + random.below(5)
            snapshot.investments.append(Investment(
                id: "gen-investment-\(n)", title: "Gegenereerde investering \(n)", amount: .exact(cents: euros * 100),
                wording: "\(euros) euro (gegenereerd)", organisationID: orgIDs[index % orgIDs.count], country: countries[index % 2],
                firstYear: first, lastYear: first + random.below(4), dossierID: dossiers[index % dossiers.count].id))
        }
    }
}
