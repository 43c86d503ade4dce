import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// The defects the eleventh trial (everything that comes in from outside, 3 December 1926) found in the server,
/// numbered as its report numbers them.
@Suite("Office server: the eleventh trial's defects") struct ServerTrial11Tests {
    // MARK: - 2: a NUL in a name, a handle or a password

    @Test("2: a NUL after the name does not escape the login throttle, nor after the password log in")
    func nulInLogin() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let right = ServerFixture.passwords[.reader] ?? ""
        try await f.test { client in
            var b = Browser()
            b.read(try await client.execute(uri: "/login", method: .get))
            func logIn(_ name: String, _ password: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/login", method: .post, headers: b.formHeaders, body: b.form([("name", name), ("password", password)]))
            }
            // SQLite and bcrypt read a text up to its NUL: the password with junk after a NUL was the password.
            let junk = try await logIn("reader-user", right + "\u{0}junk")
            #expect(junk.status == .badRequest, "\(junk.text)")
            for n in 0..<5 { #expect(try await logIn("reader-user", "wrong\(n)").status == .unauthorized) }
            #expect(try await logIn("reader-user", right).status == .tooManyRequests)
            // `reader-user\0` looked up reader-user under a count of its own.
            for name in ["reader-user\u{0}", "reader-user\u{0}\u{0}", "reader\u{0}-user"] {
                let r = try await logIn(name, right)
                #expect(r.status == .badRequest, "\(name.debugDescription): \(r.status)")
            }
        }
    }

    @Test("2: a handle holding a NUL is refused in the path, the query and a JSON body, and nothing is recorded")
    func nulInHandles() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        try await f.test { client in
            let path = try await client.execute(uri: "/api/v1/parties/moscow-supply%00junk", method: .get, headers: f.bearer(.reader))
            #expect(path.status == .badRequest, "\(path.text)")
            #expect(path.text.contains("\\u0000"), "\(path.text)")
            let body = try await client.execute(
                uri: "/api/v1/petitions", method: .post, headers: f.bearer(.clerk, json: true),
                body: json(#"{"from":"dmitrov-post\u0000x","to":"moscow-supply","subject":"February provisions","on":"1920-02-20"}"#))
            #expect(body.status == .badRequest, "\(body.text)")
            #expect(body.text.contains("from"), "\(body.text)")
            let query = try await client.execute(uri: "/api/v1/petitions?party=dmitrov-post%00x", method: .get, headers: f.bearer(.reader))
            #expect(query.status == .badRequest, "\(query.text)")
        }
        #expect(try f.eventCount() == before)
    }
}

extension ServerTrial11Tests {
    // MARK: - 12 and 17: a file's Windows path, a title over two lines

    @Test("12: a file sent with its Windows path (C:\\fakepath\\scan.pdf) is kept as scan.pdf")
    func windowsPathInAnUpload() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        try await f.test { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            let r = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter))], file: (#"C:\fakepath\scan.pdf"#, scanBytes)))
            #expect(r.status == .seeOther, "\(r.text)")
        }
        #expect(try ListAttachments().run(in: f.ledger.workspace).map(\.name) == ["scan.pdf"])
    }

    @Test("17: a title typed over two lines in the attach form is refused as a line break, not as a control character")
    func titleOverTwoLines() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        try await f.test { client in
            var clerk = try await Browser.logIn(client, "clerk-user", ServerFixture.passwords[.clerk] ?? "")
            clerk.read(try await client.execute(uri: "/petitions/1", method: .get, headers: clerk.headers))
            let r = try await client.execute(
                uri: "/petitions/1/attachments", method: .post, headers: clerk.multipartHeaders,
                body: clerk.multipart([("letter", String(letter)), ("title", "line1\r\nline2")], file: ("scan.pdf", scanBytes)))
            #expect(r.status == .badRequest, "\(r.status)")
            #expect(r.text.contains("holds a line break; a title is one line."), "\(r.text)")
            #expect(!r.text.contains("\\u000D"), "\(r.text)")
        }
        #expect(try ListAttachments().run(in: f.ledger.workspace).isEmpty)
    }
}
