import DeltaReports

/// The lists as CSV (`/dossiers.csv`, `/documents.csv`, `/bodies.csv`, `/organisations.csv`,
/// `/milestones.csv`, `/agreements.csv`, `/meetings.csv`): one
/// documented column set each (docs/CSV.md), built from the same view models as the pages, so a
/// file holds exactly what the page lists, in the reader's scope and language. Codes are stable;
/// `…_name` columns are in the reader's language; lists within a field are joined with " | ".
enum CollectionCSV {
    static let dossierColumns = ["id", "title", "themes", "countries", "body", "body_name", "health", "health_name",
                                 "next_milestone", "next_milestone_due", "overdue_milestones", "url"]
    static let documentColumns = ["id", "title", "kind", "kind_name", "date", "place", "reference", "url"]
    static let bodyColumns = ["id", "name", "kind", "kind_name", "cadence", "year", "compliance", "compliance_name",
                              "meetings_held", "meetings_planned", "meetings_required", "url"]
    static let organisationColumns = ["id", "name", "short_name", "country", "country_name", "level", "level_name",
                                      "part_of", "part_of_name", "website"]

    static let milestoneColumns = ["id", "title", "dossiers", "due_wording", "due_earliest", "due_latest", "status", "status_name",
                                   "state", "state_name", "achieved_on", "owner", "owner_name", "source_document", "source_quote"]
    static let agreementColumns = ["id", "title", "document", "document_title", "document_date", "anchor", "quote", "parties",
                                   "dossiers", "body", "due_wording", "due_latest", "completion", "completion_name"]
    static let meetingColumns = ["id", "title", "body", "body_name", "when_wording", "when_earliest", "when_latest", "place",
                                 "status", "status_name", "url"]

    private static func text(_ value: String?) -> CSVTable.Field { value.map { .text($0) } ?? .empty }
    private static func ids(_ links: [LinkView]) -> CSVTable.Field { .text(links.map(\.id).joined(separator: " | ")) }

    static func milestones(_ milestones: [MilestoneView]) -> CSVTable {
        var table = CSVTable(header: milestoneColumns)
        for milestone in milestones {
            table.append([.text(milestone.id), .text(milestone.title), ids(milestone.dossiers), .text(milestone.due.wording),
                          .text(milestone.due.earliest), .text(milestone.due.latest), .text(milestone.status), .text(milestone.statusLabel),
                          .text(milestone.state), .text(milestone.stateLabel), text(milestone.achievedOn), text(milestone.owner?.id),
                          text(milestone.owner?.name), text(milestone.source?.documentID), text(milestone.source?.quote)])
        }
        return table
    }

    static func agreements(_ agreements: [AgreementView]) -> CSVTable {
        var table = CSVTable(header: agreementColumns)
        for agreement in agreements {
            table.append([.text(agreement.id), .text(agreement.title), .text(agreement.source.documentID), .text(agreement.source.documentTitle),
                          text(agreement.documentDate), .text(agreement.source.anchor), .text(agreement.source.quote), ids(agreement.parties),
                          ids(agreement.dossiers), text(agreement.body?.id), text(agreement.due?.wording), text(agreement.due?.latest),
                          .text(agreement.completion), .text(agreement.completionLabel)])
        }
        return table
    }

    static func meetings(_ meetings: [MeetingListItem]) -> CSVTable {
        var table = CSVTable(header: meetingColumns)
        for meeting in meetings {
            table.append([.text(meeting.id), .text(meeting.title), text(meeting.body?.id), text(meeting.body?.name), .text(meeting.when.wording),
                          .text(meeting.when.earliest), .text(meeting.when.latest), text(meeting.place), .text(meeting.status),
                          .text(meeting.statusLabel), .text(meeting.url)])
        }
        return table
    }

    static func dossiers(_ dossiers: [DossierSummaryView]) -> CSVTable {
        var table = CSVTable(header: dossierColumns)
        for dossier in dossiers {
            table.append([.text(dossier.id), .text(dossier.title), .text(dossier.themes.joined(separator: " | ")),
                          .text(dossier.countries.joined(separator: " | ")), text(dossier.body?.id), text(dossier.body?.name),
                          .text(dossier.health), .text(dossier.healthLabel), text(dossier.nextMilestone?.title),
                          text(dossier.nextMilestone?.due.latest), .integer(dossier.overdueCount), .text(dossier.url)])
        }
        return table
    }

    static func documents(_ documents: [DocumentSummaryView]) -> CSVTable {
        var table = CSVTable(header: documentColumns)
        for document in documents {
            table.append([.text(document.id), .text(document.title), .text(document.kind), .text(document.kindLabel),
                          text(document.date), text(document.place), text(document.reference), .text(document.url)])
        }
        return table
    }

    static func bodies(_ bodies: [BodySummaryView]) -> CSVTable {
        var table = CSVTable(header: bodyColumns)
        for body in bodies {
            table.append([.text(body.id), .text(body.name), .text(body.kind), .text(body.kindLabel), .text(body.cadence),
                          .integer(body.year), .text(body.compliance), .text(body.complianceLabel), .integer(body.held),
                          .integer(body.planned), .integer(body.required), .text(body.url)])
        }
        return table
    }

    static func organisations(_ organisations: [OrganisationView]) -> CSVTable {
        var table = CSVTable(header: organisationColumns)
        for organisation in organisations {
            table.append([.text(organisation.id), .text(organisation.name), text(organisation.shortName), .text(organisation.country),
                          .text(organisation.countryLabel), .text(organisation.level), .text(organisation.levelLabel),
                          text(organisation.parent?.id), text(organisation.parent?.name), text(organisation.website)])
        }
        return table
    }
}
