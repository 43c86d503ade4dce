import Foundation
import Hummingbird
import PetitionsApp

/// The letters and the event log as pages, 100 rows a page, each page read alone in SQL (`LIMIT`/`OFFSET` and a
/// count, as the API's `/letters` and `/events`): `/letters` (filters: waiting for a reply, party) and `/events`
/// (newest first; filters: kind, party). A filter the command would refuse is its sentence beside the field, 400.
extension Web {
    func addRecords(to pages: RouterGroup<OfficeContext>) {
        pages.get("letters") { request, context in try await self.letterList(request, context) }
        pages.post("letters/void") { request, context in try await self.voidAnyLetter(request, context) }
        pages.get("events") { request, context in try await self.eventList(request, context) }
    }

    /// A page of a listing read in SQL, with the names of its parties.
    struct NamedPage<Row: Sendable>: Sendable {
        var page: RowPage<Row>
        var names: [String: String]
    }

    /// The letters page; `refill` puts back the void form, refused, with what was typed and its error.
    func letterList(_ request: Request, _ context: OfficeContext, refill: (typed: [String: String], error: APIFailure)? = nil) async throws
        -> Response
    {
        let account = try context.signedIn(.reader, request)
        let q = Query(request: request)
        let pager = try WebPager(q)
        // A value that is not true or false is refused beside its field, as an unknown party is, and so is a party
        // that cannot be read (a control character pasted in).
        let waiting = (try? q.flag("waiting")) ?? false
        let fields = [
            WebField(
                name: "waiting", label: "Letters", kind: .select([("", "all"), ("true", "waiting for a reply")]),
                value: waiting ? "true" : ""),
            WebField(name: "party", label: "Party (from or to, handle)", value: Web.typedQuery(request, "party")),
        ]
        var party: String?
        let outcome = try await attempt {
            party = try q.text("party")
            let list = ListLetters(party: party, waiting: try q.flag("waiting"))
            async let names = office.listings.value(.init(name: "names"), reads: .parties, office: office, as: account, changes: context.changes) {
                try Web.names($0)
            }
            let page = try await office.perform(as: account) { ws in try list.page(pager.window, in: ws) }
            return NamedPage(page: page, names: try await names)
        }
        var values: [String: Any] = ["fields": fields.map { $0.values(form: "filter") }]
        if account.role.allows(.clerk) {
            var form = Web.voidAnyLetterForm
            if let refill { form.refill(refill.typed, error: refill.error) }
            values["forms"] = [self.values(of: form, context)]
        }
        switch outcome {
        case .failure(let failure):
            return refusedFilter("letters", "Letters", failure, fields: fields, values: values, context)
        case .success(let found):
            let range = try pager.range(of: found.page.total)
            let n = found.names
            values["pager"] = pager.values(
                range, of: found.page.total, path: "/letters", keep: [("waiting", waiting ? "true" : nil), ("party", party)])
            values["rows"] = found.page.rows.map { l in
                [
                    "id": l.id, "on": l.on.description, "direction": l.direction.rawValue, "from": l.from, "fromName": n[l.from] ?? l.from,
                    "to": l.to, "toName": n[l.to] ?? l.to, "subject": l.subject, "petition": l.petition.map { String($0) } ?? false,
                    "replyDue": l.voided ? "" : l.replyDue?.description ?? "", "answered": Web.answered(l), "voided": l.voided,
                ] as [String: Any]
            }
            return page("letters", "Letters", values, context, status: refill?.error.status ?? .ok)
        }
    }

    func eventList(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let q = Query(request: request)
        let pager = try WebPager(q)
        let party = try q.text("party")
        let kind = try q.text("kind")
        let fields = [
            WebField(name: "kind", label: "Kind", value: kind ?? "", hint: "e.g. letter.sent, or letter for every kind of letter event"),
            WebField(name: "party", label: "Party (handle)", value: party ?? ""),
        ]
        let outcome = try await attempt {
            let list = ListEvents(party: party, kind: kind, newestFirst: true)
            return try await office.perform(as: account) { ws in try list.page(pager.window, in: ws) }
        }
        var values: [String: Any] = ["fields": fields.map { $0.values(form: "filter") }]
        switch outcome {
        case .failure(let failure):
            return refusedFilter("events", "Events", failure, fields: fields, values: values, context)
        case .success(let found):
            let range = try pager.range(of: found.total)
            values["pager"] = pager.values(range, of: found.total, path: "/events", keep: [("kind", kind), ("party", party)])
            values["rows"] = found.rows.map { e in
                [
                    "day": e.day.description, "kind": e.kind, "summary": e.summary, "actor": e.actor,
                    "petition": e.subjects.first { $0.type == "petition" }.map { String($0.id) } ?? false,
                ] as [String: Any]
            }
            return page("events", "Events, newest first", values, context)
        }
    }
}

extension Web {
    /// A listing page whose filter was refused: the sentence beside its field (the last field when it names none), no
    /// rows, and the refusal's status.
    func refusedFilter(
        _ template: String, _ title: String, _ failure: APIFailure, fields: [WebField], values: [String: Any], _ context: OfficeContext
    ) -> Response {
        var fields = fields
        var values = values
        let i = fields.firstIndex { $0.name == failure.field } ?? fields.count - 1
        fields[i].error = failure.message
        values["fields"] = fields.map { $0.values(form: "filter") }
        values["refused"] = true
        return page(template, title, values, context, status: failure.status)
    }
}

extension WebPager {
    /// The rows of this page as a window to read in SQL: the total is known only once it is read (`range(of:)`).
    var window: RowWindow { RowWindow(limit: Self.size, offset: (page - 1) * Self.size) }
}

extension Web {
    /// What the letters' tables say of a letter's reply: the letter that answered it. A voided letter is marked beside
    /// its subject, not here: "voided" in this column read as a state of its answer.
    static func answered(_ l: Letter) -> String {
        l.answeredBy.map { "by letter \($0)" } ?? ""
    }

    /// A note as a petition's page lists it: the day and the text, and for the note given with a change of status, the
    /// statuses and who recorded it (the template marks it by `statusTo`).
    static func noteValues(_ n: PetitionNote) -> [String: Any] {
        var values: [String: Any] = ["on": n.on.description, "text": n.text]
        if let change = n.statusChange {
            values["statusTo"] = change.to
            if let from = change.from { values["statusFrom"] = from }
            if let by = n.recordedBy { values["recordedBy"] = by }
        }
        return values
    }
}

extension Web {
    /// The form that voids any letter by its id (`letter void`), a letter of no petition too; a petition's page offers
    /// its own letters by subject.
    static let voidAnyLetterForm = WebForm(
        action: "/letters/void", legend: "Void a letter recorded in error", submit: "Void the letter",
        fields: [
            WebField(name: "letter", label: "Letter (id, as the ID column shows it)", required: true),
            WebField(name: "reason", label: "Why it is void", required: true),
            WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
        ])

    func voidAnyLetter(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let fields = try await context.form(request, of: Web.voidAnyLetterForm, role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await once(try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/letters", shown: "/letters") {
            let outcome = try await attempt { () async throws -> Letter in
                guard let letter = try fields.id("letter") else { throw APIFailure.invalid("letter", "letter: required; give the letter's id.") }
                let void = VoidLetter(letter: letter, reason: try fields.required("reason"), on: try fields.day("on") ?? office.today)
                return try await office.run(void, as: account)
            }
            switch outcome {
            case .failure(let f): return try await letterList(request, context, refill: (fields.texts, f))
            case .success(let l):
                inform(["Voided letter \(l.id) (\(l.subject)): it counts for nothing, as of any day, and no reply is expected of it."], context)
            }
            throw Redirect.to("/letters")
        }
    }
}
