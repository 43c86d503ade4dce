import Foundation
import Hummingbird
import PetitionsApp

/// The petition pages: the list with filters, the form to log one, and one petition with its letters, events
/// and the forms to record a letter and change the status.
extension Web {
    func addPetitions(to pages: RouterGroup<OfficeContext>) {
        pages.get("petitions") { request, context in try await self.petitionList(request, context) }
        pages.get("petitions/new") { request, context in
            _ = try context.signedIn(.clerk, request)
            return self.page("new-petition", "Log a petition", self.values(of: Web.petitionForm, context), context)
        }
        pages.post("petitions") { request, context in try await self.logPetition(request, context) }
        pages.get("petitions/:id") { request, context in
            _ = try context.signedIn(.reader, request)
            return try await self.petitionPage(request, context, id: try pathID(context, "petition"))
        }
        pages.post("petitions/:id/status") { request, context in try await self.changeStatus(request, context) }
        pages.post("petitions/:id/letters") { request, context in try await self.recordLetter(request, context) }
        pages.post("petitions/:id/notes") { request, context in try await self.notePetition(request, context) }
    }

    static let statusOptions = PetitionStatus.allCases.map { (value: $0.rawValue, text: $0.rawValue.replacingOccurrences(of: "_", with: " ")) }

    static let petitionForm = WebForm(
        action: "/petitions", legend: nil, submit: "Log the petition",
        fields: [
            WebField(name: "from", label: "From (petitioner or group, handle)", required: true),
            WebField(name: "to", label: "To (authority, handle)", required: true),
            WebField(name: "via", label: "Via (intermediary, handle)"),
            WebField(name: "subject", label: "Subject", required: true),
            WebField(name: "on", label: "Opened on", kind: .date, required: true),
            WebField(name: "category", label: "Category"),
        ])

    /// The petitions, 100 a page, of one status, of one party (as `petition list --party`: an unknown party is the
    /// command's sentence beside the field, not an empty list), or matching a search as `petition list --search`
    /// matches it (the same words, phrases and prefixes, the same sentence for a search that cannot be read).
    func petitionList(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let q = Query(request: request)
        let pager = try WebPager(q)
        var fields = [
            WebField(name: "status", label: "Status", kind: .select([("", "any")] + Web.statusOptions), value: Web.typedQuery(request, "status")),
            WebField(name: "party", label: "Party (handle)", value: Web.typedQuery(request, "party")),
            WebField(name: "search", label: "Search subjects", value: Web.typedQuery(request, "search")),
        ]
        // A status that is not one is refused beside its field, as an unknown party is, and so is a party or a search
        // that cannot be read (a control character pasted in).
        var status: PetitionStatus?
        var party: String?
        var search: String?
        let outcome = try await attempt {
            party = try q.text("party")
            search = try q.text("search")
            status = try q.text("status").map { try PetitionStatus(parsing: $0, field: "status") }
            return try await office.perform(as: account) { [status, party, search] ws in
                (try ListPetitions(status: status, party: party, search: search).run(in: ws), try Web.names(ws))
            }
        }
        var list: [Petition] = []
        var names: [String: String] = [:]
        var refused: HTTPResponse.Status?
        switch outcome {
        case .success(let found): (list, names) = found
        case .failure(let failure):
            refused = failure.status
            let i = fields.firstIndex { $0.name == failure.field } ?? 1
            fields[i].error = failure.message
        }
        let rows = list
        let range = try pager.range(of: rows.count)
        var values: [String: Any] = [
            "fields": fields.map { $0.values(form: "filter") }, "mayRecord": account.role.allows(.clerk),
            "rows": rows[range].map {
                [
                    "id": $0.id, "opened": $0.opened.description, "status": $0.status.rawValue, "petitioner": $0.petitioner,
                    "petitionerName": names[$0.petitioner] ?? $0.petitioner, "authority": $0.authority,
                    "authorityName": names[$0.authority] ?? $0.authority, "subject": $0.subject,
                    "via": $0.via.map { ["handle": $0, "name": names[$0] ?? $0] as Any } ?? false,
                ] as [String: Any]
            },
        ]
        if refused == nil {
            values["pager"] = pager.values(
                range, of: rows.count, path: "/petitions", keep: [("status", status?.rawValue), ("party", party), ("search", search)])
        } else {
            values["refused"] = true
        }
        return page("petitions", "Petitions", values, context, status: refused ?? .ok)
    }

    func logPetition(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let fields = try await context.form(request, of: Web.petitionForm, role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/petitions/new", shown: "/petitions"
        ) {
            try await logPetition(fields, account, context)
        }
    }

    func logPetition(_ fields: RequestFields, _ account: Account, _ context: OfficeContext) async throws -> Response {
        let outcome = try await attempt {
            let log = LogPetition(
                from: try fields.required("from"), to: try fields.required("to"), subject: try fields.required("subject"),
                on: try fields.requiredDay("on"), via: try fields.text("via"), category: try fields.text("category"))
            return try await office.perform(as: account) { ws in (try log.run(in: ws), try log.dateCheck.run(in: ws)) }
        }
        switch outcome {
        case .success(let (p, said)):
            // Shown once on the petition's page, as a letter's or a note's warnings are.
            inform(said, context)
            throw Redirect.to("/petitions/\(p.id)")
        case .failure(let failure):
            var form = Web.petitionForm
            form.refill(fields.texts, error: failure)
            return page("new-petition", "Log a petition", self.values(of: form, context), context, status: failure.status)
        }
    }

    func letterForm(_ id: Int64) -> WebForm {
        WebForm(
            action: "/petitions/\(id)/letters", legend: "Record a letter", submit: "Record the letter",
            fields: [
                WebField(name: "direction", label: "Direction", kind: .select([("sent", "sent"), ("received", "received")]), value: "sent"),
                WebField(name: "from", label: "From (handle)", required: true), WebField(name: "to", label: "To (handle)", required: true),
                WebField(name: "on", label: "On", kind: .date, required: true), WebField(name: "subject", label: "Subject", required: true),
                WebField(name: "in_reply_to", label: "In reply to (letter id, for a letter received)"),
                WebField(name: "reply_within", label: "Reply within (for a letter sent)", hint: "e.g. 20 working days"),
                WebField(name: "no_reply_expected", label: "No reply expected", kind: .checkbox),
                WebField(
                    name: "channel", label: "Channel", kind: .select(["post", "telegraph", "courier", "in-person"].map { ($0, $0) }), value: "post"),
                WebField(name: "summary", label: "Summary", kind: .area),
            ])
    }

    func statusForm(_ id: Int64, current: PetitionStatus) -> WebForm {
        WebForm(
            action: "/petitions/\(id)/status", legend: "Change the status", submit: "Change the status",
            fields: [
                WebField(name: "to", label: "New status", kind: .select(Web.statusOptions), value: current.next.first?.rawValue ?? ""),
                WebField(name: "on", label: "On", kind: .date, required: true), WebField(name: "note", label: "Note", kind: .area),
            ])
    }

    /// The case note form (`petition note`; `POST /api/v1/petitions/{id}/notes`): the text, and the day (default today).
    func noteForm(_ id: Int64) -> WebForm {
        WebForm(
            action: "/petitions/\(id)/notes", legend: "Add a case note", submit: "Add the note",
            fields: [
                WebField(name: "text", label: "Note", kind: .area, required: true),
                WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
            ])
    }

    struct PetitionPage: Sendable {
        var dossier: PetitionDossier
        var names: [String: String]
        /// The petition's own files and its letters', by id.
        var attachments: [Attachment]
        /// `max_attachment_mb`, for the attach form's hint (0 for a reader, who has no such form).
        var limitMB: Int
    }

    func petitionPage(
        _ request: Request, _ context: OfficeContext, id: Int64, refill: (form: String, typed: [String: String], error: APIFailure)? = nil
    ) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let clerk = account.role.allows(.clerk)
        let data = try await inPath {
            try await office.perform(as: account) { ws in
                let dossier = try ShowPetition(petition: id).run(in: ws)
                var files = try ListAttachments(petition: id).run(in: ws)
                for letter in dossier.letters { files += try ListAttachments(letter: letter.id).run(in: ws) }
                return PetitionPage(
                    dossier: dossier, names: try Web.names(ws), attachments: files.sorted { $0.id < $1.id },
                    limitMB: try clerk ? AttachmentLimit().run(in: ws).megabytes : 0)
            }
        }
        let p = data.dossier.petition
        let n = data.names
        let forms = clerk ? petitionForms(id, data, refill: refill) : []
        var values: [String: Any] = [
            "petitioner": p.petitioner, "petitionerName": n[p.petitioner] ?? p.petitioner, "authority": p.authority,
            "authorityName": n[p.authority] ?? p.authority, "opened": p.opened.description, "status": p.status.rawValue,
            "letters": data.dossier.letters.map {
                [
                    "id": $0.id, "on": $0.on.description, "direction": $0.direction.rawValue, "fromName": n[$0.from] ?? $0.from,
                    "toName": n[$0.to] ?? $0.to, "subject": $0.subject, "replyDue": $0.voided ? "" : $0.replyDue?.description ?? "",
                    "answered": Web.answered($0), "voided": $0.voided,
                ] as [String: Any]
            },
            "attachments": data.attachments.map {
                [
                    "id": $0.id, "of": $0.letter.map { "letter \($0)" } ?? "this petition", "name": $0.name, "title": $0.title ?? "",
                    "mediaType": $0.mediaType, "size": $0.size, "added": $0.added.description,
                ] as [String: Any]
            },
            "notes": data.dossier.notes.map { Web.noteValues($0) },
            "events": data.dossier.events.map { ["day": $0.day.description, "summary": $0.summary, "kind": $0.kind, "actor": $0.actor] },
            "forms": forms.map { self.values(of: $0, context) },
        ]
        if let via = p.via {
            values["via"] = via
            values["viaName"] = n[via] ?? via
        }
        if let c = p.category { values["category"] = c }
        // The form refused is no longer drawn (its last letter voided, its last file removed): the sentence goes on top.
        if let refill, !forms.contains(where: { $0.action == refill.form }) { values["alert"] = refill.error.message }
        return page("petition", "Petition \(p.id): \(p.subject)", values, context, status: refill?.error.status ?? .ok)
    }

    /// The forms a clerk sees on a petition's page, with `refill` put back into the one it names: a letter, the status
    /// and a note always; once a letter stands (a voided one is not offered), a file to attach to it and the letter to
    /// void; once a file is attached, the one to remove.
    func petitionForms(_ id: Int64, _ data: PetitionPage, refill: (form: String, typed: [String: String], error: APIFailure)?) -> [WebForm] {
        let standing = data.dossier.letters.filter { !$0.voided }
        // A letter on a petition is most often its petitioner's to its authority: both are typed in already (a reply
        // received or a letter of the intermediary changes them), where a caseworker had to know both handles.
        var letter = letterForm(id)
        let petition = data.dossier.petition
        for (name, handle) in [("from", petition.petitioner), ("to", petition.authority)] {
            if let i = letter.fields.firstIndex(where: { $0.name == name }) { letter.fields[i].value = handle }
        }
        var forms = [letter, statusForm(id, current: petition.status), noteForm(id)]
        if !standing.isEmpty { forms += [attachmentForm(id, letters: standing, limitMB: data.limitMB), voidLetterForm(id, letters: standing)] }
        if !data.attachments.isEmpty { forms.append(removeAttachmentForm(id, attachments: data.attachments)) }
        if let refill, let i = forms.firstIndex(where: { $0.action == refill.form }) { forms[i].refill(refill.typed, error: refill.error) }
        return forms
    }

    func changeStatus(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "petition")
        // The form's fields are the same whatever the petition's status.
        let fields = try await context.form(request, of: statusForm(id, current: .open), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/petitions/\(id)", shown: "/petitions/\(id)"
        ) {
            try await changeStatus(request, context, fields, account, id)
        }
    }

    func changeStatus(_ request: Request, _ context: OfficeContext, _ fields: RequestFields, _ account: Account, _ id: Int64) async throws -> Response
    {
        let outcome = try await attempt {
            let change = ChangePetitionStatus(
                petition: id, to: try PetitionStatus(parsing: try fields.required("to"), field: "to"), on: try fields.requiredDay("on"),
                note: try fields.text("note"))
            _ = try await office.perform(as: account) { try change.run(in: $0) }
        }
        if case .failure(let f) = outcome {
            return try await petitionPage(request, context, id: id, refill: ("/petitions/\(id)/status", fields.texts, f))
        }
        throw Redirect.to("/petitions/\(id)")
    }

    func notePetition(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "petition")
        let fields = try await context.form(request, of: noteForm(id), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/petitions/\(id)", shown: "/petitions/\(id)"
        ) {
            try await notePetition(request, context, fields, account, id)
        }
    }

    func notePetition(_ request: Request, _ context: OfficeContext, _ fields: RequestFields, _ account: Account, _ id: Int64) async throws -> Response
    {
        let outcome = try await attempt {
            let note = NotePetition(petition: id, text: try fields.required("text"), on: try fields.day("on"))
            return try await inPath { try await office.perform(as: account) { try note.runChecked(in: $0).warnings } }
        }
        switch outcome {
        case .failure(let f): return try await petitionPage(request, context, id: id, refill: ("/petitions/\(id)/notes", fields.texts, f))
        case .success(let said): notify(said, context)
        }
        throw Redirect.to("/petitions/\(id)")
    }

    func recordLetter(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "petition")
        var fields = try await context.form(request, of: letterForm(id), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        fields.set("petition", String(id))
        if try fields.text("direction") == "received" {
            // The form draws both for every letter: left blank they are not given; typed, they are refused beside their
            // field, as the API refuses them, never dropped from a letter recorded without them.
            for key in ["no_reply_expected", "reply_within"] {
                if case .string(let s)? = fields.values[key], !s.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                fields.remove(key)
            }
        }
        let letter = fields
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/petitions/\(id)", shown: "/petitions/\(id)"
        ) {
            let outcome = try await attempt {
                let record = try Letters.record(letter)
                let check = try Letters.warnings(letter)
                // Worked out before the letter is recorded, as `letter send` and `letter receive` and the API do.
                return try await office.perform(as: account) { ws in
                    let said = try check.run(in: ws)
                    _ = try record(ws)
                    return said
                }
            }
            switch outcome {
            case .failure(let f): return try await petitionPage(request, context, id: id, refill: ("/petitions/\(id)/letters", letter.texts, f))
            case .success(let said): notify(said, context)
            }
            throw Redirect.to("/petitions/\(id)")
        }
    }
}

extension RequestFields {
    /// The fields as typed, for putting back into a form.
    var texts: [String: String] {
        values.compactMapValues { if case .string(let s) = $0 { return s } else { return nil } }
    }

    mutating func set(_ key: String, _ value: String) { values[key] = .string(value) }
    mutating func remove(_ key: String) { values[key] = nil }
}
