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

    /// The party `handle` names, when a form may correct it: an office is set with `office set` (admins), not here.
    func correctable(_ handle: String, _ account: Account) async throws -> Party {
        let party = try await inPath { try await office.run(ShowParty(party: handle), as: account) }
        guard party.kind != .office else {
            throw APIFailure(
                status: .notFound, message: "party: \(quoted(handle)) is an office; petitions office set corrects it, not this form.",
                field: "party")
        }
        return party
    }

    /// The form that corrects `p`, filled with what the ledger holds: the fields its command corrects, named as the
    /// command's options in snake_case. What is sent is compared with what is held; only what differs changes.
    static func editForm(_ p: Party) -> WebForm {
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
            let counts = (p.counts ?? []).map { "\($0.category)=\($0.count)" }.joined(separator: "\n")
            fields = [
                name, district,
                WebField(
                    name: "count", label: "Head-counts (one a line)", kind: .area, value: counts,
                    hint: "CATEGORY=N, e.g. employee=125; a category left out is no longer counted"),
            ]
        case .authority, .office:
            fields = [
                name, WebField(name: "parent", label: "Above it (authority, handle)", value: p.parent ?? "", hint: "empty: none above it"),
                WebField(name: "reply_within", label: "Replies within", value: p.replyWithin?.description ?? "", hint: "e.g. 20 working days"),
                address, email,
            ]
        }
        return WebForm(
            action: "/parties/\(Form.encode(p.handle))/edit", legend: nil, submit: "Record the correction", fields: fields + [on])
    }

    func editPage(_ p: Party, form: WebForm, _ context: OfficeContext, status: HTTPResponse.Status = .ok) -> Response {
        var values = self.values(of: form, context)
        values["handle"] = p.handle
        return page("edit-party", "Correct \(p.name)", values, context, status: status)
    }

    func editParty(_ request: Request, _ context: OfficeContext) async throws -> Response {
        // Without a session there is no token to match: refused before the party is looked up.
        guard context.session != nil else { throw Web.formRefused }
        let account = try context.signedIn(.clerk, request)
        let party = try await correctable(try pathHandle(context), account)
        let fields = try await context.form(request, of: Web.editForm(party))
        let path = "/parties/" + Form.encode(party.handle)
        return try await once(try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: path + "/edit", shown: path) {
            let outcome = try await attempt {
                let edit = EditParty(change: try Web.change(party, fields), on: try fields.day("on"))
                return try await office.run(edit, as: account)
            }
            switch outcome {
            case .success(let c):
                inform(
                    [
                        c.changed.isEmpty
                            ? "Nothing differed from what the ledger holds for \(c.record.name); nothing changed."
                            : "Corrected \(c.record.name): \(c.changed.joined(separator: ", "))."
                    ], context)
                throw Redirect.to(path)
            case .failure(let failure):
                var form = Web.editForm(party)
                form.refill(fields.texts, error: failure)
                return editPage(party, form: form, context, status: failure.status)
            }
        }
    }

    /// The correction the form asks of `p`: every field it has, as typed (an empty one clears it; the ledger leaves
    /// alone what did not change); a group's head-counts as a whole list, a category left out set to 0 (removed).
    static func change(_ p: Party, _ f: RequestFields) throws -> PartyChange {
        var c = PartyChange(party: p.handle, kinds: [p.kind])
        c.name = try f.required("name")
        let typed = { (key: String) -> String? in f.values[key] == nil ? nil : (try? f.text(key)) ?? "" }
        switch p.kind {
        case .person:
            (c.district, c.occupation, c.address, c.email, c.phone, c.note) = (
                typed("district"), typed("occupation"), typed("address"), typed("email"), typed("phone"), typed("note")
            )
        case .group:
            c.district = typed("district")
            if f.values["count"] != nil {
                let counts = try f.list("count").map { try HeadCount(parsing: $0, field: "count", allowsZero: true) }
                let kept = Set(counts.map(\.category))
                c.counts = counts + (p.counts ?? []).filter { !kept.contains($0.category) }.map { HeadCount(category: $0.category, count: 0) }
            }
        case .authority, .office:
            (c.address, c.email) = (typed("address"), typed("email"))
            if f.values["parent"] != nil { c.parent = .some(try f.text("parent")) }
            if f.values["reply_within"] != nil {
                c.replyWithin = .some(try f.text("reply_within").map { try Span(parsing: $0, field: "reply_within") })
            }
        }
        return c
    }

    // MARK: - A delivery and its receipts

    func voidReceiptForm(_ id: Int64, receipts: [Receipt]) -> WebForm {
        WebForm(
            action: "/deliveries/\(id)/void-receipt", legend: "Void a receipt recorded in error", submit: "Void the receipt",
            fields: [
                WebField(
                    name: "receipt", label: "Receipt", kind: .select(receipts.map { (String($0.id), "\($0.id): \($0.on) \($0.quantity)") }),
                    value: receipts.last.map { String($0.id) } ?? ""),
                WebField(name: "reason", label: "Why it is void", required: true),
                WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
            ])
    }

    /// A delivery: what was due and what came, line by line, and every receipt, a voided one marked (it counts for
    /// nothing); for a clerk, the form to void a receipt that stands.
    func deliveryPage(
        _ request: Request, _ context: OfficeContext, id: Int64, refill: (typed: [String: String], error: APIFailure)? = nil
    ) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let (d, n) = try await inPath {
            try await office.perform(as: account) { ws in (try ShowDelivery(delivery: id).run(in: ws), try Web.names(ws)) }
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
            "lines": d.lines.map {
                ["commodity": $0.commodity, "expected": Web.amount($0.expected), "received": $0.receivedText, "shortfall": Web.amount($0.shortfall)]
            },
            "receipts": receipts.map {
                ["id": $0.id, "on": $0.on.description, "quantity": $0.quantity, "note": $0.note ?? "", "voided": $0.voided] as [String: Any]
            },
            "forms": forms,
        ]
        // A refusal with no form to show it beside (no receipt of this delivery stands) is said above the receipts.
        if let refill, forms.isEmpty { values["error"] = refill.error.message }
        return page(
            "delivery", "Delivery \(d.id): \(n[d.recipient] ?? d.recipient), \(d.period)", values, context, status: refill?.error.status ?? .ok)
    }

    /// `1,000 funt`: an amount with its unit, thousands separated.
    static func amount(_ q: QuantityValue) -> String { "\(Quantity.grouped(q.amount)) \(q.unit)" }

    func voidReceipt(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "delivery")
        let fields = try await context.form(request, of: voidReceiptForm(id, receipts: []))
        let account = try context.signedIn(.clerk, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/deliveries/\(id)", shown: "/deliveries/\(id)"
        ) {
            let outcome = try await attempt { () async throws -> Int64 in
                guard let receipt = try fields.id("receipt") else { throw APIFailure.invalid("receipt", "receipt: choose the receipt to void.") }
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
            }
            switch outcome {
            case .failure(let f): return try await deliveryPage(request, context, id: id, refill: (fields.texts, f))
            case .success(let receipt): inform(["Voided receipt \(receipt): it counts for nothing from now on."], context)
            }
            throw Redirect.to("/deliveries/\(id)")
        }
    }

    // MARK: - Voiding a letter

    func voidLetterForm(_ id: Int64, letters: [Letter]) -> WebForm {
        WebForm(
            action: "/petitions/\(id)/void-letter", legend: "Void a letter recorded in error", submit: "Void the letter",
            fields: [
                WebField(
                    name: "letter", label: "Letter", kind: .select(letters.map { (String($0.id), "\($0.id): \($0.on) \($0.subject)") }),
                    value: letters.last.map { String($0.id) } ?? ""),
                WebField(name: "reason", label: "Why it is void", required: true),
                WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
            ])
    }

    func voidLetter(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let id = try pathID(context, "petition")
        let fields = try await context.form(request, of: voidLetterForm(id, letters: []))
        let account = try context.signedIn(.clerk, request)
        let action = "/petitions/\(id)/void-letter"
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/petitions/\(id)", shown: "/petitions/\(id)"
        ) {
            let outcome = try await attempt { () async throws -> Int64 in
                guard let letter = try fields.id("letter") else { throw APIFailure.invalid("letter", "letter: choose the letter to void.") }
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
            }
            switch outcome {
            case .failure(let f): return try await petitionPage(request, context, id: id, refill: (action, fields.texts, f))
            case .success(let letter): inform(["Voided letter \(letter): it counts for nothing from now on."], context)
            }
            throw Redirect.to("/petitions/\(id)")
        }
    }
}
