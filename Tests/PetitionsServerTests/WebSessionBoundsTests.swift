import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("Web application: sessions kept within bounds") struct WebSessionBoundsTests {
    @Test("the login page asked for over and over keeps the last 1000 visitors' sessions: the oldest is forgotten, users stay")
    func visitorsBounded() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            var first = Browser()
            first.read(try await client.execute(uri: "/login", method: .get))
            var kept = Browser()
            for _ in 0..<500 { kept.read(try await client.execute(uri: "/login", method: .get)) }
            // 500 newer visitors on, the first is kept: its login page is drawn in its own session, no new cookie.
            let again = try await client.execute(uri: "/login", method: .get, headers: first.headers)
            #expect(again.status == .ok && again.headers[.setCookie] == nil)
            for _ in 0..<500 { kept.read(try await client.execute(uri: "/login", method: .get)) }
            let loginFields = [("name", "reader-user"), ("password", ServerFixture.passwords[.reader] ?? "")]
            let late = try await client.execute(uri: "/login", method: .post, headers: first.formHeaders, body: first.form(loginFields, once: false))
            #expect(late.status == .forbidden, "\(late.status)")
            // The newest visitor logs in; a signed-in user's session is no visitor's and is kept.
            let login = try await client.execute(uri: "/login", method: .post, headers: kept.formHeaders, body: kept.form(loginFields, once: false))
            #expect(login.status == .seeOther)
            #expect(try await client.execute(uri: "/", method: .get, headers: clerk.headers).status == .ok)
        }
    }

    @Test("a user logging in over and over keeps the newest 20 sessions: the oldest is ended first, another user's stays")
    func sessionsPerUserBounded() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            func logIn(_ name: String, _ password: String) async throws -> Browser {
                var b = Browser()
                b.read(try await client.execute(uri: "/login", method: .get))
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", name), ("password", password)], once: false))
                #expect(r.status == .seeOther, "login as \(name): \(r.status)")
                b.read(r)
                return b
            }
            let reader = try await logIn("reader-user", ServerFixture.passwords[.reader] ?? "")
            var clerk: [Browser] = []
            for _ in 0..<21 { clerk.append(try await logIn("clerk-user", ServerFixture.passwords[.clerk] ?? "")) }
            // The 21st login ended the first: its cookie now leads to the login page.
            let first = try await client.execute(uri: "/", method: .get, headers: clerk[0].headers)
            #expect(first.status == .seeOther && (first.headers[.location] ?? "").hasPrefix("/login"), "\(first.status)")
            for b in [clerk[1], clerk[20]] {
                #expect(try await client.execute(uri: "/", method: .get, headers: b.headers).status == .ok)
            }
            #expect(try await client.execute(uri: "/", method: .get, headers: reader.headers).status == .ok, "another user's session is kept")
        }
    }
}
