import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// What a request may carry, held to one reading wherever it comes from: ids written plainly, lists as lists,
/// booleans as true and false, percent-escapes decoded once, and text that is not UTF-8 refused by name.
@Suite("Office server: one strict reading of every request") struct StrictRequestTests {
    static let receipt = #""decree":"decree-1918","recipient":"dmitrov-post","period":"1920-01","on":"1920-01-09""#

    @Test("an id in a body is a JSON whole number written plainly: 07, +3, \" 3\", 3.0, 3e0 and \"3\" are 400 naming it, nothing recorded")
    func bodyIDs() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let letter = #""direction":"sent","from":"dmitrov-post","to":"moscow-supply","on":"1920-01-21","subject":"Appeal""#
            for (written, shown) in [
                ("3.0", "3.0"), ("1e0", "1e0"), ("1.0", "1.0"), (#""1""#, "1"), (#""07""#, "07"), (#""+1""#, "+1"), (#"" 1""#, " 1"),
            ] {
                let r = try await client.execute(
                    uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json("{\(letter),\"petition\":\(written)}"))
                #expect(r.status == .badRequest, "\(written): \(r.status) \(r.text)")
                #expect(r.object["field"] as? String == "petition", "\(written): \(r.text)")
                #expect((r.object["error"] as? String)?.contains("petition '\(shown)'") == true, "\(written): \(r.text)")
            }
            let plain = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true), body: json("{\(letter),\"petition\":1}"))
            #expect(plain.status == .created, "\(plain.text)")
        }
        #expect(try f.eventCount() == before + 1)
    }

    @Test("quantity is a JSON array of texts as the OpenAPI document says: one text is 400 naming it, nothing recorded")
    func quantityIsAList() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let text = try await client.execute(
                uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true),
                body: json("{\(Self.receipt),\"quantity\":\"100 funt wheat\"}"))
            #expect(text.status == .badRequest && text.object["field"] as? String == "quantity", "\(text.text)")
            #expect((text.object["error"] as? String)?.contains("'100 funt wheat'") == true, "\(text.text)")
            #expect(try f.eventCount() == before)
            let list = try await client.execute(
                uri: "/api/v1/receipts", method: .post, headers: f.bearer(.clerk, json: true),
                body: json("{\(Self.receipt),\"quantity\":[\"100 funt wheat\"]}"))
            #expect(list.status == .created, "\(list.text)")
        }
    }

    @Test("a boolean in the address is true or false exactly: yes, 1 and TRUE are 400 naming the key and value")
    func queryBooleans() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            for value in ["yes", "1", "TRUE", "on"] {
                let r = try await client.execute(uri: "/api/v1/letters?waiting=\(value)", method: .get, headers: f.bearer(.reader))
                #expect(r.status == .badRequest && r.object["field"] as? String == "waiting", "\(value): \(r.status)")
                #expect((r.object["error"] as? String)?.contains("'\(value)'") == true, "\(r.text)")
            }
            for value in ["true", "false"] {
                let r = try await client.execute(uri: "/api/v1/letters?waiting=\(value)", method: .get, headers: f.bearer(.reader))
                #expect(r.status == .ok, "\(value)")
            }
        }
    }

    @Test("the web letter form's in_reply_to is an id written plainly, as the API's: 07 comes back refused beside it, nothing recorded")
    func webInReplyTo() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let sent = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            let b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let fields = [
                ("direction", "received"), ("from", "moscow-supply"), ("to", "dmitrov-post"), ("on", "1920-02-01"), ("subject", "Answer"),
                ("channel", "post"),
            ]
            let r = try await client.execute(
                uri: "/petitions/1/letters", method: .post, headers: b.formHeaders, body: b.form(fields + [("in_reply_to", "0\(sent)")]))
            #expect(r.status == .badRequest, "\(r.status)")
            #expect(
                r.text.contains("in_reply_to &#39;0\(sent)&#39; is not an id") || r.text.contains("in_reply_to '0\(sent)' is not an id"), "\(r.text)")
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a percent-escaped path segment is decoded once before it is looked up: %31 is petition 1, %64mitrov-post dmitrov-post")
    func pathDecoded() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let petition = try await client.execute(uri: "/api/v1/petitions/%31", method: .get, headers: f.bearer(.reader))
            #expect(petition.status == .ok && petition.text.contains("January provisions not delivered"), "\(petition.text)")
            let party = try await client.execute(uri: "/api/v1/parties/%64mitrov-post", method: .get, headers: f.bearer(.reader))
            #expect(party.status == .ok && party.text.contains("Postal-telegraph employees of the Dmitrov district"), "\(party.text)")
            // What no party is called is named decoded, as it was meant.
            let named = try await client.execute(uri: "/api/v1/parties/p%C3%ABtr", method: .get, headers: f.bearer(.reader))
            #expect(named.status == .notFound && named.text.contains("no party 'pëtr'"), "\(named.text)")
            // Decoded once: %2531 is "%31", no petition.
            let twice = try await client.execute(uri: "/api/v1/petitions/%2531", method: .get, headers: f.bearer(.reader))
            #expect(twice.status == .notFound && twice.text.contains("'%31'"), "\(twice.text)")
            let slash = try await client.execute(uri: "/api/v1/parties/a%2Fb", method: .get, headers: f.bearer(.reader))
            #expect(slash.status == .notFound && slash.text.contains("no party 'a/b'"), "\(slash.text)")
            let bytes = try await client.execute(uri: "/api/v1/parties/p%FFtr", method: .get, headers: f.bearer(.reader))
            #expect(bytes.status == .badRequest && bytes.object["error"] as? String == "handle 'p%FFtr' is not UTF-8 text; send it encoded as UTF-8.")
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/parties/%64mitrov-post", method: .get, headers: b.headers)
            #expect(page.status == .ok && page.text.contains("Postal-telegraph employees of the Dmitrov district"), "\(page.status)")
            let letter = try await client.execute(uri: "/petitions/%31", method: .get, headers: b.headers)
            #expect(letter.status == .ok && letter.text.contains("January provisions not delivered"))
        }
    }

    @Test("text that is not UTF-8 is 400 naming the field and the value as sent, wherever it comes: query, path, form, file name, JSON")
    func notUTF8() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            let query = try await client.execute(uri: "/api/v1/petitions?search=%FF", method: .get, headers: f.bearer(.reader))
            #expect(query.status == .badRequest && query.object["error"] as? String == "search '%FF' is not UTF-8 text; send it encoded as UTF-8.")
            let name = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=%E9.txt", method: .post, headers: f.bearer(.clerk), body: ByteBuffer(string: "x"))
            #expect(name.status == .badRequest && name.object["error"] as? String == "name '%E9.txt' is not UTF-8 text; send it encoded as UTF-8.")
            var body = ByteBuffer(string: #"{"from":"dmitrov-post","to":"moscow-supply","subject":"Caf"#)
            body.writeBytes([0xE9])
            body.writeString(#"","on":"1920-02-01"}"#)
            let object = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: f.bearer(.clerk, json: true), body: body)
            #expect(
                object.status == .badRequest && object.object["error"] as? String == "subject 'Caf%E9' is not UTF-8 text; send it encoded as UTF-8.")
            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: b.headers)
            b.read(page)
            var form = ByteBuffer()
            let token = b.tokens.take() ?? ""
            for (key, value) in [("csrf_token", b.csrf), ("form_token", token), ("letter", "\(letter)")] {
                form.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n")
            }
            form.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"caf")
            form.writeBytes([0xE9])
            form.writeString(".txt\"\r\nContent-Type: text/plain\r\n\r\nscan\r\n--\(Browser.boundary)--\r\n")
            let file = try await client.execute(uri: "/petitions/1/attachments", method: .post, headers: b.multipartHeaders, body: form)
            #expect(file.status == .badRequest && file.text.contains("file &#39;caf%E9.txt&#39; is not UTF-8 text"), "\(file.status) \(file.text)")
        }
        #expect(try f.eventCount() == before)
    }
}
