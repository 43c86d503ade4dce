import Foundation
import Hummingbird
import PetitionsApp

/// The JSON API's search and case notes: the same use cases, objects and keys as `search --format json` and
/// `petition note --format json`.
extension API {
    static func addCasework(to api: RouterGroup<OfficeContext>, office: Office) {
        api.get("search") { request, context in
            _ = try context.require(.reader)
            let q = Query(request: request)
            guard let query = try q.text("q"), !query.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw PetitionsError(
                    "q is missing; give the words to search for (GET /api/v1/search?q=WORDS).", code: .usage, field: "q", kind: .invalid)
            }
            let kind = try q.text("kind").map { try SearchKind(parsing: $0, field: "kind") }
            let limit = try q.text("limit").map { text in
                guard let n = Int(text) else { throw PetitionsError.invalid("limit", text, "is not a number of results from 1 to 10000") }
                return n
            }
            // The search answers its best matches at once, ranked, not a listing a page at a time: an `offset` would
            // answer the same first matches again, read as the next ones.
            if let offset = try q.text("offset"), offset != "0" {
                throw PetitionsError.invalid(
                    "offset", String(offset.prefix(100)),
                    "is not taken here: the search answers its best matches at once, not a page at a time; ask for more with limit (at most 10000)")
            }
            let search = SearchRecords(query: query, kind: kind, limit: limit ?? 20)
            do {
                return try JSONText.response(try await office.run(search, as: context.account))
            } catch let e as PetitionsError where e.field == "query" {
                // The search's words are `q` in the address: the sentence names `q` too, not the command's QUERY.
                throw APIFailure.from(e).beside("q")
            }
        }
        api.post("petitions/:id/notes") { request, context in
            let account = try context.require(.clerk)
            let id = try pathID(context, "petition")
            let f = try await RequestFields.json(request, context: context, allowed: ["text", "on"])
            let note = NotePetition(petition: id, text: try f.required("text"), on: try f.day("on"))
            let noted = try await inPath { try await office.perform(as: account) { try note.runChecked(in: $0) } }
            return try JSONText.created(noted.note, warnings: noted.warnings)
        }
    }
}
