import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// A letter on petition 1 of the fixture, to attach files to; its id.
func letterOnPetition(_ f: ServerFixture) throws -> Int64 {
    try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-21"), subject: "Appeal to the centre", petition: 1)
        .run(in: f.ledger.workspace).id
}

/// Bytes that are no text and no known file kind, with every byte value in them.
let scanBytes: [UInt8] = (0..<600).map { UInt8(($0 * 7 + 3) % 256) }

@Suite("JSON API: attachments") struct APIAttachmentTests {
    @Test(
        "a clerk attaches the raw body under ?name=: 201 as attachment list prints it, with warnings; the download is byte for byte with its headers")
    func attachAndDownload() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        try await f.test { client in
            let r = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=reply%201920.bin&title=Reply", method: .post, headers: f.bearer(.clerk),
                body: ByteBuffer(bytes: scanBytes))
            #expect(r.status == .created, "\(r.text)")
            // The record as attachment list prints it, and `warnings` (none here), as every record made through the API.
            #expect(
                Set(r.object.keys) == ["id", "letter", "petition", "name", "title", "media_type", "size", "sha256", "added", "warnings"], "\(r.text)")
            #expect(r.object["warnings"] as? [String] == [])
            #expect(r.object["name"] as? String == "reply 1920.bin")
            #expect(r.object["size"] as? Int == scanBytes.count)
            #expect(r.object["added"] as? String == "1920-03-04")
            let id = r.object["id"] as? Int ?? 0
            let listed = try ListAttachments(letter: letter).run(in: f.ledger.workspace)
            let printed = try JSONSerialization.jsonObject(with: Data(try HouseJSONEncoder().encode(listed[0]))) as? [String: Any]
            #expect(
                NSDictionary(dictionary: printed ?? [:]).isEqual(to: r.object.filter { $0.key != "warnings" }),
                "the same object as attachment list --format json")

            let d = try await client.execute(uri: "/api/v1/attachments/\(id)", method: .get, headers: f.bearer(.reader))
            #expect(d.status == .ok)
            #expect(Array(d.body.readableBytesView) == scanBytes)
            #expect(d.headers[.contentType] == "application/octet-stream")
            #expect(d.headers[.contentDisposition] == "attachment; filename=\"reply 1920.bin\"; filename*=UTF-8''reply%201920.bin")
            #expect(d.headers[.xContentTypeOptions] == "nosniff")
        }
        #expect(try ListEvents().run(in: f.ledger.workspace).max(by: { $0.id < $1.id })?.actor == "clerk-user")
    }

    @Test("no token 401, a reader attaching 403, an unknown letter or attachment 404, a missing or bad name 400; nothing recorded")
    func refusals() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let before = try f.eventCount()
        try await f.test { client in
            let body = ByteBuffer(bytes: scanBytes)
            let none = try await client.execute(uri: "/api/v1/letters/\(letter)/attachments?name=a.bin", method: .post, body: body)
            #expect(none.status == .unauthorized)
            let reader = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=a.bin", method: .post, headers: f.bearer(.reader), body: body)
            #expect(reader.status == .forbidden)
            let unknown = try await client.execute(
                uri: "/api/v1/letters/99/attachments?name=a.bin", method: .post, headers: f.bearer(.clerk), body: body)
            #expect(unknown.status == .notFound, "\(unknown.text)")
            for (query, field) in [
                ("", "name"), ("?name=", "name"), ("?name=..%2Fetc%2Fpasswd", "name"), ("?name=a%0Ab.bin", "name"),
                ("?name=reply%E2%80%AEfdp.exe", "name"), ("?name=a%FF.bin", "name"),
            ] {
                let r = try await client.execute(
                    uri: "/api/v1/letters/\(letter)/attachments\(query)", method: .post, headers: f.bearer(.clerk), body: body)
                #expect(r.status == .badRequest, "\(query): \(r.text)")
                #expect(r.object["field"] as? String == field, "\(query): \(r.text)")
            }
            let empty = try await client.execute(uri: "/api/v1/letters/\(letter)/attachments?name=a.bin", method: .post, headers: f.bearer(.clerk))
            #expect(empty.status == .badRequest, "\(empty.text)")
            let missing = try await client.execute(uri: "/api/v1/attachments/42", method: .get, headers: f.bearer(.reader))
            #expect(missing.status == .notFound, "\(missing.text)")
            #expect(missing.object["field"] as? String == "attachment")
            let noToken = try await client.execute(uri: "/api/v1/attachments/1", method: .get)
            #expect(noToken.status == .unauthorized)
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a body over max_attachment_mb is 413 naming the limit, and nothing is recorded")
    func overTheLimit() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let settings = try f.settings(maxAttachmentMB: 1)
        let before = try f.eventCount()
        let app = Application(router: OfficeServer.router(settings))
        try await app.test(.router) { client in
            let big = ByteBuffer(repeating: 0x41, count: 1_048_577)
            let r = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=big.txt", method: .post, headers: f.bearer(.clerk), body: big)
            #expect(r.status == .contentTooLarge, "\(r.text)")
            #expect((r.object["error"] as? String)?.contains("1 MB") == true, "\(r.text)")
            #expect(r.object["field"] as? String == "file")
            let exact = try await client.execute(
                uri: "/api/v1/letters/\(letter)/attachments?name=exact.txt", method: .post, headers: f.bearer(.clerk),
                body: ByteBuffer(repeating: 0x41, count: 1_048_576))
            #expect(exact.status == .created, "\(exact.text)")
        }
        #expect(try f.eventCount() == before + 1)
    }

    @Test("a file name with quotes, semicolons, line ends or other scripts cannot break out of Content-Disposition")
    func dispositionQuoting() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        let name = #"ответ "1920"; x=y%.pdf"#
        let a = try AttachBytes(letter: letter, name: name, bytes: Data(scanBytes), on: TemporaryLedger.today).run(in: f.ledger.workspace)
        try await f.test { client in
            let d = try await client.execute(uri: "/api/v1/attachments/\(a.id)", method: .get, headers: f.bearer(.reader))
            let header = d.headers[.contentDisposition] ?? ""
            #expect(header.hasPrefix(#"attachment; filename="_____ _1920_; x=y_.pdf"; filename*=UTF-8''"#), "\(header)")
            #expect(header.hasSuffix("%D0%BE%D1%82%D0%B2%D0%B5%D1%82%20%221920%22%3B%20x%3Dy%25.pdf"), "\(header)")
            #expect(!header.contains("\n") && !header.contains("\r"))
        }
    }
}
