import DeltaDomain
import DeltaStore
import Foundation

/// The register's organisations, bodies, memberships and meetings in the Popolo data
/// specification (popoloproject.com): what parliament's and civil society's tools that know
/// Popolo can read without learning our own format.
///
/// Both organisations and bodies are Popolo organizations; a body's id is prefixed `body:` so
/// the two never collide. A membership's member is the organisation (`member`), and, where the
/// register names the person who represents it, that person too (`person_id`, `on_behalf_of_id`).
/// Meetings are events of their body. Only what the reader may see, as on the pages.
struct PopoloExport: Codable, Sendable {
    struct Organization: Codable, Sendable {
        let id: String
        let name: String
        let otherNames: [OtherName]?
        let classification: String
        let parentID: String?
        let area: String?
        let links: [Link]?
        let foundingDate: String?

        enum CodingKeys: String, CodingKey {
            case id, name, classification, area, links
            case otherNames = "other_names", parentID = "parent_id", foundingDate = "founding_date"
        }
    }

    struct OtherName: Codable, Sendable { let name: String }
    struct Link: Codable, Sendable { let url: String }

    struct Person: Codable, Sendable { let id: String; let name: String }

    struct Member: Codable, Sendable {
        let type: String
        let id: String
        enum CodingKeys: String, CodingKey { case type = "@type", id }
    }

    struct Membership: Codable, Sendable {
        let id: String
        let organizationID: String
        let member: Member
        let personID: String?
        let onBehalfOfID: String?
        let role: String
        let startDate: String?
        let endDate: String?

        enum CodingKeys: String, CodingKey {
            case id, member, role
            case organizationID = "organization_id", personID = "person_id", onBehalfOfID = "on_behalf_of_id"
            case startDate = "start_date", endDate = "end_date"
        }
    }

    struct Event: Codable, Sendable {
        let id: String
        let name: String
        let classification: String
        let organizationID: String
        /// The earliest and latest day the register's wording allows ("juni 2026" is 1–30 June).
        let startDate: String
        let endDate: String
        let location: String?
        let status: String

        enum CodingKeys: String, CodingKey {
            case id, name, classification, location, status
            case organizationID = "organization_id", startDate = "start_date", endDate = "end_date"
        }
    }

    let organizations: [Organization]
    let persons: [Person]
    let memberships: [Membership]
    let events: [Event]

    static func bodyID(_ id: String) -> String { "body:\(id)" }

    /// Four reads: organisations, bodies, memberships, meetings.
    static func read(_ register: Register) async throws -> PopoloExport {
        let organisations = try await register.organisations()
        let bodies = try await register.bodies()
        let organisationIDs = Set(organisations.map(\.id)), bodyIDs = Set(bodies.map(\.id))
        var organizations = organisations.map { organisation in
            Organization(id: organisation.id, name: organisation.name,
                         otherNames: organisation.shortName.map { [OtherName(name: $0)] },
                         classification: organisation.level.rawValue,
                         parentID: organisation.parentID.flatMap { organisationIDs.contains($0) ? $0 : nil },
                         area: organisation.country.rawValue,
                         links: organisation.website.map { [Link(url: $0)] }, foundingDate: nil)
        }
        organizations += bodies.map { body in
            Organization(id: bodyID(body.id), name: body.name, otherNames: nil, classification: body.kind.rawValue,
                         parentID: body.parentID.flatMap { bodyIDs.contains($0) ? bodyID($0) : nil },
                         area: nil, links: nil, foundingDate: body.since?.description)
        }
        var persons: [String: Person] = [:]
        var memberships: [Membership] = []
        for membership in try await register.memberships()
        where bodyIDs.contains(membership.bodyID) && organisationIDs.contains(membership.organisationID) {
            let personID = membership.person.map { "person:" + RecordIdentifier.make(from: $0, limit: 200, fallback: "person") }
            if let personID, let name = membership.person { persons[personID] = Person(id: personID, name: name) }
            memberships.append(Membership(
                id: "\(bodyID(membership.bodyID))/\(membership.organisationID)" + (personID.map { "/\($0)" } ?? ""),
                organizationID: bodyID(membership.bodyID), member: Member(type: "Organization", id: membership.organisationID),
                personID: personID, onBehalfOfID: personID == nil ? nil : membership.organisationID,
                role: membership.invited ? MembershipRole.invited.rawValue : membership.role.rawValue,
                startDate: membership.from?.description, endDate: membership.until?.description))
        }
        let events = try await register.meetings().filter { bodyIDs.contains($0.bodyID) }.map { meeting in
            Event(id: meeting.id, name: meeting.title, classification: "meeting", organizationID: bodyID(meeting.bodyID),
                  startDate: meeting.when.earliest.description, endDate: meeting.when.latest.description,
                  location: meeting.place, status: meeting.status.rawValue)
        }
        return PopoloExport(organizations: organizations, persons: persons.values.sorted { $0.id < $1.id },
                            memberships: memberships, events: events)
    }

}
