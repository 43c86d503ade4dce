import Foundation
import Hummingbird
import PetitionsApp

/// A group's members and a person's household, changed from the party's page as `group join`, `group leave`,
/// `petitioner dependant add` and `petitioner dependant remove` change them (`ChangeMembership`, `ChangeHousehold`).
extension Web {
    func addHouseholds(to pages: RouterGroup<OfficeContext>) {
        pages.post("parties/:handle/join") { request, context in
            try await self.household(request, context, kind: .group, form: Web.joinForm) { f, p in
                let (member, from) = (try f.required("member"), try f.day("from"))
                // A member given by id (`8`) is named by its handle in what the page says, as everywhere else.
                let change: @Sendable (Workspace) throws -> [String] = { ws in
                    let handle = (try? ShowParty(party: member).run(in: ws))?.handle ?? member
                    return try ChangeMembership(.join, group: p.handle, member: handle, on: from).runChecked(in: ws).warnings
                }
                return (change, "\(member) joined \(p.name).")
            }
        }
        pages.post("parties/:handle/leave") { request, context in
            try await self.household(request, context, kind: .group, form: Web.leaveForm) { f, p in
                let change = ChangeMembership(.leave, group: p.handle, member: try f.required("member"), on: try f.requiredDay("on"))
                return ({ try change.runChecked(in: $0).warnings }, "\(change.member) left \(p.name).")
            }
        }
        pages.post("parties/:handle/dependants") { request, context in
            try await self.household(request, context, kind: .person, form: Web.dependantForm) { f, p in
                let change = ChangeHousehold(
                    .add, person: p.handle, name: try f.required("name"), category: try f.text("category"), on: try f.day("on"))
                return ({ try change.runChecked(in: $0).warnings }, "Added \(change.name) to the household of \(p.name).")
            }
        }
        pages.post("parties/:handle/dependants/remove") { request, context in
            try await self.household(request, context, kind: .person, form: Web.removeDependantForm) { f, p in
                let d = try Dependant(parsing: try f.required("dependant"))
                let change = ChangeHousehold(.remove, person: p.handle, name: d.name, category: d.category, on: try f.day("on"))
                return ({ try change.runChecked(in: $0).warnings }, "Removed \(d.name) from the household of \(p.name).")
            }
        }
    }

    /// The forms a clerk sees on `p`'s page: a group's to add a member and end a membership, a person's to add a
    /// dependant and remove one (each removal once there is someone to remove).
    func householdForms(_ p: Party) -> [WebForm] {
        switch p.kind {
        case .group: [Web.joinForm(p)] + ((p.members ?? []).isEmpty ? [] : [Web.leaveForm(p)])
        case .person: [Web.dependantForm(p)] + ((p.dependants ?? []).isEmpty ? [] : [Web.removeDependantForm(p)])
        case .authority, .office: []
        }
    }

    static func joinForm(_ p: Party) -> WebForm {
        WebForm(
            action: Web.partyPath(p.handle) + "/join", legend: "Add a member", submit: "Add the member",
            fields: [
                WebField(name: "member", label: "Petitioner (handle)", required: true),
                WebField(name: "from", label: "Member from", kind: .date, hint: "today when left empty"),
            ])
    }

    static func leaveForm(_ p: Party) -> WebForm {
        WebForm(
            action: Web.partyPath(p.handle) + "/leave", legend: "End a membership", submit: "End the membership",
            fields: [
                WebField(name: "member", label: "Member", kind: .select((p.members ?? []).map { ($0, $0) })),
                WebField(name: "on", label: "Last day of membership", kind: .date, required: true),
            ])
    }

    static func dependantForm(_ p: Party) -> WebForm {
        WebForm(
            action: Web.partyPath(p.handle) + "/dependants", legend: "Add a dependant", submit: "Add the dependant",
            fields: [
                WebField(name: "name", label: "Name", required: true),
                WebField(
                    name: "category", label: "Counts as", hint: "e.g. child or incapacitated; \(ChangeHousehold.defaultCategory) when left empty"),
                WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
            ])
    }

    static func removeDependantForm(_ p: Party) -> WebForm {
        WebForm(
            action: Web.partyPath(p.handle) + "/dependants/remove", legend: "Remove a dependant", submit: "Remove the dependant",
            fields: [
                WebField(
                    name: "dependant", label: "Dependant",
                    kind: .select((p.dependants ?? []).map { ("\($0.name):\($0.category)", "\($0.name) (\($0.category))") })),
                WebField(name: "on", label: "On", kind: .date, hint: "today when left empty"),
            ])
    }

    /// Runs the change `work` makes of the fields of `form` (its party's, of `kind`), then goes back to the party's
    /// page, which says what was done (and warns of what is unusual about its day, as the command does); refused, the
    /// page again with what was typed and the sentence beside its field.
    func household(
        _ request: Request, _ context: OfficeContext, kind: PartyKind, form: (Party) -> WebForm,
        work: @escaping (RequestFields, Party) throws -> (@Sendable (Workspace) throws -> [String], String)
    ) async throws -> Response {
        // Without a session there is no token to match: before the party is looked up, to the login page that says the
        // session ended and leads back, as every other form does.
        guard context.session != nil else { throw OfficeContext.sessionEnded(request) }
        let account = try context.signedIn(.clerk, request)
        let handle = try pathHandle(context)
        let party = try await inPath { try await office.run(ShowParty(party: handle), as: account) }
        // Another kind of party: said with a link to its page (the use case's sentence names the command to run).
        guard party.kind == kind else {
            let noun = { (k: PartyKind) in Wording.a(k == .person ? "petitioner" : k.rawValue) }
            throw APIFailure(
                status: .badRequest,
                message: "party: \(quoted(party.handle)) is \(noun(party.kind)) (\(party.name)), not \(noun(kind)); this form is for \(noun(kind)).",
                field: "party", link: Web.partyLink(party))
        }
        let form = form(party)
        let fields = try await context.form(request, of: form)
        let path = Web.partyPath(party.handle)
        return try await once(try fields.text("form_token"), content: Web.formContent(fields.texts), context, form: path, shown: path) {
            let outcome = try await attempt { () async throws -> (String, [String]) in
                let (change, said) = try work(fields, party)
                return (said, try await office.perform(as: account) { try change($0) })
            }
            switch outcome {
            case .success(let (said, warnings)):
                inform([said], context)
                notify(warnings, context)
            case .failure(var failure):
                // A sentence naming a field this form lacks (removing a dependant names its `name`) goes beside its
                // first, and names that one.
                if !form.fields.contains(where: { $0.name == failure.field }) { failure = failure.beside(form.fields.first?.name) }
                return try await self.party(request, context, refill: (form.action, fields.texts, failure))
            }
            throw Redirect.to(path)
        }
    }
}
