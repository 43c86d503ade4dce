import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// The defects the nineteenth probe (the web application as an attacker and as a caseworker) found in the server.
@Suite("Office server: the nineteenth probe") struct ServerTrial19Tests {
    @Test("logins sent all at once for a name get its 5 free attempts between them, not one each: the rest wait a minute")
    func throttleHoldsForLoginsAtOnce() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            // Each attempt from a browser of its own, as a script guessing in parallel would send them.
            var browsers: [Browser] = []
            for _ in 0..<12 {
                var b = Browser()
                b.read(try await client.execute(uri: "/login", method: .get))
                browsers.append(b)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (n, b) in browsers.enumerated() {
                    group.addTask {
                        try await client.execute(
                            uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", "reader-user"), ("password", "guess-\(n)")])
                        ).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // The password was checked for at most 5 of them (each then refused, 401); the others were not tried (429).
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count >= 7, "\(statuses)")
            var b = Browser()
            b.read(try await client.execute(uri: "/login", method: .get))
            let right = try await client.execute(
                uri: "/login", method: .post, headers: b.formHeaders,
                body: b.form([("name", "reader-user"), ("password", ServerFixture.passwords[.reader] ?? "")]))
            #expect(right.status == .tooManyRequests)
        }
    }

    @Test("a letter received with a reply period or 'no reply expected' typed is refused beside that field, not recorded without it")
    func receivedLetterKeepsWhatWasTyped() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let fields = [
                ("direction", "received"), ("from", "moscow-supply"), ("to", "dmitrov-post"), ("on", "1920-02-01"), ("subject", "Answer"),
                ("in_reply_to", ""), ("channel", "post"), ("summary", ""),
            ]
            for (field, typed) in [("reply_within", "3 weeks"), ("no_reply_expected", "on")] {
                let r = try await client.execute(
                    uri: "/petitions/1/letters", method: .post, headers: b.formHeaders, body: b.form(fields + [(field, typed)]))
                #expect(r.status == .badRequest, "\(field): \(r.status)")
                #expect(r.text.contains("id=\"petitions-1-letters-\(field.replacingOccurrences(of: "_", with: "-"))-error\""), "\(field): \(r.text)")
                #expect(r.text.contains("\(field): applies to a letter sent, not one received."), "\(field)")
                #expect(r.text.contains(#"value="Answer""#), "\(field): what was typed comes back")
            }
            #expect(try f.eventCount() == before)
            // Left blank, as the form sends them for every letter, they are no reason to refuse it.
            let blank = try await client.execute(
                uri: "/petitions/1/letters", method: .post, headers: b.formHeaders, body: b.form(fields + [("reply_within", "")]))
            #expect(blank.status == .seeOther, "\(blank.text)")
        }
        #expect(try f.eventCount() == before + 1)
    }
}

extension ServerTrial19Tests {
    @Test("a login page whose token is out of date (the server restarted) comes back as the login page, name kept, and then logs in")
    func loginPageOutOfDate() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            // The page as drawn by a server since restarted: its session is one this server does not know.
            var page = Browser()
            page.read(try await client.execute(uri: "/login?next=/petitions/1", method: .get))
            page.cookie = "petitions_session=" + String(repeating: "0", count: 64)
            let fields = [("name", "clerk-user"), ("password", ServerFixture.passwords[.clerk] ?? ""), ("next", "/petitions/1")]
            let late = try await client.execute(uri: "/login", method: .post, headers: page.formHeaders, body: page.form(fields, once: false))
            #expect(late.status == .forbidden, "\(late.status)")
            #expect(late.text.contains(#"<form method="post" action="/login""#), "the login form again, not a bare error page: \(late.text)")
            #expect(late.text.contains("This login page was out of date"), "\(late.text)")
            #expect(late.text.contains(#"value="clerk-user""#) && late.text.contains(#"name="next" value="/petitions/1""#), "\(late.text)")
            // Its form, sent again, logs in and goes where the first was going.
            var again = page
            again.read(late)
            #expect(again.cookie != page.cookie, "a session of its own")
            let login = try await client.execute(uri: "/login", method: .post, headers: again.formHeaders, body: again.form(fields, once: false))
            #expect(login.status == .seeOther && login.headers[.location] == "/petitions/1", "\(login.status)")
        }
    }
}

extension ServerTrial19Tests {
    @Test("a user disabled on the users page is signed out at once: enabled again, its old session does not come back")
    func disabledSessionStaysEnded() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            var admin = try await Browser.logIn(client, "admin-user", ServerFixture.passwords[.admin] ?? "")
            admin.read(try await client.execute(uri: "/admin/users", method: .get, headers: admin.headers))
            for action in ["/admin/users/disable", "/admin/users/enable"] {
                let r = try await client.execute(uri: action, method: .post, headers: admin.formHeaders, body: admin.form([("name", "clerk-user")]))
                #expect(r.status == .seeOther, "\(action): \(r.text)")
            }
            // The clerk never used the session while disabled; it ended all the same, and the clerk logs in afresh.
            let old = try await client.execute(uri: "/petitions/new", method: .get, headers: clerk.headers)
            #expect(old.status == .seeOther && (old.headers[.location] ?? "").hasPrefix("/login"), "\(old.status)")
            let again = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            #expect(try await client.execute(uri: "/petitions/new", method: .get, headers: again.headers).status == .ok)
        }
    }
}

extension ServerTrial19Tests {
    @Test("a petition's letter form comes with its petitioner and authority typed in, and what was typed in a refused form is kept")
    func letterFormTypedIn() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(page.text.contains(#"name="from" type="text" value="dmitrov-post""#), "\(page.text)")
            #expect(page.text.contains(#"name="to" type="text" value="moscow-supply""#))
            var form = b
            form.read(page)
            let refused = try await client.execute(
                uri: "/petitions/1/letters", method: .post, headers: form.formHeaders,
                body: form.form([("direction", "received"), ("from", "moscow-supply"), ("to", ""), ("on", "1920-02-01"), ("subject", "A reply")]))
            #expect(refused.status == .badRequest)
            #expect(
                refused.text.contains(#"name="from" type="text" value="moscow-supply""#) && refused.text.contains(#"name="to" type="text" value="""#))
        }
    }
}
