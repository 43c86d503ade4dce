import Foundation
import Hummingbird
import PetitionsApp

/// Corrections through the web pages, each the use case its command runs: a party corrected (`petitioner edit`,
/// `group edit`, `authority edit`: `EditParty`), a receipt voided (`receipt void`: `VoidReceipt`) on the delivery's
/// page, a letter voided (`letter void`: `VoidLetter`) on its petition's page. Nothing is deleted: each is an event
/// naming the clerk.
extension Web {
    func addPartyCorrections(to pages: RouterGroup<OfficeContext>) {
        pages.get("parties/:handle/edit") { request, context in
            let account = try context.signedIn(.clerk, request)
            let party = try await self.correctable(try pathHandle(context), account)
            return self.editPage(party, form: Web.editForm(party), context)
        }
        pages.post("parties/:handle/edit") { request, context in try await self.editParty(request, context) }
        pages.get("deliveries/:id") { request, context in
            _ = try context.signedIn(.reader, request)
            return try await self.deliveryPage(request, context, id: try pathID(context, "delivery"))
        }
        pages.post("deliveries/:id/void-receipt") { request, context in try await self.voidReceipt(request, context) }
        pages.post("petitions/:id/void-letter") { request, context in try await self.voidLetter(request, context) }
    }

    // MARK: - Correcting a party

    /// A link to `p`'s page, for a refusal that names it.
    static func partyLink(_ p: Party) -> (href: String, text: String) { (Web.partyPath(p.handle), "The page of \(p.name)") }

    /// The party `handle` names, when a form may correct it: an office is not (409, with a link to its page).
    func correctable(_ handle: String, _ account: Account) async throws -> Party {
        let party = try await inPath { try await office.run(ShowParty(party: handle), as: account) }
        guard party.kind != .office else {
            throw APIFailure(
                status: .conflict,
                message: "party: \(quoted(party.handle)) is an office (\(party.name)); this form corrects petitioners, groups and authorities only.",
                field: "party", link: Web.partyLink(party))
        }
        return party
    }

    /// What the form that corrects `p` is filled with, field by field, as text: what the ledger holds.
    static func shown(_ p: Party) -> [String: String] {
        var v = ["name": p.name, "district": p.district ?? "", "address": p.address ?? "", "email": p.email ?? ""]
        switch p.kind {
        case .person: (v["occupation"], v["phone"], v["note"]) = (p.occupation ?? "", p.phone ?? "", p.note ?? "")
        case .group: v["count"] = (p.counts ?? []).map { "\($0.category)=\($0.count)" }.joined(separator: "\n")
        case .authority, .office: (v["parent"], v["reply_within"]) = (p.parent ?? "", p.replyWithin?.description ?? "")
        }
        return v
    }

    /// The prefix of the hidden fields that carry what the form was filled with (`was_district`): what the clerk
    /// changed is what differs from them, and only that is corrected (a trial's stale form undid another correction).
    static let wasPrefix = "was_"

    /// The form that corrects `p`, filled with what the ledger holds: the fields its command corrects, named as the
    /// command's options in snake_case, and each field's value as drawn in a hidden `was_` field.
    static func editForm(_ p: Party) -> WebForm {
        let v = shown(p)
        let name = WebField(name: "name", label: "Name", value: p.name, required: true)
        let district = WebField(name: "district", label: "District", value: p.district ?? "", hint: "empty clears it")
        let address = WebField(name: "address", label: "Postal address", kind: .area, value: p.address ?? "")
        let email = WebField(name: "email", label: "E-mail", value: p.email ?? "")
        let on = WebField(name: "on", label: "Corrected on", kind: .date, hint: "today when left empty")
        var fields: [WebField]
        switch p.kind {
        case .person:
            fields = [
                name, district, WebField(name: "occupation", label: "Occupation", value: p.occupation ?? ""), address, email,
                WebField(name: "phone", label: "Telephone", value: p.phone ?? ""),
                WebField(name: "note", label: "Note", kind: .area, value: p.note ?? ""),
            ]
        case .group:
            fields = [
                name, district,
                WebField(
                    name: "count", label: "Head-counts (one a line)", kind: .area, value: v["count"] ?? "",
                    hint: "CATEGORY=N, e.g. employee=125; a category left out is no longer counted"),
            ]
        case .authority, .office:
            fields = [
                name, WebField(name: "parent", label: "Above it (authority, handle)", value: p.parent ?? "", hint: "empty: none above it"),
                WebField(name: "reply_within", label: "Replies within", value: v["reply_within"] ?? "", hint: "e.g. 20 working days"),
                address, email,
            ]
        }
        var was: [String: String] = [:]
        for field in fields { was[wasPrefix + field.name] = v[field.name] ?? "" }
        return WebForm(
            action: Web.partyPath(p.handle) + "/edit", legend: nil, submit: "Record the correction", fields: fields + [on], hidden: was)
    }

    func editPage(_ p: Party, form: WebForm, _ context: OfficeContext, status: HTTPResponse.Status = .ok) -> Response {
        var values = self.values(of: form, context)
        values["handle"] = p.handle
        return page("edit-party", "Correct \(p.name)", values, context, status: status)
    }

    func editParty(_ request: Request, _ context: OfficeContext) async throws -> Response {
        // Without a session there is no token to match: before the party is looked up, to the login page that says the
        // session ended and leads back, as every other form does.
        guard context.session != nil else { throw OfficeContext.sessionEnded(request) }
        let account = try context.signedIn(.clerk, request)
        let party = try await correctable(try pathHandle(context), account)
        let fields = try await context.form(request, of: Web.editForm(party))
        let path = Web.partyPath(party.handle)
        return try await once(try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: path + "/edit", shown: path) {
            let outcome = try await attempt { () async throws -> (correction: Correction<Party>, warnings: [String])? in
                let change = try Web.change(party, fields)
                // Nothing the clerk changed: nothing to record (the ledger may hold another's correction meanwhile).
                if change.isEmpty { return nil }
                let edit = EditParty(change: change, on: try fields.day("on"))
                return try await office.perform(as: account) { try edit.runChecked(in: $0) }
            }
            switch outcome {
            case .success(let checked):
                let c = checked?.correction
                inform(
                    [
                        c.map { c in
                            c.changed.isEmpty
                                ? "Nothing differed from what the ledger holds for \(c.record.name); nothing changed."
                                : "Corrected \(c.record.name): \(c.changed.joined(separator: ", "))."
                        } ?? "You changed nothing in the form for \(party.name); nothing was recorded."
                    ], context)
                // A day before the party was recorded: warned of, as the command warns of it, the correction kept.
                notify(checked?.warnings ?? [], context)
                throw Redirect.to(path)
            case .failure(let failure):
                // Drawn again over what the ledger holds now: a field the clerk left as it was shows the value now
                // held (sending the form again must not put back what another corrected meanwhile).
                var form = Web.editForm(party)
                var typed = fields.texts
                let now = Web.shown(party)
                for (key, value) in fields.texts where key.hasPrefix(Web.wasPrefix) {
                    let field = String(key.dropFirst(Web.wasPrefix.count))
                    if typed[field] == value { typed[field] = now[field] }
                }
                form.refill(typed, error: failure)
                return editPage(party, form: form, context, status: failure.status)
            }
        }
    }

    /// The correction the form asks of `p`: the fields the clerk changed from what the form was filled with (its
    /// `was_` fields; a form without them, from a script, asks every field it sends), as typed (an empty one clears
    /// it); a group's head-counts by category, a category left out set to 0 (removed). A field the clerk changed
    /// that another changed too since the form was drawn is refused (409) beside it, saying what the ledger now holds.
    static func change(_ p: Party, _ f: RequestFields) throws -> PartyChange {
        var c = PartyChange(party: p.handle, kinds: [p.kind])
        let now = shown(p)
        // The text the clerk sent for `key` when it asks a change, nil when the field was left as it was drawn.
        func asked(_ key: String) throws -> String? {
            guard f.values[key] != nil else { return nil }
            let typed = try f.text(key) ?? ""
            guard f.values[wasPrefix + key] != nil else { return typed }
            let was = try f.text(wasPrefix + key) ?? ""
            guard typed != was else { return nil }
            if let held = now[key], held != was, held != typed, key != "count" {
                throw APIFailure(
                    status: .conflict,
                    message:
                        "\(key): changed since this form was opened: now \(held.isEmpty ? "empty" : quoted(held)). Send the form again to record yours.",
                    field: key)
            }
            return typed
        }
        if try asked("name") != nil { c.name = try f.required("name") }
        switch p.kind {
        case .person:
            (c.district, c.occupation, c.address, c.email, c.phone, c.note) = (
                try asked("district"), try asked("occupation"), try asked("address"), try asked("email"), try asked("phone"), try asked("note")
            )
        case .group:
            c.district = try asked("district")
            if try asked("count") != nil, case let counts = try counts(p, f), !counts.isEmpty { c.counts = counts }
        case .authority, .office:
            (c.address, c.email) = (try asked("address"), try asked("email"))
            if let parent = try asked("parent") { c.parent = .some(parent.isEmpty ? nil : parent) }
            if let within = try asked("reply_within") {
                c.replyWithin = .some(within.isEmpty ? nil : try Span(parsing: within, field: "reply_within"))
            }
        }
        return c
    }

    /// A group's head-counts as the form asks them: each category whose count the clerk changed from what the form
    /// was filled with (all of them without a `was_count`), a category left out set to 0 (removed); one another
    /// changed meanwhile to something else is refused (409) beside the field.
    static func counts(_ p: Party, _ f: RequestFields) throws -> [HeadCount] {
        let typed = try f.list("count").map { try HeadCount(parsing: $0, field: "count", allowsZero: true) }
        let held = Dictionary((p.counts ?? []).map { ($0.category, $0.count) }) { a, _ in a }
        guard f.values[wasPrefix + "count"] != nil else {
            let kept = Set(typed.map(\.category))
            return typed + (p.counts ?? []).filter { !kept.contains($0.category) }.map { HeadCount(category: $0.category, count: 0) }
        }
        let drawn = try f.list(wasPrefix + "count").compactMap { try? HeadCount(parsing: $0, field: "count", allowsZero: true) }
        let was = Dictionary(drawn.map { ($0.category, $0.count) }) { a, _ in a }
        let sent = Dictionary(typed.map { ($0.category, $0.count) }) { a, _ in a }
        var asked: [HeadCount] = []
        for category in Set(was.keys).union(sent.keys).sorted() {
            let (before, after, now) = (was[category] ?? 0, sent[category] ?? 0, held[category] ?? 0)
            guard after != before else { continue }
            guard now == before || now == after else {
                throw APIFailure(
                    status: .conflict,
                    message: "count: \(category) changed since this form was opened: now \(now). Send the form again to record yours.",
                    field: "count")
            }
            asked.append(HeadCount(category: category, count: after))
        }
        return asked
    }

    // MARK: - A delivery and its receipts

    func voidReceiptForm(_ id: Int64, receipts: [Receipt]) -> WebForm {
        Web.undoForm(
            action: "/deliveries/\(id)/void-receipt", legend: "Void a receipt recorded in error", submit: "Void the receipt",
            field: "receipt", label: "Receipt", choices: receipts.map { (String($0.id), "\($0.id): \($0.on) \($0.quantity)") },
            reason: "Why it is void")
    }

    /// A form that undoes one record chosen from a list (void a receipt or a letter, remove an attachment): the
    /// record (the last one chosen by default), why, and the day (today when left empty).
    static func undoForm(
        action: String, legend: String, submit: String, field: String, label: String, choices: [(value: String, text: String)], reason: String
    ) -> WebForm {
        WebForm(
            action: action, legend: legend, submit: submit,
            fields: [
                WebField(name: field, label: label, kind: .select(choices), value: choices.last?.value ?? ""),
                WebField(name: "reason", label: reason, required: true),
                WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
            ])
    }

    /// A delivery: what was due and what came, line by line, and every receipt, a voided one marked (it counts for
    /// nothing); for a clerk, the form to void a receipt that stands.
    func deliveryPage(
        _ request: Request, _ context: OfficeContext, id: Int64, refill: (typed: [String: String], error: APIFailure)? = nil
    ) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let (d, n, cancel) = try await inPath {
            try await office.perform(as: account) { ws in
                let d = try ShowDelivery(delivery: id).run(in: ws)
                // Why, when and by whom it was cancelled: its `delivery.cancelled` event (the delivery keeps only its status).
                let cancel =
                    d.status != .cancelled
                    ? nil
                    : try ListEvents(party: d.recipient, kind: "delivery.cancelled", newestFirst: true).run(in: ws)
                        .first { $0.subjects.contains(Subject("delivery", id)) }
                return (d, try Web.names(ws), cancel)
            }
        }
        let receipts = d.receipts ?? []
        let standing = receipts.filter { !$0.voided }
        var forms: [[String: Any]] = []
        if account.role.allows(.clerk), !standing.isEmpty {
            var form = voidReceiptForm(id, receipts: standing)
            if let refill { form.refill(refill.typed, error: refill.error) }
            forms = [self.values(of: form, context)]
        }
        var values: [String: Any] = [
            "recipient": d.recipient, "recipientName": n[d.recipient] ?? d.recipient, "supplier": d.supplier,
            "supplierName": n[d.supplier] ?? d.supplier, "decree": d.decree, "period": d.period.description, "due": d.due.description,
            "status": d.status.rawValue,
            // A cancelled delivery is owed nothing more: no shortfall is shown for it.
            "lines": d.lines.map {
                [
                    "commodity": $0.commodity, "expected": Web.amount($0.expected), "received": $0.receivedText,
                    "shortfall": d.status == .cancelled ? "none owed (cancelled)" : Web.amount($0.shortfall),
                ]
            },
            "receipts": receipts.map {
                [
                    "id": $0.id, "on": $0.on.description, "quantity": $0.quantity, "note": $0.note ?? "", "voided": $0.voided,
                    "voidedWhy": $0.voidedText,
                ] as [String: Any]
            },
            "forms": forms,
        ]
        if let cancel {
            var reason = ""
            if case .object(let payload) = cancel.payload, case .string(let r)? = payload["reason"] { reason = ": " + r }
            values["cancelled"] = "Cancelled on \(cancel.day) by \(cancel.actor)\(reason). Nothing more is owed."
        } else if d.status == .cancelled {
            values["cancelled"] = "Cancelled: nothing more is owed."
        }
        // A refusal with no form to show it beside (no receipt of this delivery stands) is said above the receipts.
        if let refill, forms.isEmpty { values["error"] = refill.error.message }
        return page(
            "delivery", "Delivery \(d.id): \(n[d.recipient] ?? d.recipient), \(d.period)", values, context, status: refill?.error.status ?? .ok)
    }

    /// `1,000 funt`: an amount with its unit, thousands separated.
    static func amount(_ q: QuantityValue) -> String { "\(Quantity.grouped(q.amount)) \(q.unit)" }

    func voidReceipt(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "delivery")
        let fields = try await context.form(request, of: voidReceiptForm(id, receipts: []), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await undoChosen(fields, context, page: "/deliveries/\(id)", field: "receipt", verb: "void") { receipt in
            let void = VoidReceipt(receipt: receipt, reason: try fields.required("reason"), on: try fields.day("on"))
            try await inPath {
                _ = try await office.perform(as: account) { ws in
                    guard try ShowDelivery(delivery: id).run(in: ws).receipts?.contains(where: { $0.id == receipt }) == true else {
                        throw PetitionsError.invalid("receipt", String(receipt), "is not a receipt of delivery \(id); choose one of its receipts")
                    }
                    return try void.run(in: ws)
                }
            }
            return receipt
        } refused: { f in
            try await deliveryPage(request, context, id: id, refill: (fields.texts, f))
        } done: { receipt in
            "Voided receipt \(receipt): it counts for nothing from now on."
        }
    }

    /// A form that undoes one record chosen from a list (`undoForm`), sent once (its form token): the chosen id
    /// (refused beside the field when none was chosen) handed to `undo`, which checks it is one of the page's and
    /// records; refused, the page again by `refused` with the sentence beside the form; done, a notice of `done` and
    /// the page the form was on.
    func undoChosen<Done>(
        _ fields: RequestFields, _ context: OfficeContext, page: String, field: String, verb: String,
        _ undo: (Int64) async throws -> Done, refused: (APIFailure) async throws -> Response, done: (Done) -> String
    ) async throws -> Response {
        try await once(try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: page, shown: page) {
            let outcome = try await attempt { () async throws -> Done in
                guard let chosen = try fields.id(field) else { throw APIFailure.invalid(field, "\(field): choose the \(field) to \(verb).") }
                return try await undo(chosen)
            }
            switch outcome {
            case .failure(let f): return try await refused(f)
            case .success(let d): inform([done(d)], context)
            }
            throw Redirect.to(page)
        }
    }

    // MARK: - Voiding a letter

    func voidLetterForm(_ id: Int64, letters: [Letter]) -> WebForm {
        Web.undoForm(
            action: "/petitions/\(id)/void-letter", legend: "Void a letter recorded in error", submit: "Void the letter",
            field: "letter", label: "Letter", choices: letters.map { (String($0.id), "\($0.id): \($0.on) \($0.subject)") },
            reason: "Why it is void")
    }

    func voidLetter(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "petition")
        let fields = try await context.form(request, of: voidLetterForm(id, letters: []), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await undoChosen(fields, context, page: "/petitions/\(id)", field: "letter", verb: "void") { letter in
            let void = VoidLetter(letter: letter, reason: try fields.required("reason"), on: try fields.day("on") ?? office.today)
            try await inPath {
                _ = try await office.perform(as: account) { ws in
                    guard try ShowLetter(letter: letter).run(in: ws).petition == id else {
                        throw PetitionsError.invalid("letter", String(letter), "is not a letter of petition \(id); choose one of its letters")
                    }
                    return try void.run(in: ws)
                }
            }
            return letter
        } refused: { f in
            try await petitionPage(request, context, id: id, refill: ("/petitions/\(id)/void-letter", fields.texts, f))
        } done: { letter in
            "Voided letter \(letter): it counts for nothing, as of any day, and no reply is expected of it."
        }
    }
}
