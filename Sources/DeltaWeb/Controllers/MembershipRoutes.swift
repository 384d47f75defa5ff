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
                var reader = FieldReader(form.valuesForReading, labels: context.labels)
                let organisation = reader.reference("organisationID", among: choices, required: true)
                let role = reader.choice("role", MembershipRole.self, default: .member)
                let person = reader.optional("person", limit: 200)
                let from = reader.date("from", context.labels.text("form.members.from"), required: false), until = reader.date("until", context.labels.text("form.members.until"), required: false)
                if let from, let until, until < from { reader.fail("until", context.labels.text("form.members.untilError")) }
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
                    errors = ["position": context.labels.text("form.members.positionError")]
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
            guard let members else { return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind("body"), "id": id]), labels: context.labels) }
            var response = try renderer.json(MembershipList(bodyID: id, version: Self.fingerprint(members), members: members))
            response.headers[.eTag] = "\"\(Self.fingerprint(members))\""
            return response
        }
        router.put("/api/bodies/{id}/members") { request, context -> Response in
            let id = try context.parameters.require("id")
            if let refusal = try EditRoutes.apiRefusal(request, context: context, renderer: renderer) { return refusal }
            guard let ifMatch = request.headers[.ifMatch] else {
                return try renderer.problem(.preconditionRequired, detail: context.labels.text("error.ifMatchMembers"), labels: context.labels)
            }
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let input = try? JSONDecoder().decode(MembershipInput.self, from: Data(body.readableBytesView))
            let fingerprint = ifMatch.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))
            let outcome = try await change(bodyID: id, context: context, fingerprint: fingerprint) { _, choices, errors in
                guard let members = input?.members else {
                    errors = ["members": context.labels.text("error.membersBody")]
                    return nil
                }
                var problems: [String: String] = [:]
                for (index, member) in members.enumerated() {
                    if !choices.contains(member.organisationID) { problems["members[\(index)].organisationID"] = context.labels.text("form.error.unknownReference", ["value": member.organisationID]) }
                    if let from = member.from, let until = member.until, until < from { problems["members[\(index)].until"] = context.labels.text("form.members.untilError") }
                }
                errors = problems
                return problems.isEmpty ? members.map { var m = $0; m.bodyID = id; return m } : nil
            }
            switch outcome {
            case .saved(let members):
                var response = try renderer.json(MembershipList(bodyID: id, version: Self.fingerprint(members), members: members))
                response.headers[.eTag] = "\"\(Self.fingerprint(members))\""
                return response
            case .notFound: return try renderer.problem(.notFound, detail: context.labels.text("error.noRecord", ["kind": context.labels.recordKind("body"), "id": id]), labels: context.labels)
            case .forbidden: return try renderer.problem(.forbidden, detail: context.labels.text("error.mayNotEditKind", ["kind": context.labels.recordKind("body")]), labels: context.labels)
            case .invalid(let errors):
                var problem = DetailedProblem(type: "about:blank", title: Renderer.statusTitle(.unprocessableContent, labels: context.labels), status: 422, detail: context.labels.text("error.invalidFields"))
                problem.errors = errors
                return try renderer.problemDocument(problem, status: .unprocessableContent)
            case .conflict(let current):
                var problem = DetailedProblem(type: "about:blank", title: Renderer.statusTitle(.conflict, labels: context.labels), status: 409,
                                              detail: context.labels.text("error.membersConflict", ["etag": "\"\(Self.fingerprint(current))\""]))
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
        let roles = MembershipRole.allCases.map { Choice(value: $0.rawValue, label: context.labels.role($0)) }
        let fields = [
            FieldSpec(name: "organisationID", label: context.labels.text("form.members.organisationID"), input: .select(choices), required: true),
            FieldSpec(name: "person", label: context.labels.text("form.members.person"), input: .text, hint: context.labels.text("form.members.personHint")),
            FieldSpec(name: "role", label: context.labels.text("form.members.role"), input: .select(roles), required: true),
            FieldSpec(name: "from", label: context.labels.text("form.members.from"), input: .date),
            FieldSpec(name: "until", label: context.labels.text("form.members.until"), input: .date),
        ].map { FieldView($0, value: values[$0.name] ?? "", error: errors[$0.name], theirs: nil) }
        let page = MembersPage(title: context.labels.text("app.title.members", ["body": body.name]), bodyID: id, bodyName: body.name, fingerprint: Self.fingerprint(members),
                               members: members.enumerated().map { index, member in
                                   MemberRow(position: index, organisation: names[member.organisationID] ?? member.organisationID,
                                             person: member.person, roleLabel: context.labels.role(member.role), invited: member.invited,
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
