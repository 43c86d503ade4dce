import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// The fixture with a second petition and `count` letters sent to the supply centre that wait for a reply, numbered in
/// their subjects.
func fixtureWithLetters(_ count: Int) throws -> ServerFixture {
    let f = try ServerFixture()
    _ = try LogPetition(from: "dmitrov-post", to: "moscow-supply", subject: "February provisions", on: try Day(parsing: "1920-02-20")).run(
        in: f.ledger.workspace)
    for n in 1...count {
        _ = try SendLetter(
            from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-02-01"), subject: "Letter \(n)", petition: 1
        ).run(in: f.ledger.workspace)
    }
    return f
}

/// `rows` as the command line prints them with `--format json`.
func houseText<T: Encodable>(_ rows: [T]) throws -> String { String(decoding: try HouseJSONEncoder().encode(rows), as: UTF8.self) + "\n" }

extension TestResponse {
    /// The address of the `rel` link of a `Link` header, when there is one.
    func link(_ rel: String) -> String? {
        for part in (headers[HTTPField.Name("Link")!] ?? "").split(separator: ",") where part.contains("rel=\"\(rel)\"") {
            guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">") else { return nil }
            return String(part[part.index(after: open)..<close])
        }
        return nil
    }

    var total: Int? { headers[HTTPField.Name("X-Total-Count")!].flatMap { Int($0) } }
}

@Suite("Paging the API's listings and the web's tables") struct PagingTests {
    @Test("overdue: the first page, the next by its link, the last; each page the command's rows, byte for byte")
    func overduePages() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let all = try ListOverdue(asOf: TemporaryLedger.today).run(in: f.ledger.workspace)
        #expect(all.count == 2)
        try await f.test { client in
            let first = try await client.execute(uri: "/api/v1/overdue?as_of=1920-03-04&limit=1", method: .get, headers: f.bearer(.reader))
            #expect(first.status == .ok)
            #expect(first.text == (try houseText([all[0]])))
            #expect(first.total == 2)
            #expect(first.link("next") == "/api/v1/overdue?as_of=1920-03-04&limit=1&offset=1")
            #expect(first.link("last") == "/api/v1/overdue?as_of=1920-03-04&limit=1&offset=1")
            #expect(first.link("prev") == nil)
            let next = try await client.execute(uri: first.link("next") ?? "", method: .get, headers: f.bearer(.reader))
            #expect(next.text == (try houseText([all[1]])))
            #expect(next.link("next") == nil && next.link("prev") == "/api/v1/overdue?as_of=1920-03-04&limit=1&offset=0")
            // The whole listing in one page, as before paging: no link, the total.
            let whole = try await client.execute(uri: "/api/v1/overdue", method: .get, headers: f.bearer(.reader))
            #expect(whole.text == (try houseText(all)) && whole.total == 2 && whole.headers[HTTPField.Name("Link")!] == nil)
            // Past the last row: an empty page, still the total.
            let past = try await client.execute(uri: "/api/v1/overdue?offset=10", method: .get, headers: f.bearer(.reader))
            #expect(past.status == .ok && past.array.isEmpty && past.total == 2)
        }
    }

    @Test("a limit or an offset that is not a number in range is 400 naming it, with the headers")
    func badPaging() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let cases = [
                ("limit=-1", "limit"), ("limit=abc", "limit"), ("limit=1001", "limit"), ("limit=0", "limit"), ("limit=1.5", "limit"),
                ("limit=+5", "limit"), ("offset=-1", "offset"), ("offset=x", "offset"), ("offset=99999999999", "offset"),
            ]
            for path in ["overdue", "unanswered", "letters", "petitions", "events", "deliveries", "parties", "check"] {
                for (query, field) in cases {
                    let r = try await client.execute(uri: "/api/v1/\(path)?\(query)", method: .get, headers: f.bearer(.reader))
                    #expect(r.status == .badRequest, "\(path)?\(query): \(r.status)")
                    #expect(r.object["field"] as? String == field, "\(path)?\(query)")
                    #expect((r.object["error"] as? String)?.contains(field) == true)
                    #expect(r.headers[.xContentTypeOptions] == "nosniff")
                }
            }
        }
    }

    @Test("an empty limit or offset is the default, as docs/openapi.yaml says, on every listing")
    func emptyPaging() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            for path in ["overdue", "unanswered", "letters", "petitions", "events", "deliveries", "parties", "check"] {
                let plain = try await client.execute(uri: "/api/v1/\(path)", method: .get, headers: f.bearer(.reader))
                let empty = try await client.execute(uri: "/api/v1/\(path)?limit=&offset=", method: .get, headers: f.bearer(.reader))
                #expect(empty.status == .ok && empty.text == plain.text && empty.total == plain.total, "\(path)")
            }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let yaml = try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(yaml.contains("at most 1000; empty is the default") && readme.contains("at most 1000; empty is the default"))
    }

    @Test("search answers its best matches at once: an offset past 0 is 400 naming it, never the first matches again")
    func searchOffset() async throws {
        let f = try fixtureWithLetters(3)
        defer { f.ledger.remove() }
        try await f.test { client in
            let first = try await client.execute(uri: "/api/v1/search?q=letter&limit=1", method: .get, headers: f.bearer(.reader))
            #expect(first.status == .ok && first.array.count == 1)
            let zero = try await client.execute(uri: "/api/v1/search?q=letter&limit=1&offset=0", method: .get, headers: f.bearer(.reader))
            #expect(zero.status == .ok && zero.text == first.text)
            for offset in ["1", "20", "x"] {
                let r = try await client.execute(uri: "/api/v1/search?q=letter&limit=1&offset=\(offset)", method: .get, headers: f.bearer(.reader))
                #expect(r.status == .badRequest, "offset=\(offset): \(r.status)")
                #expect(r.object["field"] as? String == "offset")
                #expect((r.object["error"] as? String)?.contains("limit") == true, "\(r.text)")
            }
        }
    }

    @Test("unanswered, letters, events, petitions, parties, deliveries and check's findings page alike")
    func everyListing() async throws {
        let f = try fixtureWithLetters(5)
        defer { f.ledger.remove() }
        try await f.test { client in
            var seen: [String] = []
            var next: String? = "/api/v1/unanswered?as_of=1920-03-04&limit=2"
            while let uri = next {
                let r = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                #expect(r.status == .ok && r.total == 5 && r.array.count <= 2)
                seen += r.array.compactMap { ($0 as? [String: Any])?["subject"] as? String }
                next = r.link("next")
            }
            #expect(seen == (1...5).map { "Letter \($0)" })
            for path in ["letters", "events", "petitions", "parties", "deliveries"] {
                let whole = try await client.execute(uri: "/api/v1/\(path)?limit=1000", method: .get, headers: f.bearer(.reader))
                let one = try await client.execute(uri: "/api/v1/\(path)?limit=1&offset=1", method: .get, headers: f.bearer(.reader))
                try #require(whole.array.count >= 2, "\(path): \(whole.array.count) rows")
                #expect(one.total == whole.array.count, "\(path)")
                #expect(one.array.count == 1 && one.link("prev") != nil && one.link("first") != nil, "\(path)")
                #expect(
                    (one.array.first as? [String: Any]).map { NSDictionary(dictionary: $0) }
                        == (whole.array[1] as? [String: Any]).map { NSDictionary(dictionary: $0) },
                    "\(path)")
            }
            let check = try await client.execute(uri: "/api/v1/check?as_of=1920-03-04&limit=1", method: .get, headers: f.bearer(.reader))
            #expect(check.status == .ok && check.object["as_of"] as? String == "1920-03-04")
            #expect((check.object["findings"] as? [Any])?.count == 1 && (check.total ?? 0) > 1)
        }
    }

    @Test("the dashboard shows the first 25 rows, '25 of 105', and a link to every row page by page")
    func dashboardAndPages() async throws {
        let f = try fixtureWithLetters(105)
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let home = try await client.execute(uri: "/?as_of=1920-03-04", method: .get, headers: b.headers)
            #expect(home.status == .ok)
            #expect(home.text.contains("25 of 105"))
            #expect(home.text.contains("href=\"/unanswered?as_of=1920-03-04\""))
            #expect(home.text.contains("Letter 25<") && !home.text.contains("Letter 26<"))
            #expect(home.text.contains("2 of 2"), "every overdue delivery shown, and said so")
            let first = try await client.execute(uri: "/unanswered?as_of=1920-03-04", method: .get, headers: b.headers)
            #expect(first.status == .ok)
            #expect(first.text.contains("Rows 1–100 of 105, page 1 of 2."))
            #expect(first.text.contains("Letter 100<") && !first.text.contains("Letter 101<"))
            #expect(first.text.contains("href=\"/unanswered?as_of=1920-03-04&amp;page=2\" rel=\"next\""))
            let last = try await client.execute(uri: "/unanswered?as_of=1920-03-04&page=2", method: .get, headers: b.headers)
            #expect(last.text.contains("Rows 101–105 of 105, page 2 of 2.") && last.text.contains("Letter 105<"))
            #expect(!last.text.contains("rel=\"next\"") && last.text.contains("rel=\"prev\""))
            let past = try await client.execute(uri: "/unanswered?as_of=1920-03-04&page=3", method: .get, headers: b.headers)
            #expect(past.status == .notFound && past.text.contains("there are 2 pages"))
            for bad in ["0", "-1", "two"] {
                let r = try await client.execute(uri: "/overdue?page=\(bad)", method: .get, headers: b.headers)
                #expect(r.status == .badRequest && r.text.contains("page"), "page=\(bad)")
            }
            let overdue = try await client.execute(uri: "/overdue?as_of=1920-03-04", method: .get, headers: b.headers)
            #expect(overdue.status == .ok && overdue.text.contains("Rows 1–2 of 2, page 1 of 1."))
            let petitions = try await client.execute(uri: "/petitions", method: .get, headers: b.headers)
            #expect(petitions.text.contains("Rows 1–2 of 2, page 1 of 1."))
            let deliveries = try await client.execute(uri: "/deliveries?page=1", method: .get, headers: b.headers)
            #expect(deliveries.text.contains("Rows 1–3 of 3"))
            // An empty listing says so once, in its own words, without a pager above and below saying "No rows." too.
            for (path, calm) in [("/unanswered", "No letter is waiting for a reply."), ("/overdue", "No delivery is overdue.")] {
                let empty = try await client.execute(uri: path + "?as_of=1900-01-01", method: .get, headers: b.headers)
                #expect(empty.status == .ok && empty.text.contains(calm) && !empty.text.contains("No rows."), "\(path)")
            }
        }
    }
}

/// The web's letters and events pages (README names them): paged tables read in SQL, with their filters.
@Suite("Web application: the letters and events pages") struct WebRecordPagesTests {
    @Test("/letters lists the letters 100 a page, oldest first, with names; waiting and party filter; an unknown party is 400 beside it")
    func lettersPage() async throws {
        let f = try fixtureWithLetters(105)
        defer { f.ledger.remove() }
        _ = try ReceiveLetter(
            from: "moscow-supply", to: "dmitrov-post", on: try Day(parsing: "1920-02-10"), subject: "A reply", inReplyTo: 1, petition: 1
        ).run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let first = try await client.execute(uri: "/letters", method: .get, headers: b.headers)
            #expect(first.status == .ok)
            #expect(first.text.contains(#"<a href="/letters">Letters</a>"#) && first.text.contains(#"<a href="/events">Events</a>"#))
            #expect(first.text.contains("Rows 1–100 of 106, page 1 of 2."), "\(first.text)")
            #expect(first.text.contains("Moscow postal-telegraph supply centre") && first.text.contains(">Letter 1<"))
            #expect(!first.text.contains(">Letter 105<"))
            let second = try await client.execute(uri: "/letters?page=2", method: .get, headers: b.headers)
            #expect(second.status == .ok && second.text.contains(">Letter 105<") && second.text.contains(">A reply<"))
            #expect(!second.text.contains(">Letter 99<"))
            // As `letter list --waiting` (the API's): the reply waits for nothing, and answers what it answers.
            let api = try await client.execute(uri: "/api/v1/letters?waiting=true", method: .get, headers: f.bearer(.reader))
            let waitingCount = try #require(api.total)
            #expect(waitingCount < 106)
            let waiting = try await client.execute(uri: "/letters?waiting=true", method: .get, headers: b.headers)
            #expect(waiting.text.contains(waitingCount == 0 ? "No letter matches." : "of \(waitingCount), page 1"), "\(waiting.text)")
            #expect(!waiting.text.contains(">A reply<"))
            if waitingCount > 100 { #expect(waiting.text.contains(#"href="/letters?waiting=true&amp;page=2""#)) }
            let sentOnly = try await client.execute(uri: "/letters?party=moscow-supply&page=2", method: .get, headers: b.headers)
            #expect(sentOnly.status == .ok && sentOnly.text.contains("Rows 101–106 of 106"))
            #expect(sentOnly.text.contains(#"href="/letters?party=moscow-supply""#), "the first page's link keeps the filter")
            let unknown = try await client.execute(uri: "/letters?party=nobody", method: .get, headers: b.headers)
            #expect(unknown.status == .badRequest && unknown.text.contains("nobody") && unknown.text.contains(#"aria-invalid="true""#))
            #expect(!unknown.text.contains("No letter matches"))
            let past = try await client.execute(uri: "/letters?page=3", method: .get, headers: b.headers)
            #expect(past.status == .notFound)
        }
    }

    @Test("/events lists the event log newest first, 100 a page; kind and party filter; a kind that is none is 400 beside it")
    func eventsPage() async throws {
        let f = try fixtureWithLetters(105)
        defer { f.ledger.remove() }
        let all = try ListEvents().run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let first = try await client.execute(uri: "/events", method: .get, headers: b.headers)
            #expect(first.status == .ok)
            #expect(all.count > 100 && all.count < 1000)
            #expect(first.text.contains("Rows 1–100 of \(all.count)"), "\(first.text)")
            // Newest first: the latest day's last event on the first page, the earliest on the last page.
            let newest = try #require(all.max { ($0.day, $0.id) < ($1.day, $1.id) })
            let oldest = try #require(all.min { ($0.day, $0.id) < ($1.day, $1.id) })
            let last = try await client.execute(uri: "/events?page=\(WebPagerPages.of(all.count))", method: .get, headers: b.headers)
            #expect(first.text.contains(escaped(newest.summary)) && last.text.contains(escaped(oldest.summary)))
            let sent = try await client.execute(uri: "/events?kind=letter.sent", method: .get, headers: b.headers)
            #expect(sent.status == .ok && sent.text.contains("Rows 1–100 of 105,"))
            #expect(!sent.text.contains("petition.logged</td>"))
            let bad = try await client.execute(uri: "/events?kind=nonsense", method: .get, headers: b.headers)
            #expect(bad.status == .badRequest && bad.text.contains("is not a kind of event") && bad.text.contains(#"aria-invalid="true""#))
            let party = try await client.execute(uri: "/events?party=nobody", method: .get, headers: b.headers)
            #expect(party.status == .badRequest)
        }
    }

    @Test("an id in a page's address is written as ids are: /petitions/01 and /petitions/+1 are 404")
    func webPathIDs() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            #expect(try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers).status == .ok)
            for path in ["/petitions/01", "/petitions/+1", "/petitions/%2B1", "/attachments/01"] {
                #expect(try await client.execute(uri: path, method: .get, headers: b.headers).status == .notFound, "\(path)")
            }
        }
    }
}

/// How many pages of 100 rows `n` rows make.
enum WebPagerPages {
    static func of(_ n: Int) -> Int { max(1, (n + 99) / 100) }
}
