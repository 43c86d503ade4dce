import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// What the twenty-first session found using the web application as a caseworker and as an attacker.
@Suite("Server: the twenty-first trial") struct ServerTrial21Tests {
    @Test("a very long value refused is said in a sentence of its own length, not echoed whole beside its field or in the API's error")
    func longValueRefused() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let long = String(repeating: "9", count: 200_000)
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.read(try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers))
            let fields = [
                ("direction", "sent"), ("from", "dmitrov-post"), ("to", "moscow-supply"), ("on", "1920-02-01"), ("subject", "Provisions"),
            ]
            for key in ["direction", "on", "reply_within", "channel", "from"] {
                let sent = fields.filter { $0.0 != key } + [(key, long)]
                let r = try await client.execute(uri: "/petitions/1/letters", method: .post, headers: b.formHeaders, body: b.form(sent))
                #expect(r.status == .badRequest, "\(key): \(r.status)")
                let said = try #require(errorBeside("petitions-1-letters-" + key.replacingOccurrences(of: "_", with: "-"), in: r.text), "\(key)")
                #expect(said.count < 600, "\(key): \(said.count) characters: \(said.prefix(200))")
                #expect(said.contains("200,000 characters"), "\(key): \(said.prefix(300))")
            }
            let api = try await client.execute(
                uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true),
                body: ByteBuffer(
                    string: #"{"decree":"decree-1918","recipient":"dmitrov-post","period":"\#(long)","on":"1920-02-01","quantity":["1 funt wheat"]}"#)
            )
            #expect(api.status == .badRequest)
            let error = try #require(api.object["error"] as? String, "\(api.text.prefix(300))")
            #expect(error.count < 600 && error.contains("200,000 characters"), "\(error.prefix(300))")
            #expect(api.object["field"] as? String == "period")
        }
        #expect(try f.eventCount() == before)
    }
}

extension ServerTrial21Tests {
    @Test("a handle longer than any may be is not matched against every party for a suggestion (a 200,000-character one held the server minutes)")
    func longUnknownHandle() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        let long = "dmitrov-post" + String(repeating: "x", count: 200_000)
        try await f.test { client in
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.read(try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers))
            let sent = [("direction", "sent"), ("from", long), ("to", "moscow-supply"), ("on", "1920-02-01"), ("subject", "Provisions")]
            let r = try await client.execute(uri: "/petitions/1/letters", method: .post, headers: b.formHeaders, body: b.form(sent))
            #expect(r.status == .badRequest, "\(r.status)")
            let said = try #require(errorBeside("petitions-1-letters-from", in: r.text))
            #expect(said.hasPrefix("from: no party"), "\(said.prefix(300))")
            #expect(!said.contains("did you mean"), "\(said.prefix(300))")
            let api = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: ByteBuffer(
                    string: #"{"direction":"sent","from":"\#(long)","to":"moscow-supply","on":"1920-02-01","subject":"Provisions"}"#))
            #expect(api.status == .badRequest)
            #expect(!(api.object["error"] as? String ?? "did you mean").contains("did you mean"), "\(api.text.prefix(300))")
        }
        #expect(try f.eventCount() == before)
    }
}

/// The sentence drawn beside the field whose id is `id` on `page`.
func errorBeside(_ id: String, in page: String) -> String? {
    guard let start = page.range(of: #"<strong class="error" id="\#(id)-error">"#) else { return nil }
    return String(page[start.upperBound...].prefix { $0 != "<" })
}
