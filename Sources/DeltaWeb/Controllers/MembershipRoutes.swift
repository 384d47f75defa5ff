import DeltaDomain
import DeltaReports
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Editing a body's members and invited parties: `/bodies/{id}/members` (HTML) and
/// `/api/bodies/{id}/members` (JSON, ETag/If-Match).
///
/// Memberships are rows of their body without ids of their own, so the list is versioned as a
/// whole: its fingerprint (a hash of the stored list) plays the part of a version, and a save over
/// a list that changed meanwhile is a conflict, never a silent overwrite.
struct MembershipRoutes: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer

    /// The fingerprint of a member list.
    static func fingerprint(_ members: [Membership]) -> String {
        String(Secrets.sha256(MembershipList.encode(members)).prefix(16))
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/bodies/{id}/members") { _, context -> Response in
            _ = try EditRoutes.signedIn(context)
            let id = try context.parameters.require("id")
            return try await page(id: id, context: context, values: [:], errors: [:], conflict: false, status: .ok)
        }
        router.post("/bodies/{id}/members") { request, context -> Response in
            _ = try EditRoutes.signedIn(context)
            let id = try context.parameters.require("id")
            let form = try await FormInput.read(request, context: context)
            try form.requireCSRF(context)
            let outcome = try await change(bodyID: id, context: context, fingerprint: form["fingerprint"] ?? "") { members, choices, errors in
                var reader = FieldReader(form.valuesForReading)
                let organisation = reader.reference("organisationID", among: choices, required: true)
                let role = reader.choice("role", MembershipRole.self, default: .member)
                let person = reader.optional("person", limit: 200)
                let from = reader.date("from", "Vanaf", required: false), until = reader.date("until", "Tot", required: false)
                if let from, let until, until < from { reader.fail("until", "Het einde ligt voor het begin.") }
                errors = reader.errors
                guard reader.errors.isEmpty, let organisation, let role else { return nil }
                return members + [Membership(bodyID: id, organisationID: organisation, person: person, role: role,
                                             invited: form["invited"] == "on" || form["invited"] == "true", from: from, until: until)]
            }
            return try await htmlAnswer(outcome, id: id, context: context, values: form.valuesForReading)
        }
        router.post("/bodies/{id}/members/remove") { request, context -> Response in
            _ = try EditRoutes.signedIn(context)
            let id = try context.parameters.require("id")
            let form = try await FormInput.read(request, context: context)
            try form.requireCSRF(context)
            let outcome = try await change(bodyID: id, context: context, fingerprint: form["fingerprint"] ?? "") { members, _, errors in
                guard let position = Int(form["position"] ?? ""), members.indices.contains(position) else {
                    errors = ["position": "Kies een lid om te verwijderen."]
                    return nil
                }
                var remaining = members
                remaining.remove(at: position)
                return remaining
            }
            return try await htmlAnswer(outcome, id: id, context: context, values: [:])
        }
        router.get("/api/bodies/{id}/members") { _, context -> Response in
            let id = try context.parameters.require("id")
            let scope = context.readScope
            let members: [Membership]? = try await engine.read { db in
                let register = Register(db: db, scope: scope)
                guard try await register.body(id: id) != nil else { return nil }
                return try await register.memberships(bodyID: id)
            }
            guard let members else { return try renderer.problem(.notFound, title: "Not Found", detail: "no body with id “\(id)”") }
            var response = try renderer.json(MembershipList(bodyID: id, version: Self.fingerprint(members), members: members))
            response.headers[.eTag] = "\"\(Self.fingerprint(members))\""
            return response
        }
        router.put("/api/bodies/{id}/members") { request, context -> Response in
            let id = try context.parameters.require("id")
            if let refusal = try EditRoutes.apiRefusal(request, context: context, renderer: renderer) { return refusal }
            guard let ifMatch = request.headers[.ifMatch] else {
                return try renderer.problem(.preconditionRequired, title: "Precondition Required", detail: "Send If-Match with the ETag of the member list you edited.")
            }
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let input = try? JSONDecoder().decode(MembershipInput.self, from: Data(body.readableBytesView))
            let fingerprint = ifMatch.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))
            let outcome = try await change(bodyID: id, context: context, fingerprint: fingerprint) { _, choices, errors in
                guard let members = input?.members else {
                    errors = ["members": "Send {\"members\": [{\"organisationID\": …, \"role\": …}, …]}."]
                    return nil
                }
                var problems: [String: String] = [:]
                for (index, member) in members.enumerated() {
                    if !choices.contains(member.organisationID) { problems["members[\(index)].organisationID"] = "unknown organisation “\(member.organisationID)”" }
                    if let from = member.from, let until = member.until, until < from { problems["members[\(index)].until"] = "ends before it starts" }
                }
                errors = problems
                return problems.isEmpty ? members.map { var m = $0; m.bodyID = id; return m } : nil
            }
            switch outcome {
            case .saved(let members):
                var response = try renderer.json(MembershipList(bodyID: id, version: Self.fingerprint(members), members: members))
                response.headers[.eTag] = "\"\(Self.fingerprint(members))\""
                return response
            case .notFound: return try renderer.problem(.notFound, title: "Not Found", detail: "no body with id “\(id)”")
            case .forbidden: return try renderer.problem(.forbidden, title: "Forbidden", detail: "Your account may not edit this body.")
            case .invalid(let errors):
                var problem = DetailedProblem(type: "about:blank", title: "Unprocessable Content", status: 422, detail: "Some members are not valid; see errors.")
                problem.errors = errors
                return try renderer.problemDocument(problem, status: .unprocessableContent)
            case .conflict(let current):
                var problem = DetailedProblem(type: "about:blank", title: "Conflict", status: 409,
                                              detail: "The member list changed meanwhile; the current list has ETag \"\(Self.fingerprint(current))\". Merge and send again.")
                problem.currentMembers = MembershipList(bodyID: id, version: Self.fingerprint(current), members: current)
                return try renderer.problemDocument(problem, status: .conflict)
            }
        }
    }

    enum Outcome: Sendable {
        case saved([Membership])
        case invalid([String: String])
        case conflict(current: [Membership])
        case notFound
        case forbidden
    }

    /// Reads the list, checks rights and the fingerprint, applies `edit` and writes the result (audited) in one transaction.
    private func change(bodyID: String, context: AppRequestContext, fingerprint: String,
                        _ edit: @escaping @Sendable ([Membership], Set<String>, inout [String: String]) -> [Membership]?) async throws -> Outcome {
        guard let account = context.account, let actor = context.auditActor else { return .forbidden }
        let scope = context.readScope
        return try await engine.transaction { db in
            let register = Register(db: db, scope: scope)
            guard let body = try await register.body(id: bodyID) else { return .notFound }
            guard AccessRules.mayEdit(account, body.placement) else { return .forbidden }
            let members = try await register.memberships(bodyID: bodyID)
            let organisations = Set(try await register.organisations().map(\.id))
            var errors: [String: String] = [:]
            guard let changed = edit(members, organisations, &errors), errors.isEmpty else { return .invalid(errors) }
            guard Self.fingerprint(members) == fingerprint else { return .conflict(current: members) }
            try await MembershipWriter(db: db, actor: actor).replace(bodyID: bodyID, with: changed, before: members)
            return .saved(changed)
        }
    }

    private func htmlAnswer(_ outcome: Outcome, id: String, context: AppRequestContext, values: [String: String]) async throws -> Response {
        switch outcome {
        case .saved: return .seeOther(to: "/bodies/\(id)/members")
        case .notFound: throw HTTPError(.notFound)
        case .forbidden: throw EditRoutes.forbidden
        case .invalid(let errors): return try await page(id: id, context: context, values: values, errors: errors, conflict: false, status: .unprocessableContent)
        case .conflict: return try await page(id: id, context: context, values: values, errors: [:], conflict: true, status: .conflict)
        }
    }

    private func page(id: String, context: AppRequestContext, values: [String: String], errors: [String: String], conflict: Bool,
                      status: HTTPResponse.Status) async throws -> Response {
        let scope = context.readScope
        let loaded: (Body, [Membership], [Organisation])? = try await engine.read { db in
            let register = Register(db: db, scope: scope)
            guard let body = try await register.body(id: id) else { return nil }
            return (body, try await register.memberships(bodyID: id), try await register.organisations())
        }
        guard let (body, members, organisations) = loaded else { throw HTTPError(.notFound) }
        guard AccessRules.mayEdit(context.account, body.placement) else { throw EditRoutes.forbidden }
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let choices = organisations.map { Choice(value: $0.id, label: $0.name) }
        let roles = MembershipRole.allCases.map { Choice(value: $0.rawValue, label: Labels.role($0)) }
        let fields = [
            FieldSpec(name: "organisationID", label: "Organisatie", input: .select(choices), required: true),
            FieldSpec(name: "person", label: "Persoon", input: .text, hint: "Alleen als het document een naam noemt."),
            FieldSpec(name: "role", label: "Rol", input: .select(roles), required: true),
            FieldSpec(name: "from", label: "Vanaf", input: .date),
            FieldSpec(name: "until", label: "Tot", input: .date),
        ].map { FieldView($0, value: values[$0.name] ?? "", error: errors[$0.name], theirs: nil) }
        let page = MembersPage(title: "Leden van \(body.name)", bodyID: id, bodyName: body.name, fingerprint: Self.fingerprint(members),
                               members: members.enumerated().map { index, member in
                                   MemberRow(position: index, organisation: names[member.organisationID] ?? member.organisationID,
                                             person: member.person, roleLabel: Labels.role(member.role), invited: member.invited,
                                             from: member.from?.iso, until: member.until?.iso)
                               },
                               fields: fields, invited: values["invited"] == "on", hasErrors: !errors.filter { $0.key != "position" }.isEmpty,
                               positionError: errors["position"], conflict: conflict)
        return try renderer.html("members", PageFrame(page: page, path: "/bodies", context: context), status: status)
    }
}

/// A body's member list as the API shows it, with its version (fingerprint).
struct MembershipList: Codable, Sendable {
    let bodyID: String
    let version: String
    let members: [Membership]

    /// The stable text the fingerprint is taken of.
    static func encode(_ members: [Membership]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(members)) ?? Data(), as: UTF8.self)
    }
}

/// The body of `PUT /api/bodies/{id}/members`.
struct MembershipInput: Codable, Sendable {
    let members: [Membership]?
}

/// The members page.
struct MembersPage: Codable, Sendable {
    let title: String
    let bodyID: String
    let bodyName: String
    let fingerprint: String
    let members: [MemberRow]
    let fields: [FieldView]
    let invited: Bool
    let hasErrors: Bool
    let positionError: String?
    let conflict: Bool
}

/// A member in the list.
struct MemberRow: Codable, Sendable {
    let position: Int
    let organisation: String
    let person: String?
    let roleLabel: String
    let invited: Bool
    let from: String?
    let until: String?
}

extension FormInput {
    /// The values as a field reader takes them.
    var valuesForReading: [String: String] { values }
}
