import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

extension Browser {
    static let boundary = "----petitionsTestBoundary7MA4YWxkTrZu0gW"

    var multipartHeaders: HTTPFields {
        var h = headers
        h[.contentType] = "multipart/form-data; boundary=\(Browser.boundary)"
        return h
    }

    /// A `multipart/form-data` body as a browser sends it: text fields (a one-time `form_token` among them, as in
    /// `form`), then the file (when given).
    func multipart(_ fields: [(String, String)], file: (name: String, bytes: [UInt8])?, csrf: Bool = true, once: Bool = true) -> ByteBuffer {
        var b = ByteBuffer()
        for (name, value) in (csrf ? [("csrf_token", self.csrf)] : []) + fields + formToken(fields, once: once) {
            b.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            b.writeString("--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n")
            b.writeString("Content-Type: application/octet-stream\r\n\r\n")
            b.writeBytes(file.bytes)
            b.writeString("\r\n")
        }
        b.writeString("--\(Browser.boundary)--\r\n")
        return b
    }
}

@Suite("Web application: attachments, search, the office's name") struct WebAttachmentTests {
    @Test("a clerk attaches a file through the petition page's form; it is listed, escaped, and downloads byte for byte")
    func attachThroughTheForm() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            let page = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            clerk.read(page)
            #expect(page.text.contains(#"enctype="multipart/form-data""#))
            #expect(page.text.contains(#"<input id="petitions-1-attachments-file" name="file" type="file" required>"#), "\(page.text)")
            #expect(page.text.contains(#"<label for="petitions-1-attachments-file">File</label>"#))
            let r = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart(
                    [("letter", String(letter)), ("title", "Scan & <copy>")], file: ("<img src=x onerror=alert(1)>.bin", scanBytes)))
            #expect(r.status == .seeOther, "\(r.text)")
            #expect(r.headers[.location] == "/petitions/1")
            let shown = try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers)
            let link = #"<a href="/attachments/1" download>&lt;img src=x onerror=alert(1)&gt;.bin</a>"#
            #expect(shown.text.contains(link), "\(shown.text)")
            #expect(shown.text.contains("Scan &amp; &lt;copy&gt;"))
            #expect(!shown.text.contains("<img"))

            let reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let d = try await client.execute(uri: "/attachments/1", method: .get, headers: reader.headers)
            #expect(d.status == .ok)
            #expect(Array(d.body.readableBytesView) == scanBytes)
            let disposition = #"attachment; filename="<img src=x onerror=alert(1)>.bin"; "#
            #expect(d.headers[.contentDisposition] == disposition + "filename*=UTF-8''%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.bin")
            #expect(d.headers[.xContentTypeOptions] == "nosniff")
            let anonymous = try await client.execute(uri: "/attachments/1", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/login?next=/attachments/1")
            let unknown = try await client.execute(uri: "/attachments/9", method: .get, headers: reader.headers)
            #expect(unknown.status == .notFound)

            // A browser sends a quote in a file's name as %22: the file keeps the name it has on the clerk's disk.
            let quoted = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter))], file: ("the %22second%22 reply.txt", Array("second".utf8))))
            #expect(quoted.status == .seeOther, "\(quoted.text)")
            let listed = try ListAttachments().run(in: f.ledger.workspace).map(\.name)
            #expect(listed.contains("the \"second\" reply.txt"), "\(listed)")
        }
        #expect(try f.eventCount() == before + 2)
        #expect(try ListEvents().run(in: f.ledger.workspace).max(by: { $0.id < $1.id })?.actor == "clerk-user")
    }

    @Test("the attach form is refused without its CSRF token or to a reader (403); bad input comes back beside its field; nothing recorded")
    func attachRefusals() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            let file = (name: "scan.bin", bytes: scanBytes)
            let forged = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter))], file: file, csrf: false))
            #expect(forged.status == .forbidden)
            var stale = clerk
            stale.csrf = String(repeating: "0", count: 64)
            let wrong = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: stale.multipart([("letter", String(letter))], file: file))
            #expect(wrong.status == .forbidden)
            let noSession = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(Browser.boundary)"],
                body: clerk.multipart([("letter", String(letter))], file: file))
            // Without a session (it ended), the login page says so and leads back; nothing is attached.
            #expect(noSession.status == .seeOther && noSession.headers[.location]?.hasPrefix("/login?ended=form&next=") == true)

            var reader = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let readerPage = try await client.execute(uri: "/petitions/1", method: .get, headers: reader.headers)
            reader.read(readerPage)
            #expect(!readerPage.text.contains("/petitions/1/attachments"), "a reader has no attach form")
            let refused = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: reader.multipartHeaders,
                body: reader.multipart([("letter", String(letter))], file: file))
            #expect(refused.status == .forbidden)

            let noFile = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter)), ("title", "Typed title")], file: nil))
            #expect(noFile.status == .badRequest)
            #expect(noFile.text.contains(#"id="petitions-1-attachments-file-error""#), "\(noFile.text)")
            #expect(noFile.text.contains(#"value="Typed title""#))
            let otherLetter = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders, body: clerk.multipart([("letter", "77")], file: file)
            )
            #expect(otherLetter.status == .badRequest)
            #expect(otherLetter.text.contains(#"id="petitions-1-attachments-letter-error""#), "\(otherLetter.text)")
            let cut = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: ByteBuffer(
                    string:
                        "--\(Browser.boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(clerk.csrf)\r\n--\(Browser.boundary)\r\nContent-Disp"
                ))
            #expect(cut.status == .badRequest)
        }
        #expect(try f.eventCount() == before)
    }

    @Test("hostile multipart bodies and content types are 400 with the form back (415 not a form), never a crash, and record nothing")
    func hostileMultipart() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            let good = clerk.multipart([("letter", String(letter))], file: ("a.bin", scanBytes))
            let types = [
                "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
                "multipart/form-data; boundary=" + String(repeating: "b", count: 71), "application/x-www-form-urlencoded", "text/plain",
                "multipart/form-data; boundary=other",
            ]
            for type in types {
                var h = clerk.headers
                h[.contentType] = type
                let r = try await client.execute(uri: "/petitions/1/attachments", method: .post, headers: h, body: good)
                // Not a form at all: 415, as every web form (issue 13's tester); a form without its file: 400.
                #expect(r.status == (type == "text/plain" ? .unsupportedMediaType : .badRequest), "\(type): \(r.status)")
            }
            var rng = SystemRandomNumberGenerator()
            let prefix = Array("--\(Browser.boundary)\r\n".utf8)
            for n in 0..<40 {
                let noise = (0..<(n * 13 % 400)).map { _ in UInt8.random(in: 0...255, using: &rng) }
                // Cut before the closing boundary: past it, what follows is an epilogue, which a form may have.
                let cut = Array(good.readableBytesView.prefix(min(n * 37, good.readableBytes - "\r\n--\(Browser.boundary)--\r\n".utf8.count)))
                for body in [noise, prefix + noise, cut, cut + noise] {
                    let r = try await client.execute(
                        uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders, body: ByteBuffer(bytes: body))
                    #expect(r.status == .badRequest || r.status == .forbidden, "\(body.count) bytes: \(r.status)")
                }
            }
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a file over max_attachment_mb sent through the form is 413, said beside the file field, and nothing is recorded")
    func attachTooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let settings = try f.settings(maxAttachmentMB: 1)
        let before = try f.eventCount()
        try await Application(router: OfficeServer.router(settings)).test(.router) { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            let r = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter))], file: ("big.bin", [UInt8](repeating: 7, count: 1_048_577))))
            #expect(r.status == .contentTooLarge)
            #expect(r.text.contains(#"id="petitions-1-attachments-file-error""#), "\(r.text)")
            #expect(r.text.contains("1 MB"))
        }
        #expect(try f.eventCount() == before)
    }

    @Test("every page's header has the search box; results link to their petition or party, snippets escaped then marked")
    func searchPage() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try LogPetition(
            from: "dmitrov-post", to: "moscow-supply", subject: "Kerosene <script>alert(1)</script> & [soap]", on: try Day(parsing: "1920-02-01")
        ).run(in: f.ledger.workspace)
        _ = try NotePetition(petition: 1, text: "Telephoned the kerosene depot", on: try Day(parsing: "1920-03-01")).run(in: f.ledger.workspace)
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            for path in ["/", "/petitions", "/petitions/1", "/deliveries", "/report"] {
                let r = try await client.execute(uri: path, method: .get, headers: b.headers)
                #expect(r.text.contains(#"<form method="get" action="/search" class="search" role="search">"#), "\(path)")
                #expect(r.text.contains(#"<label for="site-search">Search</label>"#), "\(path)")
            }
            let r = try await client.execute(uri: "/search?q=kerosene", method: .get, headers: b.headers)
            #expect(r.status == .ok)
            #expect(r.text.contains(#"<a href="/petitions/2">Kerosene &lt;script&gt;alert(1)&lt;/script&gt; &amp; [soap]</a>"#), "\(r.text)")
            #expect(
                r.text.contains("<mark>Kerosene</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; [soap]</td>"),
                "the text's own brackets stay text: \(r.text)")
            #expect(!r.text.contains("<script>"))
            #expect(r.text.contains(#"<a href="/petitions/1">Telephoned the kerosene depot</a>"#), "a note links to its petition")
            #expect(r.text.contains("<td>note</td>") && r.text.contains("<td>petition</td>") && r.text.contains("<td>1920-03-01</td>"))
            let party = try await client.execute(uri: "/search?q=moscow", method: .get, headers: b.headers)
            #expect(party.text.contains(#"<a href="/parties/moscow-supply">Moscow postal-telegraph supply centre</a>"#), "\(party.text)")
            let spaced = try await client.execute(uri: "/search?q=kerosene+depot", method: .get, headers: b.headers)
            #expect(spaced.text.contains(#"value="kerosene depot""#), "a form's + is a space")
            #expect(spaced.text.contains("Telephoned the <mark>kerosene</mark> <mark>depot</mark>"), "\(spaced.text)")
            let none = try await client.execute(uri: "/search?q=zeppelin", method: .get, headers: b.headers)
            #expect(none.text.contains("Nothing matches."))
            let bad = try await client.execute(uri: "/search?q=%22%3Cunbalanced", method: .get, headers: b.headers)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains(#"value="&quot;&lt;unbalanced""#), "\(bad.text)")
            #expect(bad.text.contains(#"id="search-q-error""#), "\(bad.text)")
            let anonymous = try await client.execute(uri: "/search?q=kerosene", method: .get)
            #expect(anonymous.status == .seeOther)
        }
    }

    @Test("the login page shows the office's name (office set), not the ledger's file name")
    func officeName() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        _ = try InitLedger(on: TemporaryLedger.today).run(in: f.ledger.workspace)
        _ = try SetOffice(name: "Dmitrov <soviet> office").run(in: f.ledger.workspace)
        try await f.test { client in
            let r = try await client.execute(uri: "/login", method: .get)
            #expect(r.text.contains(#"<span class="office">Dmitrov &lt;soviet&gt; office</span>"#), "\(r.text)")
            #expect(!r.text.contains((f.ledger.path as NSString).lastPathComponent))
        }
    }
}
