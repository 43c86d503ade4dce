import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A change of status dated after today locked the petition: every real change after it was refused as before it.
/// `petition status` refuses it now, in the use case, so the API and the web form refuse it too.
@Suite("A change of status dated after today is refused in the API and on the page") struct StatusWarningTests {
    @Test("the API answers 400 naming on, the day and today; the status is unchanged and a change dated today is made")
    func apiRefuses() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let later = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"1920-03-10"}"#))
            #expect(later.status == .badRequest, "\(later.text)")
            #expect(later.object["field"] as? String == "on", "\(later.text)")
            let said = later.object["error"] as? String ?? ""
            #expect(said.contains("1920-03-10") && said.contains("after today (1920-03-04)"), "\(later.text)")
            #expect(try ListPetitions().run(in: f.ledger.workspace).first?.status == .open)
            let today = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"1920-03-04"}"#))
            #expect(today.status == .ok && (today.object["warnings"] as? [String]) == [], "\(today.text)")
        }
        #expect(try ListPetitions().run(in: f.ledger.workspace).first?.status == .answered)
    }

    @Test("the web form's change dated after today is refused on the petition's page, the status unchanged")
    func pageRefuses() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            try await b.stock(client)
            let sent = try await client.execute(
                uri: "/petitions/1/status", method: .post, headers: b.formHeaders, body: b.form([("to", "answered"), ("on", "1920-03-10")]))
            #expect(sent.status != .seeOther, "\(sent.status)")
            #expect(sent.text.contains("1920-03-10") && sent.text.contains("after today (1920-03-04)"), "\(sent.text)")
        }
        #expect(try ListPetitions().run(in: f.ledger.workspace).first?.status == .open)
    }
}
