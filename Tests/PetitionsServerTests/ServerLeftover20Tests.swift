import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Issue 13's leftovers from the nineteenth session's probe of the office server.
@Suite("Server: the nineteenth probe's leftovers") struct ServerLeftover20Tests {
    @Test("a form sent with a refused security token while the session lives is 403 as a page of the site saying to open it again")
    func refusedTokenPage() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.csrf = String(repeating: "0", count: 64)
            var headers = b.formHeaders
            headers[.referer] = "http://localhost/petitions/1"
            let fields = [("text", "A note"), ("on", "1920-02-01")]
            let stale = try await client.execute(uri: "/petitions/1/notes", method: .post, headers: headers, body: b.form(fields))
            #expect(stale.status == .forbidden)
            #expect(stale.text.contains(#"<nav aria-label="Main">"#), "the site's layout, signed in: \(stale.text)")
            #expect(stale.text.contains("This form was out of date"), "\(stale.text)")
            #expect(stale.text.contains(#"<a href="/petitions/1">"#), "a way back to the form's page: \(stale.text)")
            // Without a token at all, the same.
            let none = try await client.execute(uri: "/petitions/1/notes", method: .post, headers: headers, body: b.form(fields, csrf: false))
            #expect(none.status == .forbidden && none.text.contains("This form was out of date"), "\(none.text)")
        }
        #expect(try f.eventCount() == before)
    }
}

extension ServerLeftover20Tests {
    @Test("the dashboard as of another day does not link its petition counts to today's lists; as of today it does")
    func dashboardStatusesAsOf() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        // The petition is opened on 1920-01-20 and answered on 1920-02-10: on 1920-02-01 it was open.
        _ = try ChangePetitionStatus(petition: 1, to: .answered, on: try Day(parsing: "1920-02-10")).run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let past = try await client.execute(uri: "/?as_of=1920-02-01", method: .get, headers: b.headers)
            #expect(past.status == .ok)
            #expect(past.text.contains("<li>open: 1</li>"), "\(past.text)")
            #expect(!past.text.contains("/petitions?status="), "a link to today's list, where it is answered: \(past.text)")
            #expect(past.text.contains("each with the status it had that day"), "\(past.text)")
            let today = try await client.execute(uri: "/", method: .get, headers: b.headers)
            #expect(today.text.contains(#"<a href="/petitions?status=answered">answered</a>: 1"#), "\(today.text)")
            #expect(!today.text.contains("each with the status it had that day"))
            let typedToday = try await client.execute(uri: "/?as_of=\(TemporaryLedger.today)", method: .get, headers: b.headers)
            #expect(typedToday.text.contains(#"<a href="/petitions?status=answered">answered</a>: 1"#), "\(typedToday.text)")
        }
    }
}

extension ServerLeftover20Tests {
    @Test("the attach form has the day as the API's `on`: kept as typed, refused beside it, and a file's bad name is said of the file")
    func attachFormDay() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            clerk.read(page)
            #expect(page.text.contains(#"<input id="petitions-1-attachments-on" name="on" type="date" value="">"#), "\(page.text)")
            // A day that is not one: the page again, the sentence beside the day, what was typed kept.
            let bad = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter)), ("on", "1920-02-30"), ("title", "Scan")], file: ("scan.bin", scanBytes)))
            #expect(bad.status == .badRequest, "\(bad.status)")
            #expect(bad.text.contains(#"id="petitions-1-attachments-on-error""#), "\(bad.text)")
            #expect(bad.text.contains(#"value="1920-02-30""#) && bad.text.contains(#"value="Scan""#), "\(bad.text)")
            // A file whose name is not one: said of the File field the clerk sees, not of a "name" the form has not.
            let named = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter))], file: ("..", scanBytes)))
            #expect(named.status == .badRequest, "\(named.status)")
            #expect(named.text.contains(#"<strong class="error" id="petitions-1-attachments-file-error">file: its name"#), "\(named.text)")
            #expect(!named.text.contains(">name &quot;"), "\(named.text)")
            // A day given is the attachment's.
            let made = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter)), ("on", "1920-02-02")], file: ("scan.bin", scanBytes)))
            #expect(made.status == .seeOther, "\(made.text)")
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListAttachments(letter: letter).run(in: f.ledger.workspace).map(\.added.description) == ["1920-02-02"])
    }
}

extension ServerLeftover20Tests {
    @Test("HEAD of the report answers the headers GET would, not a length of 0, and refuses what GET refuses")
    func headOfTheReport() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for uri in ["/report", "/report?as_of=1920-02-01", "/report?format=csv&section=petitions"] {
                let get = try await client.execute(uri: uri, method: .get, headers: b.headers)
                let head = try await client.execute(uri: uri, method: .head, headers: b.headers)
                #expect(get.status == .ok && head.status == .ok, "\(uri): \(get.status) \(head.status)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.headers[.contentLength] != "0", "\(uri): the report is not empty")
                #expect(head.body.readableBytes == 0)
            }
            for uri in ["/api/v1/report", "/api/v1/report?format=html", "/api/v1/report?format=text"] {
                let get = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                let head = try await client.execute(uri: uri, method: .head, headers: f.bearer(.reader))
                #expect(get.status == .ok && head.status == .ok, "\(uri): \(get.status) \(head.status)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.headers[.contentSecurityPolicy] == get.headers[.contentSecurityPolicy], "\(uri)")
                #expect(head.headers[.contentLength] != "0", "\(uri)")
            }
            for uri in ["/api/v1/report?as_of=1920-13-01", "/api/v1/report?authority=nobody", "/api/v1/report?since=1920-03-01&as_of=1920-02-01"] {
                let get = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                let head = try await client.execute(uri: uri, method: .head, headers: f.bearer(.reader))
                #expect(get.status.code >= 400 && head.status == get.status, "\(uri): \(get.status) \(head.status)")
            }
            let signedOut = try await client.execute(uri: "/report", method: .head)
            #expect(signedOut.status == .seeOther)
        }
    }
}

extension ServerLeftover20Tests {
    @Test("pipelined behind a request, a request line too long for the decoder is 414 answered as its address says, not 431")
    func pipelinedLongAddress() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        var settings = f.settings
        settings.port = 0
        let long = String(repeating: "a", count: 100_000)
        let token = f.tokens[.clerk] ?? ""
        let body = "{}"
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            // Sent at once: a request without a body, then a page's address too long, on one connection.
            let page = try await rawExchangeOffThePool(
                port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /search?q=\(long) HTTP/1.1\r\nHost: x\r\n\r\n")
            let pageAnswers = page.components(separatedBy: "HTTP/1.1 ").dropFirst()
            #expect(pageAnswers.first?.hasPrefix("200") == true, "\(page.prefix(300))")
            #expect(pageAnswers.dropFirst().first?.hasPrefix("414") == true, "\(page.prefix(1500))")
            #expect(page.contains("<h1>414 URI Too Long</h1>"), "answered as a page: \(page.prefix(1500))")
            // Behind a request with a body (its bytes are not a head's), under /api/: JSON.
            let api = try await rawExchangeOffThePool(
                port: port,
                "POST /api/v1/letters/\(letter)/attachments?name=a.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                    + "GET /api/v1/search?q=\(long) HTTP/1.1\r\nHost: x\r\n\r\n")
            let apiAnswers = api.components(separatedBy: "HTTP/1.1 ").dropFirst()
            #expect(apiAnswers.first?.hasPrefix("201") == true, "\(api.prefix(300))")
            #expect(apiAnswers.dropFirst().first?.hasPrefix("414") == true, "\(api.prefix(1500))")
            #expect(api.contains(#""error" : "The address is too long"#) || api.contains(#""error":"The address is too long"#), "\(api.prefix(1500))")
        }
    }
}

extension ServerLeftover20Tests {
    @Test("a listing's page past its last (a stale next link) is 404 with a link to the last page, its filters kept")
    func pagePastTheEnd() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let past = try await client.execute(uri: "/petitions?status=open&page=3", method: .get, headers: b.headers)
            #expect(past.status == .notFound)
            #expect(past.text.contains("page 3: there is 1 page of rows."), "\(past.text)")
            #expect(past.text.contains(#"<a href="/petitions?status=open">Go to the last page (page 1)</a>"#), "\(past.text)")
            let overdue = try await client.execute(uri: "/overdue?as_of=1920-03-04&page=2", method: .get, headers: b.headers)
            #expect(overdue.status == .notFound)
            #expect(overdue.text.contains(#"<a href="/overdue?as_of=1920-03-04">Go to the last page (page 1)</a>"#), "\(overdue.text)")
        }
    }
}

extension ServerLeftover20Tests {
    @Test("a party's forms sent once the session has ended lead to the login page that says so, as every other form does")
    func partyFormsAfterTheSession() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            // The session the page was drawn in is one the server no longer knows (12 hours idle, a restart).
            var gone = Browser()
            gone.cookie = "petitions_session=" + String(repeating: "0", count: 64)
            gone.csrf = String(repeating: "1", count: 64)
            var headers = gone.formHeaders
            headers[.referer] = "http://localhost/parties/dmitrov-post"
            for action in [
                "/parties/dmitrov-post/edit", "/parties/dmitrov-post/join", "/parties/dmitrov-post/leave", "/parties/dmitrov-post/dependants",
            ] {
                let r = try await client.execute(uri: action, method: .post, headers: headers, body: gone.form([("name", "x")]))
                #expect(r.status == .seeOther, "\(action): \(r.status) \(r.text)")
                #expect(r.headers[.location] == "/login?ended=form&next=/parties/dmitrov-post", "\(action)")
            }
        }
        #expect(try f.eventCount() == before)
    }
}

extension ServerLeftover20Tests {
    @Test("a search or a party filter holding a control character (pasted) comes back beside its field on its page, not a bare error")
    func filtersRefusedBesideTheirFields() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let sentence = "holds the control character \\u0001; text may hold tabs and new lines but no other control characters."
            for (uri, id) in [
                ("/search?q=a%01b", "search-q-error"), ("/petitions?search=a%01b", "filter-search-error"),
                ("/petitions?party=a%01b", "filter-party-error"), ("/letters?party=a%01b", "filter-party-error"),
            ] {
                let r = try await client.execute(uri: uri, method: .get, headers: b.headers)
                #expect(r.status == .badRequest, "\(uri): \(r.status)")
                #expect(r.text.contains(#"<nav aria-label="Main">"#), "\(uri): the page, not a bare error: \(r.text)")
                #expect(r.text.contains(#"id="\#(id)">"#) && r.text.contains(sentence), "\(uri): \(r.text)")
            }
        }
    }
}
