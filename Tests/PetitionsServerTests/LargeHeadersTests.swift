import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Issue 13: a request whose headers are over the server's bound is 431 in the house's words, not a bare 400.
@Suite("Server: headers too large") struct LargeHeadersTests {
    static let tooLarge =
        "The request's headers are too large: with its address they may be at most 80 KiB (81,920 bytes), in at most 1,000 fields; send fewer or shorter ones"

    /// The JSON body of a raw answer (after its head).
    static func body(_ answer: String) throws -> [String: Any] {
        let range = try #require(answer.range(of: "\r\n\r\n"))
        let data = Data(answer[range.upperBound...].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a 100 KB header is 431 naming it, JSON under /api/ and the error page elsewhere, with the security headers")
    func oneHugeHeader() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let before = try f.eventCount()
        var settings = f.settings
        settings.port = 0
        let big = String(repeating: "a", count: 100_000)
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            let api = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Foo: \(big)\r\n\r\n")
            #expect(api.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large"), "\(api.prefix(300))")
            #expect(api.lowercased().contains("content-type: application/json"))
            #expect(api.contains("default-src 'self'") && api.lowercased().contains("connection: close"))
            let object = try Self.body(api)
            #expect(object["error"] as? String == Self.tooLarge + ", such as a shorter X-Foo.")
            #expect(object["field"] as? String == "X-Foo")
            // A write refused so records nothing.
            let post = try await rawExchangeOffThePool(
                port: port, "POST /api/v1/petitions HTTP/1.1\r\nHost: x\r\nCookie: s=\(big)\r\nContent-Length: 2\r\n\r\n{}")
            #expect(post.hasPrefix("HTTP/1.1 431"), "\(post.prefix(300))")
            #expect(try Self.body(post)["field"] as? String == "Cookie")
            let web = try await rawExchangeOffThePool(port: port, "GET /search?q=x HTTP/1.1\r\nHost: x\r\nCookie: s=\(big)\r\n\r\n")
            #expect(web.hasPrefix("HTTP/1.1 431"), "\(web.prefix(300))")
            #expect(web.lowercased().contains("content-type: text/html"))
            #expect(web.contains("<h1>431 Request Header Fields Too Large</h1>"), "\(web.prefix(900))")
            #expect(web.contains(Self.tooLarge.replacing("'", with: "&#39;") + ", such as a shorter Cookie."), "\(web.prefix(900))")
        }
        #expect(try f.eventCount() == before)
    }

    @Test("many headers, none long, over the bound together or in number, are 431 too; a long one under the bound is read")
    func manyHeaders() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            // Twenty headers of 5,000 bytes: each under the address's 8 KiB, 100 KB together.
            let wide = (1...20).map { "X-Part-\($0): " + String(repeating: "b", count: 5_000) + "\r\n" }.joined()
            let api = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\(wide)\r\n")
            #expect(api.hasPrefix("HTTP/1.1 431"), "\(api.prefix(300))")
            let object = try Self.body(api)
            #expect(object["error"] as? String == Self.tooLarge + ", such as a smaller cookie.")
            #expect(object.keys.contains("field"))
            let many = (1...1_001).map { "X-N\($0): 1\r\n" }.joined()
            let counted = try await rawExchangeOffThePool(port: port, "GET /letters HTTP/1.1\r\nHost: x\r\n\(many)\r\n")
            #expect(counted.hasPrefix("HTTP/1.1 431"), "\(counted.prefix(300))")
            #expect(counted.contains("<h1>431 Request Header Fields Too Large</h1>"))
            // A long header under the bound is read.
            let fine = "X-Fine: " + String(repeating: "c", count: 60_000) + "\r\n"
            let read = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\(fine)\r\n")
            #expect(read.hasPrefix("HTTP/1.1 200"), "\(read.prefix(300))")
        }
    }
}
