import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// What the thirteenth trial (a hostile and a careless user of the office server) found.
@Suite("Office server: the thirteenth trial") struct ServerTrial13Tests {
    @Test("an upload sent as a multipart body other than a form is 415 naming Content-Type, and nothing is attached")
    func uploadAsForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        let boundary = "------------------------d74496d66958873e"
        let envelope =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            + "%PDF-1.4\nhello\n%%EOF\n\r\n--\(boundary)--\r\n"
        try await f.test { client in
            var headers = f.bearer(.clerk)
            // A form (curl -F) is read: ServerDefect14Tests. Another multipart body would be stored whole.
            headers[.contentType] = "multipart/mixed; boundary=\(boundary)"
            let r = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=scan.pdf", method: .post, headers: headers, body: ByteBuffer(string: envelope))
            #expect(r.status == .unsupportedMediaType, "\(r.text)")
            #expect(r.object["field"] as? String == "Content-Type", "\(r.text)")
            #expect(
                r.object["error"] as? String
                    == "Content-Type 'multipart/mixed; boundary=\(boundary)': the body must be the file itself, byte for byte (curl --data-binary @FILE), "
                    + "or a form with the file as its one file part (curl -F file=@FILE); nothing was attached.",
                "\(r.text)")
            // curl --data-binary labels the file a urlencoded form: its bytes are the file, and are kept as sent.
            headers[.contentType] = "application/x-www-form-urlencoded"
            let pdf = "%PDF-1.4\nhello\n%%EOF\n"
            let plain = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=scan.pdf", method: .post, headers: headers, body: ByteBuffer(string: pdf))
            #expect(plain.status == .created, "\(plain.text)")
            #expect(plain.object["size"] as? Int == pdf.utf8.count && plain.object["media_type"] as? String == "application/pdf", "\(plain.text)")
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListAttachments(letter: letter).run(in: f.ledger.workspace).map(\.size) == [21])
    }

    @Test("a body sent with Content-Encoding: gzip is 415 naming the header, for a file and for JSON; nothing recorded")
    func contentCoding() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        // The gzip of "hello\n".
        let gzipped: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xe7, 0x02, 0x00, 0x20, 0x30, 0x3a, 0x36,
            0x06, 0x00, 0x00, 0x00,
        ]
        let sentence = "Content-Encoding 'gzip': bodies are read as sent, without a content coding; send it uncompressed."
        try await f.test { client in
            var headers = f.bearer(.clerk)
            headers[.contentEncoding] = "gzip"
            let file = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=reply.txt", method: .post, headers: headers, body: ByteBuffer(bytes: gzipped))
            #expect(file.status == .unsupportedMediaType, "\(file.text)")
            #expect(file.object["error"] as? String == sentence && file.object["field"] as? String == "Content-Encoding", "\(file.text)")
            headers[.contentType] = "application/json"
            let note = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: headers, body: ByteBuffer(bytes: gzipped))
            #expect(note.status == .unsupportedMediaType, "\(note.text)")
            #expect(note.object["error"] as? String == sentence, "\(note.text)")
            // `identity` is no coding at all.
            headers[.contentEncoding] = "identity"
            let plain = try await client.execute(
                uri: "/api/v1/petitions/1/notes", method: .post, headers: headers, body: json(#"{"text": "Telephoned", "on": "1920-02-21"}"#))
            #expect(plain.status == .created, "\(plain.text)")
        }
        #expect(try f.eventCount() == before + 1)
        #expect(try ListAttachments(letter: letter).run(in: f.ledger.workspace).isEmpty)
    }

    @Test("a search the index cannot read names q, the address's key and the form's field, not the command's QUERY")
    func searchSentenceNamesQ() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            for (query, sentence) in [
                ("%22", #"q '"' has an unbalanced quote ("); close the phrase or leave the quote out."#),
                ("-", "q '-' has no word to search for."),
                (String(repeating: "a", count: 501), "q: the search is 501 characters long; give at most 500."),
            ] {
                let api = try await client.execute(uri: "/api/v1/search?q=\(query)", method: .get, headers: f.bearer(.reader))
                #expect(api.status == .badRequest, "\(api.text)")
                #expect(api.object["error"] as? String == sentence && api.object["field"] as? String == "q", "\(api.text)")
            }
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/search?q=%22", method: .get, headers: b.headers)
            #expect(page.status == .badRequest)
            #expect(page.text.contains("q &#39;&quot;&#39; has an unbalanced quote"), "\(page.text)")
            #expect(!page.text.contains("query &#39;"), "\(page.text)")
        }
    }

    @Test("a letter recorded through the API dated after today is kept with a warning that says so, as letter send warns")
    func letterAfterToday() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let later = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(
                    #"{"direction": "sent", "from": "dmitrov-post", "to": "moscow-supply", "on": "1920-03-05", "subject": "Appeal", "petition": 1}"#))
            #expect(later.status == .created, "\(later.text)")
            #expect(
                later.object["warnings"] as? [String] == ["the letter is dated 1920-03-05, after today (1920-03-04); it is recorded all the same."],
                "\(later.text)")
            let today = try await client.execute(
                uri: "/api/v1/letters", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(
                    #"{"direction": "received", "from": "moscow-supply", "to": "dmitrov-post", "on": "1920-03-04", "subject": "Reply", "petition": 1}"#
                ))
            #expect(today.status == .created && today.object["warnings"] as? [String] == [], "\(today.text)")
        }
    }

    @Test("a person recorded under a name someone has already gets -2 and a warning saying so, from the API and the web form")
    func sameNameSaid() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try AddPetitioner(name: "Vera Figner").run(in: f.ledger.workspace)
        let said = "someone named Vera Figner (or with a name that makes the same handle) is already recorded as 'vera-figner'; "
        try await f.test { client in
            let r = try await client.execute(
                uri: "/api/v1/petitioners", method: .post, headers: f.bearer(.clerk, json: true), body: json(#"{"name": "Vera Figner"}"#))
            #expect(r.status == .created && r.object["handle"] as? String == "vera-figner-2", "\(r.text)")
            #expect(r.object["warnings"] as? [String] == [said + "this one is 'vera-figner-2'. Give handle to choose another."], "\(r.text)")
            // A handle given, or one the name makes and no one has, says nothing.
            let given = try await client.execute(
                uri: "/api/v1/petitioners", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"name": "Vera Figner", "handle": "figner-v"}"#))
            #expect(given.status == .created && given.object["warnings"] as? [String] == [], "\(given.text)")
            let group = try await client.execute(
                uri: "/api/v1/groups", method: .post, headers: f.bearer(.clerk, json: true), body: json(#"{"name": "Editors"}"#))
            #expect(group.status == .created && group.object["warnings"] as? [String] == [], "\(group.text)")

            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.read(try await client.execute(uri: "/parties/new?kind=petitioner", method: .get, headers: b.headers))
            let added = try await client.execute(
                uri: "/parties/new/petitioner", method: .post, headers: b.formHeaders, body: b.form([("name", "Vera Figner"), ("handle", "")]))
            #expect(added.status == .seeOther && added.headers[.location] == "/parties/vera-figner-3", "\(added.status) \(added.text)")
            let page = try await client.execute(uri: "/parties/vera-figner-3", method: .get, headers: b.headers)
            #expect(
                page.text.contains(
                    "someone named Vera Figner (or with a name that makes the same handle) is already recorded as &#39;vera-figner&#39;"),
                "\(page.text)")
        }
    }

    @Test("a petition logged through the API or the web dated after today is kept with a warning that says so")
    func petitionAfterToday() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let said = "the petition is dated 1920-03-05, after today (1920-03-04); it is recorded all the same."
        try await f.test { client in
            let later = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"from": "dmitrov-post", "to": "moscow-supply", "subject": "Salt", "on": "1920-03-05"}"#))
            #expect(later.status == .created && later.object["warnings"] as? [String] == [said], "\(later.text)")
            #expect((later.object["petition"] as? [String: Any])?["opened"] as? String == "1920-03-05", "\(later.text)")
            let today = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"from": "dmitrov-post", "to": "moscow-supply", "subject": "Salt", "on": "1920-03-04"}"#))
            #expect(today.status == .created && today.object["warnings"] as? [String] == [], "\(today.text)")

            var b = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            b.read(try await client.execute(uri: "/petitions/new", method: .get, headers: b.headers))
            let form = try await client.execute(
                uri: "/petitions", method: .post, headers: b.formHeaders,
                body: b.form([("from", "dmitrov-post"), ("to", "moscow-supply"), ("subject", "Soap"), ("on", "1920-03-05")]))
            #expect(form.status == .seeOther && form.headers[.location] == "/petitions/4", "\(form.status) \(form.text)")
            let page = try await client.execute(uri: "/petitions/4", method: .get, headers: b.headers)
            #expect(page.text.contains("the petition is dated 1920-03-05, after today (1920-03-04); it is recorded all the same."), "\(page.text)")
        }
    }
}
