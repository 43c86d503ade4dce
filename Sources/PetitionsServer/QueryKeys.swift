import Hummingbird
import PetitionsApp

/// Refuses a key in an API address that the route does not read (400, naming it and the keys it does read): a
/// misspelt filter (`/api/v1/petitions?stauts=resolved`) used to be dropped without a word, and the answer, every
/// petition, passed for the filtered one.
struct QueryKeys: RouterMiddleware {
    typealias Context = OfficeContext

    /// The keys each route reads, by method and route (as the router names it, `{id}` for a captured id); a route
    /// not listed reads none. Paged listings also read `limit` and `offset`.
    static let keys: [String: [String]] = [
        "GET overdue": ["as_of", "limit", "offset"],
        "GET unanswered": ["as_of", "limit", "offset"],
        "GET check": ["as_of", "limit", "offset"],
        "GET report": ["as_of", "format", "section", "authority", "recipient", "decree", "since", "redact"],
        "GET events": ["party", "petition", "kind", "since", "limit", "offset"],
        "GET deliveries": ["period", "status", "decree", "recipient", "limit", "offset"],
        "GET letters": ["petition", "party", "waiting", "search", "limit", "offset"],
        "GET petitions": ["status", "party", "search", "limit", "offset"],
        "GET parties": ["kind", "limit", "offset"],
        // `offset` is read to be refused in the search's own words (search pages by `limit` alone).
        "GET search": ["q", "kind", "limit", "offset"],
        "POST letters/{id}/attachments": ["name", "title", "on"],
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let query = request.uri.query, !query.isEmpty else { return try await next(request, context) }
        let route = String((context.endpointPath ?? "").drop { $0 == "/" }.dropFirst("api/v1/".count))
        let known = Self.keys["\(request.method.rawValue) \(route)"] ?? []
        for (key, _) in Form.pairs(query) where !known.contains(key) {
            let reads = known.isEmpty ? "this address reads no keys" : "this address reads \(known.joined(separator: ", "))"
            throw APIFailure.invalid(key, "\(quoted(key)) is not a key of this address; \(reads).")
        }
        return try await next(request, context)
    }
}
