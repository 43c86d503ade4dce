import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's parties: petitioners (persons), groups, authorities and offices (this one, and others whose logs
/// were merged here).
extension API {
    static func addParties(to api: RouterGroup<OfficeContext>, office: Office) {
        api.get("parties") { request, context in
            _ = try context.require(.reader)
            let kinds = try ListParties.kinds(named: try Query(request: request).text("kind"))
            let paging = try Paging(Query(request: request))
            let parties = try await office.perform(as: context.account) { ws in try ListParties(kinds: kinds).run(in: ws) }
            return try paging.response(parties, request: request)
        }
        api.get("parties/:handle") { _, context in
            _ = try context.require(.reader)
            let handle = try pathHandle(context)
            return try await inPath { try JSONText.response(try await office.run(ShowParty(party: handle), as: context.account)) }
        }
        api.post("petitioners") { request, context in
            let account = try context.require(.clerk)
            let f = try await RequestFields.json(
                request, context: context, allowed: ["name", "handle", "district", "occupation", "group", "dependant", "on"])
            let add = AddPetitioner(
                name: try f.required("name"), handle: try f.text("handle"), district: try f.text("district"), occupation: try f.text("occupation"),
                groups: try f.list("group"), dependants: try f.list("dependant").map { try Dependant(parsing: $0) }, on: try f.day("on"))
            return try API.created(try await office.run(add, as: account), handle: add.handle)
        }
        api.post("groups") { request, context in
            let account = try context.require(.clerk)
            let f = try await RequestFields.json(request, context: context, allowed: ["name", "handle", "district", "count", "on"])
            let add = AddGroup(
                name: try f.required("name"), handle: try f.text("handle"), district: try f.text("district"),
                counts: try f.list("count").map { try HeadCount(parsing: $0, field: "count") }, on: try f.day("on"))
            return try API.created(try await office.run(add, as: account), handle: add.handle)
        }
        api.post("authorities") { request, context in
            let account = try context.require(.clerk)
            let f = try await RequestFields.json(request, context: context, allowed: ["name", "handle", "parent", "reply_within", "on"])
            let add = AddAuthority(
                name: try f.required("name"), handle: try f.text("handle"), parent: try f.text("parent"),
                replyWithin: try f.text("reply_within").map { try Span(parsing: $0, field: "reply_within") }, on: try f.day("on"))
            return try API.created(try await office.run(add, as: account), handle: add.handle)
        }
    }

    /// A party just recorded, 201 as `show --format json` prints it, with `warnings`: the note `add` prints when its
    /// handle, made from its name, was taken (someone of that name is recorded already), in the request's words.
    static func created(_ party: Party, handle given: String?) throws -> Response {
        try JSONText.created(party, warnings: HandleNote.sentence(for: party, given: given).map { [PetitionsError.requestWording($0)] } ?? [])
    }
}
