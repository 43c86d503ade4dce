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
