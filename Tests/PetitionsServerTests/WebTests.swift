import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A browser's state in a test: its cookie and the CSRF token of the last page.
struct Browser {
    var cookie = ""
    var csrf = ""
    /// The one-time `form_token`s the pages read gave this browser's session, not yet sent: shared by copies.
    let tokens = FormTokens()

    mutating func read(_ r: TestResponse) {
        if let set = r.headers[.setCookie], let pair = set.split(separator: ";").first { cookie = String(pair) }
        if let range = r.text.range(of: #"name="csrf_token" value=""#) {
            csrf = String(r.text[range.upperBound...].prefix { $0 != "\"" })
        }
        tokens.keep(from: r.text)
    }

    /// A one-time `form_token` a page gave this session, as a browser sends with a form it drew, unless `fields` hold
    /// one already or `once` is false. With none kept, one the server never gave (which it refuses).
    func formToken(_ fields: [(String, String)], once: Bool) -> [(String, String)] {
        if let given = fields.first(where: { $0.0 == "form_token" }) {
            tokens.discard(given.1)
            return []
        }
        guard once else { return [] }
        return [("form_token", tokens.take() ?? Browser.inventedToken())]
    }

    /// A token of the form the pages draw (32 hex digits) that no page gave.
    static func inventedToken() -> String { (0..<32).map { _ in String("0123456789abcdef".randomElement() ?? "0") }.joined() }

    /// Reads `page` (one with forms: a petition's page) until this browser holds `count` tokens, as a caseworker
    /// with several pages open; stops when the page draws none (a reader's).
    mutating func stock(_ client: any TestClientProtocol, page: String = "/petitions/1", count: Int = 24) async throws {
        while tokens.count < count {
            let before = tokens.count
            read(try await client.execute(uri: page, method: .get, headers: headers))
            if tokens.count == before { return }
        }
    }

    var headers: HTTPFields { cookie.isEmpty ? [:] : [.cookie: cookie] }

    var formHeaders: HTTPFields {
        var h = headers
        h[.contentType] = "application/x-www-form-urlencoded"
        return h
    }

    /// `fields` as a form body, with this browser's CSRF token unless told otherwise, and a one-time `form_token` as
    /// every form a page draws carries (a new one each time, unless `fields` hold one or `once` is false).
    func form(_ fields: [(String, String)], csrf: Bool = true, once: Bool = true) -> ByteBuffer {
        let all = (csrf ? [("csrf_token", self.csrf)] : []) + fields + formToken(fields, once: once)
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return ByteBuffer(string: all.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&"))
    }

    /// Logs in as `name`, returning the browser signed in.
    static func logIn(_ client: any TestClientProtocol, _ name: String, _ password: String) async throws -> Browser {
        var b = Browser()
        b.read(try await client.execute(uri: "/login", method: .get))
        let r = try await client.execute(
            uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", name), ("password", password)]))
        #expect(r.status == .seeOther, "login as \(name): \(r.status)")
        b.read(r)
        b.read(try await client.execute(uri: "/", method: .get, headers: b.headers))
        try await b.stock(client)
        return b
    }
}

/// The one-time form tokens pages gave a browser, oldest first, each sent once.
final class FormTokens: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [String] = []

    var count: Int { lock.withLock { kept.count } }

    /// Keeps the `form_token` of every form on `page`.
    func keep(from page: String) {
        var rest = page[...]
        var found: [String] = []
        while let field = rest.range(of: #"name="form_token" value=""#) {
            let token = rest[field.upperBound...].prefix { $0 != "\"" }
            found.append(String(token))
            rest = rest[field.upperBound...]
        }
        lock.withLock { kept += found }
    }

    /// The newest token kept (the server forgets the oldest first), no longer kept.
    func take() -> String? { lock.withLock { kept.popLast() } }

    /// Forgets `token`, sent by the test itself.
    func discard(_ token: String) { lock.withLock { kept.removeAll { $0 == token } } }
}

@Suite("Web application") struct WebTests {
    @Test("a page without a session redirects (303) to the login page, which comes back to it after logging in")
    func loginRedirects() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let r = try await client.execute(uri: "/petitions?status=open", method: .get)
            #expect(r.status == .seeOther)
            #expect(r.headers[.location] == "/login?next=/petitions%3Fstatus%3Dopen")
            #expect(r.headers[.contentSecurityPolicy] == "default-src 'self'")
            var b = Browser()
            let page = try await client.execute(uri: "/login?next=/petitions%3Fstatus%3Dopen", method: .get)
            #expect(page.status == .ok)
            let cookie = page.headers[.setCookie] ?? ""
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
            b.read(page)
            #expect(b.csrf.count == 64)
            let id = b.cookie.split(separator: "=").last.map(String.init) ?? ""
            #expect(id.count >= 32)
            let login = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders,
                body: b.form([("name", "clerk-user"), ("password", ServerFixture.passwords[.clerk] ?? ""), ("next", "/petitions?status=open")]))
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/petitions?status=open")
            b.read(login)
            #expect(!b.cookie.hasSuffix(id), "the session id changes on login")
            let list = try await client.execute(uri: "/petitions?status=open", method: .get, headers: b.headers)
            #expect(list.status == .ok)
            #expect(list.text.contains("January provisions not delivered"))
            #expect(list.text.contains("Postal-telegraph employees of the Dmitrov district"), "names, not only handles")
        }
    }

    @Test("a login elsewhere than this site goes to the dashboard; a wrong password says nothing of the name")
    func loginRefusals() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            var b = Browser()
            b.read(try await client.execute(uri: "/login", method: .get))
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", "clerk-user"), ("password", "nope")]))
            let unknown = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", "nobody"), ("password", "nope")]))
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.text.replacingOccurrences(of: "clerk-user", with: "nobody") == unknown.text)
            // A browser drops a tab from an address and reads "\" as "/": each of these would leave for evil.example.
            for elsewhere in ["//evil.example/", "/\t/evil.example", "/\\evil.example", "/\u{0B}/evil.example"] {
                var b = Browser()
                b.read(try await client.execute(uri: "/login", method: .get))
                let offsite = try await client.execute(
                    uri: "/login", method: .post, headers: b.formHeaders,
                    body: b.form([("name", "clerk-user"), ("password", ServerFixture.passwords[.clerk] ?? ""), ("next", elsewhere)]))
                #expect(offsite.status == .seeOther && offsite.headers[.location] == "/", "\(elsewhere.debugDescription)")
            }
            let noToken = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", "clerk-user"), ("password", "x")], csrf: false))
            #expect(noToken.status == .forbidden)
        }
    }

    @Test("after 5 failed logins for a name, even the right password waits a minute")
    func throttle() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            var b = Browser()
            b.read(try await client.execute(uri: "/login", method: .get))
            for _ in 0..<5 {
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", "reader-user"), ("password", "wrong")]))
                #expect(r.status == .unauthorized)
            }
            let right = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders,
                body: b.form([("name", "reader-user"), ("password", ServerFixture.passwords[.reader] ?? "")]))
            #expect(right.status == .tooManyRequests)
            let other = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders,
                body: b.form([("name", "clerk-user"), ("password", ServerFixture.passwords[.clerk] ?? "")]))
            #expect(other.status == .seeOther)
        }
    }

    @Test("a clerk logs a petition through the form; without the CSRF token it is 403 and nothing is recorded")
    func logPetitionForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let fields = [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "<script>alert(1)</script> & more"), ("on", "1920-02-20")]
            let forged = try await client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields, csrf: false))
            #expect(forged.status == .forbidden)
            var wrongToken = b
            wrongToken.csrf = String(repeating: "0", count: 64)
            let stale = try await client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: wrongToken.form(fields))
            #expect(stale.status == .forbidden)
            #expect(try f.eventCount() == before)
            b.read(try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers))
            let made = try await client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields))
            #expect(made.status == .seeOther)
            #expect(made.headers[.location] == "/petitions/2")
            let page = try await client.execute(uri: "/petitions/2", method: .get, headers: b.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
            #expect(!page.text.contains("<script>"))
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListEvents().run(in: f.ledger.workspace).max(by: { $0.id < $1.id })?.actor == "clerk-user")
    }

    @Test("a form with bad input comes back with what was typed and the error beside its field")
    func badForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let r = try await client.execute(
                uri: "/petitions", method: .post, headers: b.formHeaders,
                body: b.form([("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Typed subject"), ("on", "1920-02-31")]))
            #expect(r.status == .badRequest)
            #expect(r.text.contains("value=\"Typed subject\""))
            #expect(r.text.contains("id=\"petitions-on-error\""))
            #expect(r.text.contains("1920-02-31"))
        }
    }

    @Test("a reader sees pages but is refused a form (403); records a letter and a receipt as a clerk")
    func readerAndClerk() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for path in ["/", "/petitions", "/petitions/1", "/deliveries", "/parties/moscow-supply", "/report", "/report?format=markdown"] {
                let r = try await client.execute(uri: path, method: .get, headers: reader.headers)
                #expect(r.status == .ok, "\(path)")
                #expect(r.headers[.contentSecurityPolicy] == "default-src 'self'")
            }
            let refused = try await client.execute(
                uri: "/deliveries/receipts", method: .post, headers: reader.formHeaders,
                body: reader.form([
                    ("decree", "decree-1918"), ("recipient", "dmitrov-post"), ("period", "1920-01"), ("on", "1920-01-09"),
                    ("quantity", "5 funt wheat"),
                ]))
            #expect(refused.status == .forbidden)
            let admin = try await client.execute(uri: "/admin/users", method: .get, headers: reader.headers)
            #expect(admin.status == .forbidden)

            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let receipt = try await client.execute(
                uri: "/deliveries/receipts", method: .post, headers: clerk.formHeaders,
                body: clerk.form([
                    ("decree", "decree-1918"), ("recipient", "dmitrov-post"), ("period", "1920-01"), ("on", "1920-01-09"),
                    ("quantity", "5 funt wheat"),
                ]))
            #expect(receipt.status == .seeOther)
            let letter = try await client.execute(
                uri: "/petitions/1/letters", method: .post, headers: clerk.formHeaders,
                body: clerk.form([
                    ("direction", "sent"), ("from", "dmitrov-post"), ("to", "moscow-supply"), ("on", "1920-01-21"),
                    ("subject", "Appeal to the centre"),
                ]))
            #expect(letter.status == .seeOther)
            let dashboard = try await client.execute(uri: "/?as_of=1920-03-04", method: .get, headers: clerk.headers)
            #expect(dashboard.text.contains("Appeal to the centre"))
            #expect(dashboard.text.contains("Moscow postal-telegraph supply centre"))
        }
    }

    @Test("a record kept with a warning says so on the next page, once: a note dated before its petition, a receipt over what was due")
    func warningsShownOnce() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let noted = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: clerk.formHeaders,
                body: clerk.form([("text", "Copied from the 1919 file"), ("on", "1919-12-30")]))
            #expect(noted.status == .seeOther && noted.headers[.location] == "/petitions/1")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            #expect(
                page.text.contains(
                    #"<p class="notice" role="status">Warning: the note is dated 1919-12-30, before petition 1 was logged on 1920-01-20; it is recorded all the same.</p>"#
                ), "\(page.text)")
            #expect(page.text.contains("Copied from the 1919 file"))
            let again = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            #expect(!again.text.contains(#"class="notice""#))

            let receipt = try await client.execute(
                uri: "/deliveries/receipts", method: .post, headers: clerk.formHeaders,
                body: clerk.form([
                    ("decree", "decree-1918"), ("recipient", "dmitrov-post"), ("period", "1920-01"), ("on", "1920-01-09"),
                    ("quantity", "2000 funt wheat"),
                ]))
            #expect(receipt.status == .seeOther)
            let deliveries = try await client.execute(uri: "/deliveries", method: .get, headers: clerk.headers)
            #expect(
                deliveries.text.contains(#"<p class="notice" role="status">Warning: "#) && deliveries.text.contains("2,000 funt"),
                "\(deliveries.text)")

            // A note dated within the petition's life warns of nothing.
            let plain = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: clerk.formHeaders,
                body: clerk.form([("text", "Called again"), ("on", "1920-02-02")]))
            #expect(plain.status == .seeOther)
            let quiet = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            #expect(quiet.text.contains("Called again") && !quiet.text.contains(#"class="notice""#))
        }
    }

    @Test("an admin adds a user and sees its password once; log out ends the session")
    func adminAndLogout() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let admin = try await Browser.logIn(client, "admin-user", ServerFixture.passwords[.admin] ?? "")
            let added = try await client.execute(
                uri: "/admin/users", method: .post, headers: admin.formHeaders, body: admin.form([("name", "vera"), ("role", "reader")]))
            #expect(added.status == .ok)
            #expect(added.text.contains("The password of vera is"))
            // Each action says on the next page what it did, or that it changed nothing, as the command line does.
            for (path, fields, said) in [
                ("/admin/users/disable", [("name", "vera")], "Disabled user vera (reader, disabled): its sessions and tokens stopped working."),
                ("/admin/users/disable", [("name", "vera")], "User vera was already disabled; nothing changed."),
                ("/admin/users/role", [("name", "vera"), ("to", "reader")], "User vera is already reader; nothing changed."),
                ("/admin/users/role", [("name", "vera"), ("to", "clerk")], "User vera is now clerk (was reader)."),
            ] {
                let done = try await client.execute(uri: path, method: .post, headers: admin.formHeaders, body: admin.form(fields))
                #expect(done.status == .seeOther, "\(path): \(done.text)")
                let page = try await client.execute(uri: "/admin/users", method: .get, headers: admin.headers)
                #expect(page.text.contains(#"<p class="notice" role="status">\#(said)</p>"#), "\(said): \(page.text)")
            }
            let out = try await client.execute(uri: "/logout", method: .post, headers: admin.formHeaders, body: admin.form([]))
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            let after = try await client.execute(uri: "/", method: .get, headers: admin.headers)
            #expect(after.status == .seeOther)
        }
    }

    @Test("a disabled user's session stops at once; cookies are Secure with --secure-cookies")
    func disabledSessionAndSecureCookies() async throws {
        var f = try ServerFixture()
        defer { f.ledger.remove() }
        let ws = f.ledger.workspace
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            _ = try DisableUser(name: "clerk-user").run(in: ws)
            let r = try await client.execute(uri: "/", method: .get, headers: clerk.headers)
            #expect(r.status == .seeOther)
        }
        f = try ServerFixture()
        let secure = ServerSettings(databasePath: f.ledger.path, secureCookies: true, environment: [:], today: { TemporaryLedger.today })
        let app = Application(router: OfficeServer.router(secure))
        try await app.test(.router) { client in
            let r = try await client.execute(uri: "/login", method: .get)
            #expect(r.headers[.setCookie]?.contains("; Secure") == true)
        }
        f.ledger.remove()
    }
}
