import Foundation
import Hummingbird
import PetitionsApp

/// The search page: the box every page's header carries leads here; results name their kind, link their title to
/// where the record is read, and show a snippet with the matched words marked.
extension Web {
    func addSearch(to pages: RouterGroup<OfficeContext>) {
        pages.get("search") { request, context in try await self.searchPage(request, context) }
    }

    func searchPage(_ request: Request, _ context: OfficeContext) async throws -> Response {
        let account = try context.signedIn(.reader, request)
        // As typed: one that cannot be read (a control character pasted in) is refused beside the field, as a search
        // the index cannot read is.
        let typed = Web.typedQuery(request, "q")
        var field = WebField(
            name: "q", label: "Search for", value: typed, hint: "words, \"a phrase\" in quotes, a prefix such as prov*, AND, OR or NOT between words")
        var values: [String: Any] = ["q": typed]
        var status = HTTPResponse.Status.ok
        if !typed.trimmingCharacters(in: .whitespaces).isEmpty {
            let query = Query(request: request)
            let outcome = try await attempt {
                try await office.run(SearchWithPlaces(SearchRecords(query: try query.text("q") ?? "", limit: 50)), as: account)
            }
            switch outcome {
            case .success(let hits):
                values["searched"] = true
                values["hits"] = hits.map(Web.hitValues)
            case .failure(let failure):
                // The sentence names the search's words as the form names them (`q`), not as the command does (QUERY).
                field.error = failure.beside("q").message
                status = failure.status
            }
        }
        values["fields"] = [field.values(form: "search")]
        return page("search", typed.isEmpty || status != .ok ? "Search" : "Search for \(typed)", values, context, status: status)
    }

    /// One result as the template shows it: the link is to the party, or to the petition the record belongs to.
    static func hitValues(_ placed: PlacedHit) -> [String: Any] {
        let hit = placed.hit
        var v: [String: Any] = [
            "kind": hit.kind.rawValue, "title": hit.title, "day": hit.day?.description ?? "", "snippet": marked(hit.snippet, hit.matches),
        ]
        if hit.kind == .party, let handle = hit.handle {
            v["href"] = Web.partyPath(handle)
        } else if let petition = placed.petition {
            v["href"] = "/petitions/\(petition)"
        }
        return v
    }

    /// A snippet as HTML: each matched word (where `matches` says, in code points) in `<mark>` without the ⟦ ⟧ that
    /// mark it in text, everything else escaped; brackets or marks in the ledger's own text stay text.
    static func marked(_ snippet: String, _ matches: [[Int]]) -> String {
        let scalars = Array(snippet.unicodeScalars)
        func text(_ from: Int, _ to: Int) -> String {
            guard from < to, from >= 0, to <= scalars.count else { return "" }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[from..<to])
            return String(s)
        }
        var out = ""
        var cursor = 0
        for m in matches where m.count == 2 && m[0] >= cursor + 1 && m[0] + m[1] < scalars.count {
            out += HTML.escape(text(cursor, m[0] - 1)) + "<mark>" + HTML.escape(text(m[0], m[0] + m[1])) + "</mark>"
            cursor = m[0] + m[1] + 1
        }
        return out + HTML.escape(text(cursor, scalars.count))
    }
}
