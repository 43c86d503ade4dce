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
}
