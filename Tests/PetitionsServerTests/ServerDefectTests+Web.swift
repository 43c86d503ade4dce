import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// The web application's defects a tester found (issue 13), each with its test.
extension ServerDefectTests {
    /// The count of `status` in the dashboard's petitions by status.
    static func dashboardCount(_ page: String, status: String) -> Int? {
        // As of today each count links to the petitions of its status; as of another day it is not a link.
        guard let range = page.range(of: "status=\(status)\">\(status)</a>: ") ?? page.range(of: "<li>\(status): ") else { return nil }
        return Int(page[range.upperBound...].prefix { $0.isNumber })
    }

    /// The dashboard's "Open petitions" card.
    static func openCard(_ page: String) -> Int? {
        guard let range = page.range(of: "<dt>Open petitions</dt><dd>") else { return nil }
        return Int(page[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("the dashboard counts petitions by the status each had on the as-of day, as the report does")
    func dashboardPetitionsAsOf() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        // Petition 1 opened 1920-01-20; a second opened 1920-02-10, answered on 1920-02-20 and resolved on 1920-03-04
        // (a change dated before the last one is refused: statuses follow one another in time).
        let second = try LogPetition(
            from: "dmitrov-post", to: "moscow-supply", subject: "February provisions", on: try Day(parsing: "1920-02-10")
        ).run(in: ws)
        _ = try ChangePetitionStatus(petition: second.id, to: .answered, on: try Day(parsing: "1920-02-20")).run(in: ws)
        _ = try ChangePetitionStatus(petition: second.id, to: .resolved, on: try Day(parsing: "1920-03-04")).run(in: ws)
        let reportOpen = try BuildReport(asOf: try Day(parsing: "1920-02-15")).run(in: ws).summary.openPetitions
        #expect(reportOpen == 2)
        let days = ["1919-01-01", "1920-01-20", "1920-02-15", "1920-02-20", "1920-03-01", "1920-03-04"]
        let expected = try days.map { day in
            let lines = try BuildReport(asOf: try Day(parsing: day)).run(in: ws).petitions
            return Dictionary(grouping: lines, by: \.status).mapValues(\.count)
        }
        #expect(expected[0].isEmpty && expected[2][.open] == 2 && expected[3][.answered] == 1 && expected[4][.answered] == 1)
        #expect(expected[5][.resolved] == 1)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for (day, counts) in zip(days, expected) {
                let r = try await client.execute(uri: "/?as_of=\(day)", method: .get, headers: b.headers)
                #expect(r.status == .ok)
                #expect(Self.openCard(r.text) == counts[.open] ?? 0, "as of \(day)")
                for status in PetitionStatus.allCases {
                    #expect(Self.dashboardCount(r.text, status: status.rawValue) == counts[status] ?? 0, "as of \(day): \(status)")
                }
            }
        }
    }

    @Test("a filter or day that is not one comes back as the page's form with the sentence beside the field, status 400")
    func refusedFilters() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let cases = [
                ("/petitions?status=bogus", "filter-status-error", "status &#39;bogus&#39; is not a petition status"),
                ("/?as_of=1920-02-30", "as_of-error", "as_of &#39;1920-02-30&#39; does not exist: February 1920 has 29 days."),
                ("/overdue?as_of=soon", "as_of-error", "as_of &#39;soon&#39; is not a day"),
                ("/unanswered?as_of=1920-13-01", "as_of-error", "as_of &#39;1920-13-01&#39;"),
            ]
            for (path, errorID, sentence) in cases {
                let r = try await client.execute(uri: path, method: .get, headers: b.headers)
                #expect(r.status == .badRequest, "\(path)")
                // The page itself (its header and navigation), not the bare error page.
                #expect(r.text.contains(#"<nav aria-label="Main">"#), "\(path)")
                #expect(r.text.contains("id=\"\(errorID)\"") && r.text.contains(sentence), "\(path): \(r.text)")
                #expect(r.text.contains(#"aria-invalid="true""#), "\(path)")
            }
            let day = try await client.execute(uri: "/?as_of=1920-02-30", method: .get, headers: b.headers)
            #expect(day.text.contains(#"value="1920-02-30""#))
            #expect(!day.text.contains("Open petitions"))
        }
    }

    @Test("the petition page has a case note form for clerks and admins, with its CSRF token; the note is listed after")
    func caseNoteForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let seen = try await client.execute(uri: "/petitions/1", method: .get, headers: reader.headers)
            #expect(seen.status == .ok && !seen.text.contains(#"action="/petitions/1/notes""#))
            let refused = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: reader.formHeaders, body: reader.form([("text", "A reader's note")]))
            #expect(refused.status == .forbidden)

            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            #expect(page.text.contains(#"<form method="post" action="/petitions/1/notes""#))
            #expect(page.text.contains(#"<label for="petitions-1-notes-text">Note</label>"#))
            let forged = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: clerk.formHeaders, body: clerk.form([("text", "Forged")], csrf: false))
            #expect(forged.status == .forbidden)
            let empty = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: clerk.formHeaders, body: clerk.form([("text", " "), ("on", "1920-02-02")]))
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains(#"id="petitions-1-notes-text-error""#) && empty.text.contains(#"value="1920-02-02""#))
            #expect(try f.eventCount() == before)
            let noted = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: clerk.formHeaders,
                body: clerk.form([("text", "Telephoned the supply centre <again>"), ("on", "1920-02-02")]))
            #expect(noted.status == .seeOther && noted.headers[.location] == "/petitions/1")
            let after = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            #expect(after.text.contains("<span class=\"day\">1920-02-02</span> Telephoned the supply centre &lt;again&gt;</li>"))
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListEvents().run(in: f.ledger.workspace).max(by: { $0.id < $1.id })?.actor == "clerk-user")
    }

    /// The one-time `form_token` of the form posting to `action` on `page`.
    static func formToken(_ page: String, action: String) -> String? {
        guard let form = page.range(of: "action=\"\(action)\""), let field = page[form.upperBound...].range(of: #"name="form_token" value=""#)
        else { return nil }
        return String(page[field.upperBound...].prefix { $0 != "\"" })
    }

    @Test("a form sent twice (double click, reload, back) is recorded once; the second goes where the first led")
    func formsRecordedOnce() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let new = try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers)
            b.read(new)
            let token = try #require(Self.formToken(new.text, action: "/petitions"))
            #expect(token.count == 32)
            let fields = [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Sent twice"), ("on", "1920-02-20"), ("form_token", token)]
            // A double click: both at once.
            async let first = client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields))
            async let second = client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields))
            let (one, two) = try await (first, second)
            #expect(one.status == .seeOther && two.status == .seeOther)
            #expect(one.headers[.location] == "/petitions/2" && two.headers[.location] == "/petitions/2")
            // A reload or the back button, later.
            let again = try await client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields))
            #expect(again.status == .seeOther && again.headers[.location] == "/petitions/2")
            #expect(try f.eventCount() == before + 1)

            // A form refused may be corrected and sent again with its token; recorded once then.
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            let noteToken = try #require(Self.formToken(page.text, action: "/petitions/1/notes"))
            let bad = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: b.formHeaders,
                body: b.form([("text", "A note"), ("on", "1920-02-31"), ("form_token", noteToken)]))
            #expect(bad.status == .badRequest)
            for _ in 0..<2 {
                let good = try await client.execute(
                    uri: "/petitions/1/notes", method: .post, headers: b.formHeaders,
                    body: b.form([("text", "A note"), ("on", "1920-02-21"), ("form_token", noteToken)]))
                #expect(good.status == .seeOther && good.headers[.location] == "/petitions/1")
            }
            #expect(try f.eventCount() == before + 2)
            // Each drawing of a form has a token of its own: the same form drawn again records again.
            let fresh = try #require(
                Self.formToken(try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers).text, action: "/petitions"))
            #expect(fresh != token)
        }
    }

    @Test("a form that records, sent with an over-long form_token, is 400 saying to reload, and records nothing")
    func formTokenRequired() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let admin = try await Browser.logIn(client, "admin-user", ServerFixture.passwords[.admin] ?? "")
            let posts: [(Browser, String, [(String, String)])] = [
                (b, "/petitions/1/notes", [("text", "A note sent twice without a token")]),
                (b, "/petitions", [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "No token"), ("on", "1920-02-20")]),
                (b, "/petitions/1/status", [("to", "answered"), ("on", "1920-02-20")]),
                (
                    b, "/petitions/1/letters",
                    [("direction", "sent"), ("from", "dmitrov-post"), ("to", "moscow-supply"), ("on", "1920-02-20"), ("subject", "No token")]
                ),
                (
                    b, "/deliveries/receipts",
                    [
                        ("decree", "decree-1918"), ("recipient", "dmitrov-post"), ("period", "1920-01"), ("on", "1920-02-20"),
                        ("quantity", "8 funt wheat"),
                    ]
                ),
                (admin, "/admin/users", [("name", "no-token-user"), ("role", "reader")]),
            ]
            for (browser, action, fields) in posts {
                for token in [String(repeating: "a", count: 65)] {
                    let sent = fields + [("form_token", token)]
                    let r = try await client.execute(uri: action, method: .post, headers: browser.formHeaders, body: browser.form(sent, once: false))
                    #expect(r.status == .badRequest, "\(action) \(token): \(r.status)")
                    #expect(r.text.contains("reload the page and send the form again"), "\(action): \(r.text)")
                }
            }
            let attach = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: b.multipartHeaders,
                body: b.multipart(
                    [("letter", "1"), ("form_token", String(repeating: "a", count: 65))], file: ("a.txt", Array("a".utf8)), once: false))
            #expect(attach.status == .badRequest && attach.text.contains("reload the page and send the form again"), "\(attach.text)")
        }
        #expect(try f.eventCount() == before)
        #expect(try ListUsers().run(in: f.ledger.workspace).allSatisfy { $0.name != "no-token-user" })
    }

    @Test("a script that posts a form with csrf_token and the issue's fields only (no form_token) records it, once per post")
    func formWithoutFormTokenRecords() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try ListPetitions().run(in: f.ledger.workspace).count
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let fields = [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Posted by a script"), ("on", "1920-02-20")]
            let r = try await client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields, once: false))
            #expect(r.status == .seeOther, "\(r.status) \(r.text.prefix(300))")
            // Without a valid csrf_token the same post is still 403.
            let forged = try await client.execute(
                uri: "/petitions", method: .post, headers: b.formHeaders,
                body: ByteBuffer(string: "csrf_token=0&from=dmitrov-post&to=moscow-supply&subject=Forged&on=1920-02-20"))
            #expect(forged.status == .forbidden)
        }
        let subjects = try ListPetitions().run(in: f.ledger.workspace).map(\.subject)
        #expect(subjects.count == before + 1 && subjects.contains("Posted by a script"), "\(subjects)")
    }

    @Test("setting a user's password (user password) ends that user's web sessions at once, and only theirs")
    func passwordEndsSessions() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            #expect(try await client.execute(uri: "/", method: .get, headers: clerk.headers).status == .ok)
            _ = try SetUserPassword(name: "clerk-user", password: "a new clerk passphrase").run(in: ws)
            let after = try await client.execute(uri: "/petitions", method: .get, headers: clerk.headers)
            #expect(after.status == .seeOther && after.headers[.location] == "/login?next=/petitions")
            #expect(try await client.execute(uri: "/", method: .get, headers: reader.headers).status == .ok)
            // The new password opens a new session, which lasts.
            let again = try await Browser.logIn(client, "clerk-user", "a new clerk passphrase")
            #expect(try await client.execute(uri: "/", method: .get, headers: again.headers).status == .ok)
            #expect(try await client.execute(uri: "/", method: .get, headers: clerk.headers).status == .seeOther)
        }
    }

    @Test("a web form sent as text/plain or JSON is 415 on the house's page and records nothing; multipart is read")
    func formMediaTypes() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let fields = [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Sent as text"), ("on", "1920-02-20")]
            for type in ["text/plain", "application/json", ""] {
                var headers = b.headers
                if !type.isEmpty { headers[.contentType] = type }
                let r = try await client.execute(uri: "/petitions", method: .post, headers: headers, body: b.form(fields))
                #expect(r.status == .unsupportedMediaType, "\(type): \(r.status)")
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(r.text.contains("<h1>415 Unsupported Media Type</h1>"), "\(r.text)")
                #expect(r.text.contains(type.isEmpty ? "Content-Type: none was given" : "Content-Type &#39;\(type)&#39;"), "\(r.text)")
                #expect(r.text.contains("application/x-www-form-urlencoded or multipart/form-data"))
            }
            let attach = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: b.headers.merging([.contentType: "text/plain"]), body: b.form([]))
            #expect(attach.status == .unsupportedMediaType)
            #expect(try f.eventCount() == before)
            // The same form as multipart/form-data (a form with enctype) is read and recorded.
            let boundary = "----form-boundary-1920"
            let parts = ([("csrf_token", b.csrf)] + fields + b.formToken(fields, once: true)).map {
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n"
            }
            let body = parts.joined() + "--\(boundary)--\r\n"
            let made = try await client.execute(
                uri: "/petitions", method: .post, headers: b.headers.merging([.contentType: "multipart/form-data; boundary=\(boundary)"]),
                body: ByteBuffer(string: body))
            #expect(made.status == .seeOther && made.headers[.location] == "/petitions/2", "\(made.status) \(made.text)")
        }
        #expect(try f.eventCount() == before + 1)
    }
}

extension HTTPFields {
    /// These fields with `other`'s set over them.
    func merging(_ other: HTTPFields) -> HTTPFields {
        var out = self
        for field in other { out[field.name] = field.value }
        return out
    }
}
