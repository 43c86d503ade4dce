import Foundation
import Hummingbird
import PetitionsApp

/// The parties as pages: `/parties` (petitioners, groups, authorities and offices, 100 a page, of one kind or all), a
/// party's page with what `… show` prints (head-counts and members, groups, household and contact, the chain of
/// authorities above), and the forms by which a clerk adds a petitioner, a group or an authority, as `petitioner
/// add`, `group add`, `authority add` and the API's `POST /api/v1/petitioners` … do.
extension Web {
    func addParties(to pages: RouterGroup<OfficeContext>) {
        pages.get("parties") { request, context in try await self.partyList(request, context) }
        // Always the form, even where a party has the handle `new` (from an older ledger or another office's log):
        // that party's page is `/parties/%6E%65%77` (`partyPath`).
        pages.get("parties/new") { request, context in
            let kind = try Query(request: request).text("kind")
            _ = try context.signedIn(.clerk, request)
            let adding = try Web.newKind(kind)
            return self.newPartyPage(adding, form: Web.partyForm(adding), context)
        }
        for kind in NewParty.allCases {
            pages.post("parties/new/\(kind.rawValue)") { request, context in try await self.addParty(kind, request, context) }
        }
        pages.get("parties/:handle") { request, context in try await self.party(request, context) }
        addPartyCorrections(to: pages)
        addHouseholds(to: pages)
    }

    /// The kinds of party a clerk adds through a form (an office comes from `office set` and merged logs).
    enum NewParty: String, CaseIterable, Sendable {
        case petitioner, group, authority

        var title: String {
            switch self {
            case .petitioner: "Add a petitioner"
            case .group: "Add a group"
            case .authority: "Add an authority"
            }
        }
    }

    /// The address of a party's page: `/parties/kropotkin`. A handle that is a word of the pages' own addresses
    /// (`Handle.reservedForParties`: `new`, `edit`, …), refused for a new party but still brought by an older ledger or
    /// another office's event log, is written percent-encoded (`/parties/%6E%65%77`): the router matches the path as
    /// sent, so `/parties/new` stays the form to add a party, and the page's route decodes the handle
    /// (`pathParameter`). Every link to a party's page, and every form on it, is made here.
    static func partyPath(_ handle: String) -> String {
        guard Handle.reservedForParties.contains(handle) else { return "/parties/" + Form.encode(handle) }
        return "/parties/" + handle.utf8.map { String(format: "%%%02X", $0) }.joined()
    }

    /// The kind `/parties/new?kind=` adds (a petitioner when none is given).
    static func newKind(_ text: String?) throws -> NewParty {
        guard let text else { return .petitioner }
        guard let kind = NewParty(rawValue: text.lowercased()) else {
            throw PetitionsError.invalid("kind", String(text.prefix(100)), "is not a kind of party a form adds; use petitioner, group or authority")
        }
        return kind
    }

    // MARK: - The list

    func partyList(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let q = Query(request: request)
        let pager = try WebPager(q)
        let kindText = try q.text("kind")
        let fields = [
            WebField(
                name: "kind", label: "Kind",
                kind: .select([("", "any"), ("petitioner", "petitioners"), ("group", "groups"), ("authority", "authorities"), ("office", "offices")]),
                value: kindText ?? "")
        ]
        var values: [String: Any] = ["fields": fields.map { $0.values(form: "filter") }, "mayRecord": account.role.allows(.clerk)]
        let outcome = try await attempt {
            let kinds = try ListParties.kinds(named: kindText)
            async let names = office.listings.value(.init(name: "names"), reads: .parties, office: office, as: account, changes: context.changes) {
                try Web.names($0)
            }
            let parties = try await office.perform(as: account) { ws in try kinds.flatMap { try ListParties(kind: $0).run(in: ws) } }
            return (parties, try await names)
        }
        switch outcome {
        case .failure(let failure):
            return refusedFilter("parties", "Parties", failure, fields: fields, values: values, context)
        case .success(let (parties, names)):
            let range = try pager.range(of: parties.count)
            values["pager"] = pager.values(range, of: parties.count, path: "/parties", keep: [("kind", kindText)])
            values["rows"] = parties[range].map { p in
                [
                    "handle": p.handle, "name": p.name, "kind": Web.kindWord(p), "district": p.district ?? "",
                    "details": Web.details(p, names: names),
                ] as [String: Any]
            }
            return page("parties", "Parties", values, context)
        }
    }

    /// What the tables call a party's kind: a person is a petitioner.
    static func kindWord(_ p: Party) -> String {
        switch p.kind {
        case .person: "petitioner"
        case .office: p.id == 0 ? "office (this one)" : "office"
        case .group, .authority: p.kind.rawValue
        }
    }

    /// The facts of a party the list shows in one cell: a group's head-counts and members, a person's occupation,
    /// groups and household, an authority's parent and reply window.
    static func details(_ p: Party, names: [String: String]) -> String {
        var said: [String] = []
        if let o = p.occupation { said.append(o) }
        if let counts = p.counts, !counts.isEmpty { said.append(counts.map { "\(grouped($0.count)) \($0.category)" }.joined(separator: ", ")) }
        if let members = p.members, !members.isEmpty { said.append(members.count == 1 ? "1 member" : "\(grouped(members.count)) members") }
        if let groups = p.groups, !groups.isEmpty { said.append("member of " + groups.map { names[$0] ?? $0 }.joined(separator: ", ")) }
        if let d = p.dependants, !d.isEmpty { said.append(d.count == 1 ? "1 dependant" : "\(d.count) dependants") }
        if let parent = p.parent { said.append("under " + (names[parent] ?? parent)) }
        if let r = p.replyWithin { said.append("replies within \(r)") }
        return said.joined(separator: "; ")
    }

    // MARK: - One party

    struct PartyPage: Sendable {
        var party: Party
        var petitions: [Petition]
        var names: [String: String]
    }

    /// A party's page; `refill` puts back a refused form (joining a group, a dependant) with what was typed and its error.
    func party(
        _ request: Request, _ context: OfficeContext, refill: (form: String, typed: [String: String], error: APIFailure)? = nil
    ) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        let handle = try pathHandle(context)
        let data = try await inPath {
            try await office.perform(as: account) { ws in
                let party = try ShowParty(party: handle).run(in: ws)
                // Those it sent, received or carried as intermediary, found in SQL (`petition list --party`).
                let petitions = try ListPetitions(party: party.handle).run(in: ws)
                return PartyPage(party: party, petitions: petitions, names: try Web.names(ws))
            }
        }
        let p = data.party
        let n = data.names
        func linked(_ handle: String) -> [String: Any] { ["handle": handle, "name": n[handle] ?? handle] }
        var values: [String: Any] = [
            "handle": p.handle, "kind": Web.kindWord(p),
            "petitions": data.petitions.map { ["id": $0.id, "subject": $0.subject, "status": $0.status.rawValue] as [String: Any] },
            "mayCorrect": account.role.allows(.clerk) && p.kind != .office, "events": "/events?party=" + Form.encode(p.handle),
        ]
        let texts: [(String, String?)] = [
            ("district", p.district), ("occupation", p.occupation), ("address", p.address), ("phone", p.phone), ("email", p.email),
            ("note", p.note), ("replyWithin", p.replyWithin?.description),
        ]
        for case (let key, let value?) in texts { values[key] = value }
        if let parent = p.parent { values["parent"] = linked(parent) }
        if let chain = p.chain, chain.count > 1 {
            values["chain"] = chain.enumerated().map { i, handle in linked(handle).merging(["sep": i == 0 ? "" : " → "]) { a, _ in a } }
        }
        if let counts = p.counts, !counts.isEmpty {
            values["counts"] = counts.map { ["category": $0.category, "count": Web.grouped($0.count)] }
            values["countTotal"] = Web.grouped(counts.reduce(0) { $0 + $1.count })
        }
        values["isGroup"] = p.kind == .group
        values["isPerson"] = p.kind == .person
        if p.kind == .group { values["members"] = (p.members ?? []).map(linked) }
        if p.kind == .person {
            values["groups"] = (p.groups ?? []).map(linked)
            values["dependants"] = (p.dependants ?? []).map { ["name": $0.name, "category": $0.category] }
        }
        if account.role.allows(.clerk) {
            var forms = householdForms(p)
            for i in forms.indices where forms[i].action == refill?.form {
                if let refill { forms[i].refill(refill.typed, error: refill.error) }
            }
            values["forms"] = forms.map { self.values(of: $0, context) }
            if let refill, !forms.contains(where: { $0.action == refill.form }) { values["alert"] = refill.error.message }
        }
        return page("party", p.name, values, context, status: refill?.error.status ?? .ok)
    }

    // MARK: - Adding one

    /// The form that adds a party of `kind`, its fields named as the API's body keys.
    static func partyForm(_ kind: NewParty) -> WebForm {
        let name = WebField(name: "name", label: "Name", required: true)
        let handle = WebField(name: "handle", label: "Handle", hint: "made from the name when left empty")
        let district = WebField(name: "district", label: "District")
        let on = WebField(name: "on", label: "Recorded on", kind: .date, hint: "today when left empty")
        let fields: [WebField]
        switch kind {
        case .petitioner:
            fields = [
                name, handle, district, WebField(name: "occupation", label: "Occupation"),
                WebField(name: "group", label: "Member of (group handles, one a line)", kind: .area),
                WebField(name: "dependant", label: "Household (one a line)", kind: .area, hint: "NAME:CATEGORY, e.g. Anna:incapacitated"), on,
            ]
        case .group:
            fields = [
                name, handle, district,
                WebField(name: "count", label: "Head-counts (one a line)", kind: .area, hint: "CATEGORY=N, e.g. employee=125"), on,
            ]
        case .authority:
            fields = [
                name, handle, WebField(name: "parent", label: "Above it (authority, handle)"),
                WebField(name: "reply_within", label: "Replies within", hint: "e.g. 20 working days"), on,
            ]
        }
        return WebForm(action: "/parties/new/\(kind.rawValue)", legend: nil, submit: kind.title, fields: fields)
    }

    func newPartyPage(_ kind: NewParty, form: WebForm, _ context: OfficeContext, status: HTTPResponse.Status = .ok) -> Response {
        var values = self.values(of: form, context)
        values["kinds"] = NewParty.allCases.map { ["kind": $0.rawValue, "title": $0.title, "current": $0 == kind] as [String: Any] }
        return page("new-party", kind.title, values, context, status: status)
    }

    func addParty(_ kind: NewParty, _ request: Request, _ context: OfficeContext) async throws -> Response {
        let fields = try await context.form(request, of: Web.partyForm(kind), role: .clerk)
        let account = try context.signedIn(.clerk, request)
        return try await once(
            try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: "/parties/new?kind=\(kind.rawValue)",
            shown: "/parties"
        ) {
            let outcome = try await attempt { () async throws -> Party in
                let f = fields
                switch kind {
                case .petitioner:
                    let add = AddPetitioner(
                        name: try f.required("name"), handle: try f.text("handle"), district: try f.text("district"),
                        occupation: try f.text("occupation"), groups: try f.list("group"),
                        dependants: try f.list("dependant").map { try Dependant(parsing: $0) }, on: try f.day("on"))
                    return try await office.run(add, as: account)
                case .group:
                    let add = AddGroup(
                        name: try f.required("name"), handle: try f.text("handle"), district: try f.text("district"),
                        counts: try f.list("count").map { try HeadCount(parsing: $0, field: "count") }, on: try f.day("on"))
                    return try await office.run(add, as: account)
                case .authority:
                    let add = AddAuthority(
                        name: try f.required("name"), handle: try f.text("handle"), parent: try f.text("parent"),
                        replyWithin: try f.text("reply_within").map { try Span(parsing: $0, field: "reply_within") }, on: try f.day("on"))
                    return try await office.run(add, as: account)
                }
            }
            switch outcome {
            case .success(let party):
                // Someone of that name is recorded already: said on the party's page, as `add` notes it.
                if let note = HandleNote.sentence(for: party, given: try fields.text("handle")) {
                    inform([PetitionsError.requestWording(note)], context)
                }
                throw Redirect.to(Web.partyPath(party.handle))
            case .failure(let failure):
                var form = Web.partyForm(kind)
                form.refill(fields.texts, error: failure)
                return newPartyPage(kind, form: form, context, status: failure.status)
            }
        }
    }
}
