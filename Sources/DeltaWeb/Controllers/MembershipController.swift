import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// Editing a body's members and invited parties: `/bodies/{id}/members` (HTML) and
/// `/api/bodies/{id}/members` (JSON, ETag/If-Match). `MembershipSaver` holds the rules.
struct MembershipController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer

    /// Registers the routes: the page on `signedIn`, its forms on `forms`, the list on `api` and its replacement on `apiWrites`.
    func addRoutes(signedIn: RouterGroup<AppRequestContext>, forms: RouterGroup<AppRequestContext>,
                   api: RouterGroup<AppRequestContext>, apiWrites: RouterGroup<AppRequestContext>) {
        signedIn.get("bodies/{id}/members", use: show)
        forms.post("bodies/{id}/members", use: add)
        forms.post("bodies/{id}/members/remove", use: remove)
        api.get("bodies/{id}/members", use: list)
        apiWrites.put("bodies/{id}/members", use: replace)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page(id: try context.parameters.require("id"), context: context, values: [:], errors: [:], conflict: false, status: .ok)
    }

    @Sendable func add(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try context.requireForm()
        let labels = context.labels
        let result = try await change(id, EntityVersion(formValue: form["fingerprint"]), context) { members, choices, errors in
            var reader = FieldReader(form.values, labels: labels)
            let organisation = reader.reference("organisationID", among: choices, required: true)
            let role = reader.choice("role", MembershipRole.self, default: .member)
            let person = reader.optional("person", limit: 200)
            let from = reader.date("from", labels.text("form.members.from"), required: false)
            let until = reader.date("until", labels.text("form.members.until"), required: false)
            if let from, let until, until < from { reader.fail("until", labels.text("form.members.untilError")) }
            errors = reader.errors
            guard reader.errors.isEmpty, let organisation, let role else { return nil }
            return members + [Membership(bodyID: id, organisationID: organisation, person: person, role: role,
                                         invited: form["invited"] == "on" || form["invited"] == "true", from: from, until: until)]
        }
        return try await htmlAnswer(result, id: id, context: context, values: form.values)
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let form = try context.requireForm()
        let labels = context.labels
        let result = try await change(id, EntityVersion(formValue: form["fingerprint"]), context) { members, _, errors in
            guard let position = Int(form["position"] ?? ""), members.indices.contains(position) else {
                errors = ["position": labels.text("form.members.positionError")]
                return nil
            }
            var remaining = members
            remaining.remove(at: position)
            return remaining
        }
        return try await htmlAnswer(result, id: id, context: context, values: [:])
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let members: [Membership]? = try await engine.read { db in
            let register = Register(db: db, scope: context.readScope)
            guard try await register.body(id: id) != nil else { return nil }
            return try await register.memberships(bodyID: id)
        }
        guard let members else { throw AppError(.notFound, "error.noRecord", ["kind": "body", "id": id]) }
        var response = try renderer.json(MembershipList(bodyID: id, members: members))
        response.headers[.eTag] = MembershipSaver.version(of: members).etag
        return response
    }

    @Sendable func replace(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let ifMatch = request.headers[.ifMatch] else { throw AppError(.preconditionRequired, "error.ifMatchMembers") }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let input = try? JSONDecoder().decode(MembershipInput.self, from: Data(body.readableBytesView))
        let labels = context.labels
        let result = try await change(id, EntityVersion(etag: ifMatch), context) { _, choices, errors in
            guard let members = input?.members else {
                errors = ["members": labels.text("error.membersBody")]
                return nil
            }
            for (index, member) in members.enumerated() {
                if !choices.contains(member.organisationID) { errors["members[\(index)].organisationID"] = labels.text("form.error.unknownReference", ["value": member.organisationID]) }
                if let from = member.from, let until = member.until, until < from { errors["members[\(index)].until"] = labels.text("form.members.untilError") }
            }
            return errors.isEmpty ? members.map { var member = $0; member.bodyID = id; return member } : nil
        }
        return try jsonAnswer(result, id: id, labels: labels)
    }

    private func change(_ bodyID: String, _ expected: EntityVersion?, _ context: AppRequestContext,
                        _ edit: @escaping MembershipSaver.Edit) async throws -> SaveResult<[Membership]> {
        guard let account = context.account, let actor = context.auditActor else { throw AppError(.unauthorized, "error.signInOrToken") }
        return try await MembershipSaver(engine: engine).change(bodyID: bodyID, expected: expected, account: account, actor: actor,
                                                                scope: context.readScope, edit)
    }

    private func jsonAnswer(_ result: SaveResult<[Membership]>, id: String, labels: Labels) throws -> Response {
        switch result {
        case .saved(let members, let version):
            var response = try renderer.json(MembershipList(bodyID: id, members: members))
            response.headers[.eTag] = version.etag
            return response
        case .invalid(let errors):
            return try renderer.invalidProblem(errors, labels: labels)
        case .conflict(let current, let version, _):
            var problem = DetailedProblem(type: "about:blank", title: Renderer.statusTitle(.conflict, labels: labels), status: 409,
                                          detail: labels.text("error.membersConflict", ["etag": version.etag]))
            problem.currentMembers = MembershipList(bodyID: id, members: current)
            return try renderer.problemDocument(problem, status: .conflict)
        }
    }

    private func htmlAnswer(_ result: SaveResult<[Membership]>, id: String, context: AppRequestContext, values: [String: String]) async throws -> Response {
        switch result {
        case .saved: return .seeOther(to: "/bodies/\(id)/members")
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
        guard let (body, members, organisations) = loaded else { throw AppError(.notFound, "error.noRecord", ["kind": "body", "id": id]) }
        guard AccessRules.mayEdit(context.account, body.placement) else { throw AppError(.forbidden, "error.mayNotEdit") }
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
        let page = MembersPage(title: context.labels.text("app.title.members", ["body": body.name]), bodyID: id, bodyName: body.name, fingerprint: MembershipSaver.version(of: members).value,
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
