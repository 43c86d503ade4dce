import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// `petition status` warns of a change dated after today; the API and the web form said nothing of it.
@Suite("A change of status dated after today is warned of in the API and on the page") struct StatusWarningTests {
    @Test("the API answers 200 with warnings naming the day after today; the change is made all the same")
    func apiWarns() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let later = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"answered","on":"1920-03-10"}"#))
            #expect(later.status == .ok, "\(later.text)")
            let said = later.object["warnings"] as? [String] ?? []
            #expect(
                said == ["the change of status is dated 1920-03-10, after today (1920-03-04); it is recorded all the same."], "\(later.text)")
            #expect(later.object["status"] as? String == "answered")
            let back = try await client.execute(
                uri: "/api/v1/petitions/1/status", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"to":"open","on":"1920-03-10"}"#))
            #expect(back.status == .ok && (back.object["warnings"] as? [String])?.count == 1, "\(back.text)")
        }
        #expect(try ListPetitions().run(in: f.ledger.workspace).first?.status == .open)
    }

    @Test("the web form's change dated after today shows the warning once on the petition's page")
    func pageWarns() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            try await b.stock(client)
            let sent = try await client.execute(
                uri: "/petitions/1/status", method: .post, headers: b.formHeaders, body: b.form([("to", "answered"), ("on", "1920-03-10")]))
            #expect(sent.status == .seeOther, "\(sent.status) \(sent.text)")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(page.text.contains("the change of status is dated 1920-03-10, after today (1920-03-04)"), "\(page.text)")
            let again = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            #expect(!again.text.contains("after today (1920-03-04)"), "shown once")
        }
    }
}
