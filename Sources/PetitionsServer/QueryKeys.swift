import Hummingbird
import PetitionsApp

/// Refuses a key in an address that the route does not read (400, naming it and the keys it does read): a
/// misspelt filter (`/api/v1/petitions?stauts=resolved`, `/petitions?stauts=resolved`) used to be dropped without a
/// word, and the answer, every petition, passed for the filtered one. The API and the web pages each have a table.
struct QueryKeys: RouterMiddleware {
    typealias Context = OfficeContext

    /// What the routes' names start with (`api/v1/`), dropped before looking them up.
    var prefix: String
    /// The keys each route reads, by method and route (as the router names it, `{id}` for a captured id, "" for
    /// the root); a route not listed reads none.
    var keys: [String: [String]]

    /// The API's routes. Paged listings also read `limit` and `offset`.
    static let api = QueryKeys(
        prefix: "api/v1/",
        keys: [
            "GET overdue": ["as_of", "limit", "offset"],
            "GET unanswered": ["as_of", "limit", "offset"],
            "GET check": ["as_of", "limit", "offset"],
            "GET report": ["format", "section"] + ReportAsked.filters,
            "GET events": ["party", "petition", "kind", "since", "limit", "offset"],
            "GET deliveries": ["period", "status", "decree", "recipient", "limit", "offset"],
            "GET letters": ["petition", "party", "waiting", "search", "limit", "offset"],
            "GET petitions": ["status", "party", "search", "limit", "offset"],
            "GET parties": ["kind", "limit", "offset"],
            // `offset` is read to be refused in the search's own words (search pages by `limit` alone).
            "GET search": ["q", "kind", "limit", "offset"],
            "POST letters/{id}/attachments": ["name", "title", "on"],
        ])

    /// The web pages' routes. Paged listings also read `page`; a form is posted to an address without a query.
    static let web = QueryKeys(
        prefix: "",
        keys: [
            "GET ": ["as_of"],
            "GET login": ["next", "ended"],
            "GET overdue": ["as_of", "page"],
            "GET unanswered": ["as_of", "page"],
            "GET petitions": ["status", "party", "search", "page"],
            "GET letters": ["waiting", "party", "page"],
            "GET events": ["kind", "party", "page"],
            "GET deliveries": ["as_of", "page"],
            // The receipt form of the deliveries as of a day: the day the page comes back as of.
            "POST deliveries/receipts": ["as_of"],
            "GET parties": ["kind", "page"],
            "GET parties/new": ["kind"],
            "GET search": ["q"],
            "GET report": ["format", "section"] + ReportAsked.filters,
        ])

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let query = request.uri.query, !query.isEmpty else { return try await next(request, context) }
        let route = String((context.endpointPath ?? "").drop { $0 == "/" }.dropFirst(prefix.count))
        // HEAD is answered as GET (the router's generated HEAD endpoints), and reads the same keys.
        let method = request.method == .head ? HTTPRequest.Method.get : request.method
        let known = keys["\(method.rawValue) \(route)"] ?? []
        // Every key and value is decoded here, once for every route, so a value that is not UTF-8 is refused by name
        // before any route reads it.
        for (key, _) in try Form.pairs(query) where !known.contains(key) {
            let reads = known.isEmpty ? "this address reads no keys" : "this address reads \(known.joined(separator: ", "))"
            throw APIFailure.invalid(key, "\(quoted(key)) is not a key of this address; \(reads).")
        }
        return try await next(request, context)
    }
}
