import DeltaDomain
import DeltaReports
import DeltaStore

package enum MeetingForm: RecordForm {
    package static let segment = "meetings"

    package static func fields(_ choices: FormChoices, isNew: Bool, labels l: Labels) -> [FieldSpec] {
        [FieldSpec(name: "bodyID", label: l.text("form.meetings.bodyID"), input: .select(choices.bodies), required: true),
         FieldSpec(name: "title", label: l.text("form.meetings.title"), input: .text, required: true),
         FieldSpec(name: "when", label: l.text("form.meetings.when"), input: .text, required: true, hint: l.text("form.meetings.titleHint")),
         FieldSpec(name: "time", label: l.text("form.meetings.time"), input: .text, hint: l.text("form.meetings.timeHint")),
         FieldSpec(name: "timeZone", label: l.text("form.meetings.timeZone"), input: .select(MeetingTime.zones.map { Choice(value: $0, label: $0) })),
         FieldSpec(name: "place", label: l.text("form.meetings.place"), input: .text),
         FieldSpec(name: "online", label: l.text("form.meetings.online"), input: .select([Choice(value: "no", label: l.text("form.common.no")), Choice(value: "yes", label: l.text("form.common.yes"))])),
         FieldSpec(name: "status", label: l.text("form.meetings.status"), input: .select(enumChoices(MeetingStatus.self, l.meetingStatus)), required: true),
         visibilityField(l)]
    }

    package static func values(of m: Meeting) -> [String: String] {
        ["bodyID": m.bodyID, "title": m.title, "when": m.when.wording, "time": m.time?.wording ?? "",
         "timeZone": m.time?.timeZone ?? "Europe/Brussels", "place": m.place ?? "", "online": m.online ? "yes" : "no",
         "status": m.status.rawValue, "visibility": m.visibility.rawValue]
    }

    package static func build(_ r: inout FieldReader, id: String, existing: Meeting?, choices: FormChoices) -> Meeting? {
        let body = r.reference("bodyID", among: choices.ids(choices.bodies), required: true)
        let title = r.required("title", r.labels.text("form.meetings.title"), limit: 300)
        let when = r.period("when", r.labels.text("form.meetings.when"), required: true, referenceYear: existing?.when.earliest.year)
        let place = r.optional("place", limit: 300)
        let zone = r.text("timeZone") ?? "Europe/Brussels"
        if !MeetingTime.zones.contains(zone) { r.fail("timeZone", r.labels.text("form.meetings.timeZoneError")) }
        var time: MeetingTime?
        if let text = r.text("time") {
            time = MeetingTime.parse(text, timeZone: zone)
            if time == nil { r.fail("time", r.labels.text("form.meetings.timeError", ["text": text])) }
            if let when, when.earliest != when.latest { r.fail("time", r.labels.text("form.meetings.timeError2")) }
        }
        let status = r.choice("status", MeetingStatus.self)
        let visibility = r.choice("visibility", Visibility.self, default: .public)
        guard r.errors.isEmpty, let body, let when, let status, let visibility else { return nil }
        return Meeting(id: id, bodyID: body, title: title, when: when, place: place, status: status, source: existing?.source,
                       visibility: visibility, time: time, online: r.text("online") == "yes", invitees: existing?.invitees ?? [])
    }

    package static func page(of m: Meeting) -> String { "/meetings/\(m.id)" }
}
