import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Form bodies a browser would never send: a trial found `subject=a%FFb` recorded as "a\u{FFFD}b" and `text=a&text=b`
/// recorded as "a", a line end, "b".
@Suite("Web application: form fields as they were typed") struct WebFormFieldTests {
    func send(_ client: any TestClientProtocol, _ b: Browser, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/petitions", method: .post, headers: b.formHeaders, body: ByteBuffer(string: body))
    }

    @Test("a value that is not UTF-8, or a field given twice, is 400 naming the field, and nothing is recorded")
    func strictFields() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            try await b.stock(client)
            let fields = "from=dmitrov-post&to=moscow-supply&on=1920-02-20"
            let bad = try await send(client, b, "csrf_token=\(b.csrf)&form_token=\(b.tokens.take() ?? "")&\(fields)&subject=a%FFb")
            #expect(bad.status == .badRequest, "\(bad.status) \(bad.text)")
            // The same sentence as the API's, the query's and the path's: the field and the value as sent.
            #expect(bad.text.contains("subject &#39;a%FFb&#39; is not UTF-8 text; send it encoded as UTF-8."), "\(bad.text)")
            let twice = try await send(
                client, b, "csrf_token=\(b.csrf)&form_token=\(b.tokens.take() ?? "")&\(fields)&subject=One&subject=Two")
            #expect(twice.status == .badRequest, "\(twice.status) \(twice.text)")
            #expect(twice.text.contains("is given more than once in the form; give it once."), "\(twice.text)")
            let good = try await send(client, b, "csrf_token=\(b.csrf)&form_token=\(b.tokens.take() ?? "")&\(fields)&subject=Once")
            #expect(good.status == .seeOther, "\(good.status) \(good.text)")
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListPetitions().run(in: f.ledger.workspace).map(\.subject).filter { $0.contains("\u{FFFD}") || $0.contains("\n") }.isEmpty)
    }
}
