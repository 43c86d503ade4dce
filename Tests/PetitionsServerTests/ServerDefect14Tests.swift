import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Issue 14's server defects: an over-long address, an over-limit upload's sentence, a form upload to the API, and
/// the changes read only for routes that keep listings.
@Suite("Server: issue 14's defects") struct ServerDefect14Tests {
    static let tooLong = "The address is too long: its path and query may be at most 8 KiB (8,192 bytes)"

    @Test("an address of 100 KB is 414 saying the limit, JSON under /api/ and a page elsewhere; headers too large are 431")
    func addressTooLongForTheDecoder() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        let query = String(repeating: "a", count: 100_000)
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            let api = try await rawExchangeOffThePool(port: port, "GET /api/v1/search?q=\(query) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(api.hasPrefix("HTTP/1.1 414"), "\(api.prefix(300))")
            #expect(api.lowercased().contains("content-type: application/json"))
            #expect(api.contains(#"{"error":"\#(Self.tooLong)"#) || api.contains(#""error" : "\#(Self.tooLong)"#), "\(api.prefix(600))")
            #expect(api.contains("default-src 'self'"))
            let web = try await rawExchangeOffThePool(port: port, "GET /search?q=\(query) HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(web.hasPrefix("HTTP/1.1 414"), "\(web.prefix(300))")
            #expect(web.lowercased().contains("content-type: text/html"))
            #expect(web.contains("<h1>414 URI Too Long</h1>") && web.contains(Self.tooLong), "\(web.prefix(900))")
            // A header of 100 KB with a short address: not the address's fault, the 431 of headers too large (LargeHeadersTests).
            let header = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: \(query)\r\n\r\n")
            #expect(header.hasPrefix("HTTP/1.1 431"), "\(header.prefix(300))")
            let ok = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(ok.hasPrefix("HTTP/1.1 200"))
        }
    }

    @Test("an address over 8 KiB that the decoder reads is 414 too, before any route (nothing recorded); 8 KiB is answered")
    func addressOverTheLimit() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let long = "?q=" + String(repeating: "b", count: LongAddressLimit.bytes)
            let api = try await client.execute(uri: "/api/v1/search" + long, method: .get, headers: f.bearer(.reader))
            #expect(api.status == .uriTooLong)
            #expect(api.object["error"] as? String == Self.tooLong + "; ask for less, such as a shorter search.")
            #expect(api.object.keys.contains("field"))
            let write = try await client.execute(
                uri: "/api/v1/petitions" + long, method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"from":"dmitrov-post","to":"moscow-supply","subject":"Long address","on":"1920-02-01"}"#))
            #expect(write.status == .uriTooLong)
            let web = try await client.execute(uri: "/petitions" + long, method: .get)
            #expect(web.status == .uriTooLong)
            #expect(web.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(web.text.contains(Self.tooLong))
            // At the limit, the address is read (and the search answered).
            let path = "/api/v1/search?q="
            let at = try await client.execute(
                uri: path + String(repeating: "c", count: LongAddressLimit.bytes - path.utf8.count), method: .get, headers: f.bearer(.reader))
            #expect(at.status != .uriTooLong, "\(at.text)")
        }
        #expect(try f.eventCount() == before)
    }

    // MARK: - An upload over the limit

    @Test("an API upload whose Content-Length is over the limit is 413 naming its size and the limit, read no further")
    func declaredUploadTooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await Application(router: OfficeServer.router(try f.settings(maxAttachmentMB: 25))).test(.router) { client in
            var h = f.bearer(.clerk)
            // 31.5 MB declared, and no byte of it sent: the answer comes from the header alone.
            h[.contentLength] = String(33_030_144)
            let r = try await client.execute(uri: "/api/v1/letters/\(letter)/attachments?name=scan.pdf", method: .post, headers: h)
            #expect(r.status == .contentTooLarge)
            #expect(
                r.object["error"] as? String
                    == "file 'scan.pdf': the file is 31.5 MB; attachments may be at most 25 MB (max_attachment_mb in the configuration); nothing was attached."
            )
            #expect(r.object["field"] as? String == "file")
            // Just over: a tenth of a MB would say 25.0, so the bytes are said.
            h[.contentLength] = String(25 * 1_048_576 + 1)
            let just = try await client.execute(uri: "/api/v1/letters/\(letter)/attachments?name=scan.pdf", method: .post, headers: h)
            #expect((just.object["error"] as? String)?.contains("the file is 26,214,401 bytes; attachments may be at most 25 MB") == true)
        }
        #expect(try f.eventCount() == before)
    }

    @Test("the web's upload form whose Content-Length is over the limit is 413 beside the file field, naming the size")
    func declaredFormTooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try letterOnPetition(f)
        let before = try f.eventCount()
        try await Application(router: OfficeServer.router(try f.settings(maxAttachmentMB: 1))).test(.router) { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            var h = clerk.multipartHeaders
            h[.contentLength] = String(3 * 1_048_576)
            let r = try await client.execute(uri: "/petitions/1/attachments", method: .post, headers: h)
            #expect(r.status == .contentTooLarge)
            #expect(r.text.contains(#"id="petitions-1-attachments-file-error""#), "\(r.text)")
            #expect(r.text.contains("the form with it is 3.0 MB; attachments may be at most 1 MB"), "\(r.text)")
        }
        #expect(try f.eventCount() == before)
    }

    @Test("an upload without a declared length (chunked) that runs over the limit is 413 saying the limit, as before")
    func chunkedUploadTooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        var settings = try f.settings(maxAttachmentMB: 1)
        settings.port = 0
        let before = try f.eventCount()
        let chunk = String(repeating: "x", count: 65_536)
        let body = String(repeating: "10000\r\n" + chunk + "\r\n", count: 17) + "0\r\n\r\n"
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            let answer = try await rawExchangeOffThePool(
                port: port,
                "POST /api/v1/letters/\(letter)/attachments?name=big.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(f.tokens[.clerk] ?? "")\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body)
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(300))")
            #expect(answer.contains("file 'big.txt': over the limit of 1 MB for an attachment"), "\(answer.prefix(600))")
        }
        #expect(try f.eventCount() == before)
    }

    // MARK: - A form upload to the API

    static let boundary = "------------------------d74496d66958873e"
    static let pdf = "%PDF-1.4\nhello\n%%EOF\n"

    /// A `multipart/form-data` body as curl -F writes it, of `parts`: (name, filename or nil for text, headers, content).
    static func form(_ parts: [(name: String, filename: String?, headers: String, content: String)]) -> ByteBuffer {
        var text = ""
        for p in parts {
            let file = p.filename.map { "; filename=\"\($0)\"" } ?? ""
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(p.name)\"\(file)\r\n\(p.headers)\r\n\(p.content)\r\n"
        }
        return ByteBuffer(string: text + "--\(boundary)--\r\n")
    }

    @Test("curl -F file=@scan.pdf to the API attaches the form's file under its filename (or ?name=), byte for byte; 201")
    func formUpload() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            var h = f.bearer(.clerk)
            h[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
            let body = Self.form([("file", "scan.pdf", "Content-Type: application/pdf\r\n", Self.pdf)])
            let r = try await client.execute(uri: "/api/v1/letters/\(letter)/attachments?title=Reply", method: .post, headers: h, body: body)
            #expect(r.status == .created, "\(r.text)")
            #expect(r.object["name"] as? String == "scan.pdf" && r.object["title"] as? String == "Reply")
            #expect(r.object["size"] as? Int == Self.pdf.utf8.count && r.object["media_type"] as? String == "application/pdf", "\(r.text)")
            let named = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=reply%201920.pdf", method: .post, headers: h,
                body: Self.form([("document", "C:\\fakepath\\scan.pdf", "", Self.pdf)]))
            #expect(named.status == .created, "\(named.text)")
            #expect(named.object["name"] as? String == "reply 1920.pdf")
            let id = named.object["id"] as? Int ?? 0
            let d = try await client.execute(uri: "/api/v1/attachments/\(id)", method: .get, headers: f.bearer(.reader))
            #expect(d.text == Self.pdf)
        }
        #expect(try f.eventCount() == before + 2)
    }

    @Test("a form with no file, two files or a text field is 400 naming the field; a multipart part or a coding 415; nothing attached")
    func formUploadRefused() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        let uri = "/api/v1/letters/\(letter)/attachments"
        try await f.test { client in
            var h = f.bearer(.clerk)
            h[.contentType] = "multipart/form-data; boundary=\(Self.boundary)"
            let cases: [(body: ByteBuffer, status: HTTPResponse.Status, field: String, says: String)] = [
                (
                    Self.form([]), .badRequest, "file",
                    "file: the form has no file part; send the file as a part with a file name (curl -F file=@scan.pdf)."
                ),
                (
                    Self.form([("file", "a.pdf", "", Self.pdf), ("other", "b.pdf", "", Self.pdf)]), .badRequest, "other",
                    "'other': the form has 2 files ('a.pdf', 'b.pdf'); send one file a request."
                ),
                (
                    Self.form([("file", "a.pdf", "", Self.pdf), ("file", "b.pdf", "", Self.pdf)]), .badRequest, "file",
                    "'file' is given more than once in the form; give it once."
                ),
                (
                    Self.form([("title", nil, "", "Reply"), ("file", "a.pdf", "", Self.pdf)]), .badRequest, "title",
                    "'title' is a text field of the form; the form holds only the file: give name, title and on in the address (?title=…)."
                ),
                (
                    Self.form([("file", "a.pdf", "Content-Type: multipart/mixed; boundary=x\r\n", Self.pdf)]), .unsupportedMediaType,
                    "Content-Type", "Content-Type 'multipart/mixed; boundary=x': the body must be the file itself"
                ),
                (
                    Self.form([("file", "a.pdf", "Content-Transfer-Encoding: base64\r\n", "JVBERi0xLjQK")]), .unsupportedMediaType,
                    "Content-Transfer-Encoding", "Content-Transfer-Encoding 'base64': a form's file is read as sent"
                ),
                (ByteBuffer(string: "not a form"), .badRequest, "file", "file: the form did not arrive whole"),
            ]
            for c in cases {
                let r = try await client.execute(uri: uri, method: .post, headers: h, body: c.body)
                #expect(r.status == c.status, "\(c.says): \(r.text)")
                #expect(r.object["field"] as? String == c.field, "\(r.text)")
                #expect((r.object["error"] as? String)?.hasPrefix(c.says) == true, "\(r.text)")
            }
            // A coding on the whole body is 415 naming Content-Encoding, as for a raw upload.
            var coded = h
            coded[.contentEncoding] = "gzip"
            let gz = try await client.execute(uri: uri, method: .post, headers: coded, body: Self.form([("file", "a.pdf", "", Self.pdf)]))
            #expect(gz.status == .unsupportedMediaType && gz.object["field"] as? String == "Content-Encoding", "\(gz.text)")
            // Over the limit as a form: the limit named, as for the raw body.
            let big = String(repeating: "x", count: 1_048_577)
            let form = h
            let over = try await Application(router: OfficeServer.router(try f.settings(maxAttachmentMB: 1))).test(.router) { small in
                try await small.execute(uri: uri, method: .post, headers: form, body: Self.form([("file", "big.txt", "", big)]))
            }
            #expect(over.status == .contentTooLarge, "\(over.text)")
            #expect((over.object["error"] as? String)?.contains("over the limit of 1 MB") == true, "\(over.text)")
        }
        #expect(try f.eventCount() == before)
    }

    // MARK: - HEAD with a query

    @Test("HEAD with a query reads the keys GET reads: 200 without a body, an unknown key 400 naming it, on the API and the pages")
    func headWithQuery() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            for uri in ["/api/v1/search?q=provisions", "/api/v1/overdue?limit=2", "/api/v1/letters?petition=1"] {
                let get = try await client.execute(uri: uri, method: .get, headers: f.bearer(.reader))
                let head = try await client.execute(uri: uri, method: .head, headers: f.bearer(.reader))
                #expect(get.status == .ok && head.status == .ok, "\(uri): \(head.status)")
                #expect(head.body.readableBytes == 0)
            }
            let unknown = try await client.execute(uri: "/api/v1/search?q=x&stauts=1", method: .head, headers: f.bearer(.reader))
            #expect(unknown.status == .badRequest)
            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let page = try await client.execute(uri: "/search?q=provisions", method: .head, headers: reader.headers)
            #expect(page.status == .ok)
        }
    }
}

/// The limit the tests expect: 8 KiB.
enum LongAddressLimit {
    static let bytes = 8 * 1024
}
