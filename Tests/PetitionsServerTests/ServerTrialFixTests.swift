import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// What the second trial of the office server found in its pages: a form sent again after a change, a session that
/// ended under a form, notes without a limit, a report unstyled or without the site's header.
@Suite("Office server: the second trial's pages") struct ServerTrialFixTests {
    static let sessionEnded =
        "Your session had ended, so the form you sent was not recorded. Log in, and you are taken back to its page to fill it in and send it again."

    @Test("a form sent again with its used form_token after a change records nothing and says so, as for an invented token")
    func changedFormSentAgain() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers)
            b.read(page)
            let token = try #require(ServerDefectTests.formToken(page.text, action: "/petitions"))
            let fields = [("from", "dmitrov-post"), ("to", "moscow-supply"), ("on", "1920-02-20"), ("form_token", token)]
            let first = try await client.execute(
                uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields + [("subject", "Salt not delivred")]))
            #expect(first.status == .seeOther && first.headers[.location] == "/petitions/2")
            // Back, the typo put right, sent again: nothing recorded, and the form's page says so.
            let again = try await client.execute(
                uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields + [("subject", "Salt not delivered")]))
            #expect(again.status == .seeOther && again.headers[.location] == "/petitions/new", "\(again.status) \(again.headers)")
            let shown = try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers)
            #expect(shown.text.contains(WebFormTokenTests.refusedNotice), "\(shown.text)")
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListPetitions().run(in: f.ledger.workspace).map(\.subject).contains("Salt not delivered") == false)
    }

    @Test("a form sent after its session ended records nothing: the login page says so, and logging in leads back to the form")
    func sessionEndedUnderAForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.read(try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers))
            // The session ends (here by logging out in another tab) while the note is being typed.
            let ended = b
            _ = try await client.execute(uri: "/logout", method: .post, headers: b.formHeaders, body: b.form([], once: false))
            var headers = ended.formHeaders
            headers[.referer] = "http://localhost:8080/petitions/1"
            let sent = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: headers, body: ended.form([("text", "Telephoned"), ("on", "1920-02-21")]))
            #expect(sent.status == .seeOther, "\(sent.status) \(sent.text)")
            let location = try #require(sent.headers[.location])
            #expect(location == "/login?ended=form&next=/petitions/1", "\(location)")
            var visitor = Browser()
            let login = try await client.execute(uri: location, method: .get)
            visitor.read(login)
            #expect(login.status == .ok && login.text.contains(Self.sessionEnded), "\(login.text)")
            #expect(login.text.contains(#"name="next" value="/petitions/1""#), "\(login.text)")
            let back = try await client.execute(
                uri: "/login", method: .post, headers: visitor.formHeaders,
                body: visitor.form(
                    [("name", "clerk-user"), ("password", ServerFixture.passwords[.clerk] ?? ""), ("next", "/petitions/1")], once: false))
            #expect(back.status == .seeOther && back.headers[.location] == "/petitions/1")
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a case note over 20,000 characters is 400 naming the field and the limit, from the API and the web form; nothing recorded")
    func noteLimit() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let long = String(repeating: "x", count: 20_001)
        let sentence = "text is 20,001 characters long; a note, summary or reason may be at most 20,000 characters."
        try await f.test { client in
            let api = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"text":"\#(long)","on":"1920-02-21"}"#))
            #expect(api.status == .badRequest && api.object["field"] as? String == "text", "\(api.status)")
            #expect(api.object["error"] as? String == sentence, "\(api.text.prefix(300))")
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.read(try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers))
            let web = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: b.formHeaders, body: b.form([("text", long), ("on", "1920-02-21")]))
            #expect(web.status == .badRequest && web.text.contains(sentence), "\(web.status)")
        }
        #expect(try f.eventCount() == before)
    }

    @Test("the API's HTML report is the command's page, its inline style allowed by its hash in the answer's policy")
    func apiReportStyled() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let expected = ReportHTML.render(try BuildReport(asOf: try Day(parsing: "1920-03-04")).run(in: f.ledger.workspace))
        try await f.test { client in
            let r = try await client.execute(uri: "/api/v1/report?format=html&as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
            #expect(r.status == .ok && r.text == expected)
            let style = try #require(
                r.text.range(of: "<style>").flatMap { open in r.text.range(of: "</style>").map { open.upperBound..<$0.lowerBound } })
            let hash = Data(SHA256.hash(data: Data(r.text[style].utf8))).base64EncodedString()
            #expect(
                r.headers[.contentSecurityPolicy] == "default-src 'self'; style-src 'sha256-\(hash)'", "\(r.headers[.contentSecurityPolicy] ?? "")")
            // Every other answer keeps the policy without exceptions.
            let json = try await client.execute(uri: "/api/v1/report?as_of=1920-03-04", method: .get, headers: f.bearer(.reader))
            #expect(json.headers[.contentSecurityPolicy] == "default-src 'self'")
        }
    }

    @Test("the report page has the site's header (navigation, search box) as every other page, and one main and one h1")
    func reportPageHeader() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let r = try await client.execute(uri: "/report?as_of=1920-03-04", method: .get, headers: b.headers)
            #expect(r.status == .ok)
            #expect(r.text.contains(#"<header class="site">"#) && r.text.contains(#"id="site-search""#) && r.text.contains(#"href="/petitions""#))
            #expect(r.text.contains("<h1>Status report") && r.text.contains(#"href="/report?format=json&amp;as_of=1920-03-04""#))
            #expect(r.text.components(separatedBy: "<main").count == 2 && r.text.components(separatedBy: "<h1").count == 2, "\(r.text)")
            #expect(!r.text.contains("<style>") && r.headers[.contentSecurityPolicy] == "default-src 'self'")
            // Every section of the command's report, byte for byte, in the place of its `main`; the layout closes after it.
            let standalone = ReportHTML.render(try BuildReport(asOf: try Day(parsing: "1920-03-04")).run(in: f.ledger.workspace))
            let open = try #require(standalone.range(of: "<main>\n")).upperBound
            let close = try #require(standalone.range(of: "</main>", options: .backwards)).lowerBound
            #expect(r.text.contains(#"<div class="report">"# + "\n" + standalone[open..<close] + "</div>\n<footer>"))
            #expect(r.text.hasSuffix("</html>\n") && r.text.components(separatedBy: "</body>").count == 2)
        }
    }
}
