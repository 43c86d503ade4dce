import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("Web application: one-time form tokens given by the server") struct WebFormTokenTests {
    /// The notice a page shows when a form came with a token the server did not give the session.
    static let refusedNotice =
        "Nothing was recorded: the one-time form_token sent with this form was used already by an earlier sending, or was not given to you by this server, or was given too long ago; fill in the form again below."

    @Test("a form_token the server did not give this session (invented, or another session's) records nothing: the form's page again, saying so")
    func foreignTokensRefused() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            var other = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/new", method: .get, headers: other.headers)
            other.read(page)
            let othersToken = try #require(ServerDefectTests.formToken(page.text, action: "/petitions"))
            let fields = [("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Not given to me"), ("on", "1920-02-20")]
            for token in [Browser.inventedToken(), othersToken] {
                let sent = try await client.execute(
                    uri: "/petitions", method: .post, headers: b.formHeaders, body: b.form(fields + [("form_token", token)]))
                #expect(sent.status == .seeOther && sent.headers[.location] == "/petitions/new", "\(sent.status) \(sent.text)")
                let shown = try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers)
                b.read(shown)
                #expect(shown.text.contains(Self.refusedNotice), "\(shown.text)")
                #expect(!shown.text.contains("value=\"Not given to me\""), "a fresh form")
            }
            // Another session's token is refused with the same words in any form that records.
            let note = try await client.execute(
                uri: "/petitions/1/notes", method: .post, headers: b.formHeaders, body: b.form([("text", "Forged"), ("form_token", othersToken)]))
            #expect(note.status == .seeOther && note.headers[.location] == "/petitions/1")
            #expect(try f.eventCount() == before)
            // The session it was given to may still use it, once.
            let own = try await client.execute(
                uri: "/petitions", method: .post, headers: other.formHeaders, body: other.form(fields + [("form_token", othersToken)]))
            #expect(own.status == .seeOther && own.headers[.location] == "/petitions/2", "\(own.status) \(own.text)")
            #expect(try f.eventCount() == before + 1)
        }
        let subjects = try ListPetitions().run(in: f.ledger.workspace).map(\.subject)
        #expect(subjects.filter { $0 == "Not given to me" }.count == 1)
    }

    @Test("a token the server gave is recorded once: sent again it goes where the first led; no longer kept, it is refused")
    func givenTokenOnce() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            b.read(page)
            let token = try #require(ServerDefectTests.formToken(page.text, action: "/petitions/1/notes"))
            for _ in 0..<3 {
                let sent = try await client.execute(
                    uri: "/petitions/1/notes", method: .post, headers: b.formHeaders,
                    body: b.form([("text", "Given once"), ("on", "1920-02-21"), ("form_token", token)]))
                #expect(sent.status == .seeOther && sent.headers[.location] == "/petitions/1")
            }
            #expect(try f.eventCount() == before + 1)
            let after = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(!after.text.contains(Self.refusedNotice))
            // A session keeps at most 512 tokens (a petition page gives 3): pages drawn long after, the first is forgotten.
            let first = try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers)
            let old = try #require(ServerDefectTests.formToken(first.text, action: "/petitions"))
            for _ in 0..<175 { _ = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers) }
            let late = try await client.execute(
                uri: "/petitions", method: .post, headers: b.formHeaders,
                body: b.form([("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Too late"), ("on", "1920-02-20"), ("form_token", old)]))
            #expect(late.status == .seeOther && late.headers[.location] == "/petitions/new")
            #expect(try f.eventCount() == before + 1)
        }
    }
}
