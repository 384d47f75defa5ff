import DeltaDomain
import DeltaReports
import DeltaServices
import DeltaStore
import Foundation
import HTTPTypes
import Hummingbird

/// A meeting's page — invitees and attendance, the agenda (proposed, then accepted, reordered,
/// edited, parked), minutes with decisions and actions, approval and corrections — and a body's
/// decisions and actions lists. The handlers read the forms; `MeetingOperations` holds the rules
/// and `MeetingPages` builds the pages.
struct MeetingController: Sendable {
    let engine: any DatabaseEngine
    let renderer: Renderer
    let configuration: AppConfiguration

    /// Registers the routes: the pages and their JSON on `pages`/`api`, the forms on `forms`.
    func addRoutes(pages: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>, forms: RouterGroup<AppRequestContext>) {
        pages.get("meetings/{id}", use: show)
        api.get("meetings/{id}", use: showJSON)
        pages.get("bodies/{id}/decisions", use: decisions)
        api.get("bodies/{id}/decisions", use: decisionsJSON)
        forms.post("meetings/{id}/agenda/propose", use: proposeAgenda)
        forms.post("meetings/{id}/agenda", use: editAgenda)
        forms.post("meetings/{id}/outcomes", use: recordOutcome)
        forms.post("meetings/{id}/outcomes/{outcomeID}/remove", use: removeOutcome)
        forms.post("meetings/{id}/actions/{outcomeID}", use: setActionStatus)
        forms.post("meetings/{id}/minutes/approve", use: approveMinutes)
        forms.post("meetings/{id}/minutes/corrections", use: addCorrection)
        forms.post("meetings/{id}/invitees", use: updateInvitees)
    }

    private var pages: MeetingPages { MeetingPages(engine: engine, configuration: configuration) }
    private var operations: MeetingOperations { MeetingOperations(engine: engine, today: configuration.today()) }

    // MARK: Pages

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page(id: try context.parameters.require("id"), message: nil, status: .ok, context: context)
    }

    @Sendable func showJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let page = try await pages.meetingPage(id: id, context: context) else { throw AppError(.notFound, "error.noRecord", ["kind": "meeting", "id": id]) }
        return try renderer.json(page)
    }

    @Sendable func decisions(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let page = try await pages.decisionsPage(bodyID: id, context: context) else { throw AppError(.notFound, "error.noRecord", ["kind": "body", "id": id]) }
        return try renderer.html("decisions", PageFrame(page: page, path: "/bodies", context: context))
    }

    @Sendable func decisionsJSON(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let page = try await pages.decisionsPage(bodyID: id, context: context) else { throw AppError(.notFound, "error.noRecord", ["kind": "body", "id": id]) }
        return try renderer.json(page)
    }

    // MARK: Forms

    @Sendable func proposeAgenda(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        return try await perform(context) { operations, id, actor in
            try await operations.proposeAgenda(meetingID: id, agendaVersion: EntityVersion(formValue: form["agendaVersion"]), by: actor)
        }
    }

    @Sendable func editAgenda(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        // One line per item the page showed: keep_N, title_N, parked_N, order_N (N from 1).
        // The number comes from the form, so it is bounded: no agenda has a thousand items.
        let numbers = form.values.keys.compactMap { key in key.hasPrefix("order_") || key.hasPrefix("keep_") ? Int(key.split(separator: "_").last ?? "") : nil }
        let count = min(numbers.max() ?? 0, 1_000)
        let lines = (0..<count).map { index in
            MeetingOperations.AgendaEdit.Line(keep: form["keep_\(index + 1)"] == "on", title: form.trimmed("title_\(index + 1)"),
                                              parked: form["parked_\(index + 1)"] == "on", order: Double(form["order_\(index + 1)"] ?? ""))
        }
        let edit = MeetingOperations.AgendaEdit(lines: lines, newTitle: form.trimmed("newTitle"), newDossierID: form.trimmed("newDossierID"),
                                                newOrder: Double(form["newOrder"] ?? ""))
        return try await perform(context) { operations, id, actor in
            try await operations.editAgenda(meetingID: id, agendaVersion: EntityVersion(formValue: form["agendaVersion"]), edit, by: actor)
        }
    }

    @Sendable func recordOutcome(_ request: Request, context: AppRequestContext) async throws -> Response {
        let input = try context.requireForm().decode(MeetingOperations.OutcomeInput.self)
        return try await perform(context) { operations, id, actor in try await operations.recordOutcome(meetingID: id, input, by: actor) }
    }

    @Sendable func removeOutcome(_ request: Request, context: AppRequestContext) async throws -> Response {
        let outcomeID = try context.parameters.require("outcomeID")
        return try await perform(context) { operations, id, actor in try await operations.removeOutcome(meetingID: id, outcomeID: outcomeID, by: actor) }
    }

    @Sendable func setActionStatus(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        let outcomeID = try context.parameters.require("outcomeID")
        return try await perform(context) { operations, id, actor in
            try await operations.setActionStatus(meetingID: id, outcomeID: outcomeID, status: form["status"], doneOn: form["doneOn"], by: actor)
        }
    }

    @Sendable func approveMinutes(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        return try await perform(context) { operations, id, actor in
            try await operations.approveMinutes(meetingID: id, approvedBy: form["approvedBy"], approvedOn: form["approvedOn"], by: actor)
        }
    }

    @Sendable func addCorrection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        return try await perform(context) { operations, id, actor in try await operations.addCorrection(meetingID: id, text: form["text"], by: actor) }
    }

    @Sendable func updateInvitees(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try context.requireForm()
        var attendance: [Int: String] = [:], removed = Set<Int>()
        for (key, value) in form.values {
            if key.hasPrefix("attendance_"), let index = Int(key.dropFirst("attendance_".count)) { attendance[index] = value }
            if key.hasPrefix("remove_"), value == "on", let index = Int(key.dropFirst("remove_".count)) { removed.insert(index) }
        }
        let edit = MeetingOperations.InviteeEdit(version: Int(form["version"] ?? ""), attendance: attendance, removed: removed,
                                                 newOrganisationID: form["newOrganisationID"], newPerson: form["newPerson"])
        return try await perform(context) { operations, id, actor in try await operations.updateInvitees(meetingID: id, edit, by: actor) }
    }

    // MARK: Answers

    /// Runs an operation on the meeting of the path: back to the meeting page when it worked, the
    /// page with the reason when it was refused (422) or the page was stale (409).
    private func perform(_ context: AppRequestContext,
                         _ operation: @Sendable (MeetingOperations, String, MeetingOperations.Actor) async throws -> Void) async throws -> Response {
        let id = try context.parameters.require("id")
        guard let account = context.account, let audit = context.auditActor else { throw AppError(.unauthorized, "error.signInOrToken") }
        do {
            try await operation(operations, id, MeetingOperations.Actor(account: account, audit: audit, scope: context.readScope))
        } catch let error as OperationError where error.kind == .invalid || error.kind == .conflict {
            let message = context.labels.text(error.key, ErrorPageMiddleware.worded(error.arguments, context.labels))
            return try await page(id: id, message: message, status: error.kind == .invalid ? .unprocessableContent : .conflict, context: context)
        }
        return .seeOther(to: "/meetings/\(id)")
    }

    private func page(id: String, message: String?, status: HTTPResponse.Status, context: AppRequestContext) async throws -> Response {
        guard let page = try await pages.meetingPage(id: id, context: context) else { throw AppError(.notFound, "error.noRecord", ["kind": "meeting", "id": id]) }
        let frame = try await pages.frame(page, message: message, context: context)
        return try renderer.html("meeting", PageFrame(page: frame, path: "/bodies", context: context), status: status)
    }
}
