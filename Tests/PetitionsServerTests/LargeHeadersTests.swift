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

    @Test("an upload's body is not read as a head: the next request on the connection is answered by its own address")
    func bodyThenHead() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let letter = try letterOnPetition(f)
        var settings = try f.settings(maxAttachmentMB: 25)
        settings.port = 0
        let token = f.tokens[.clerk] ?? ""
        // A body of 20,000 bytes with no line break, then a page's request whose cookie is too large: the body's
        // bytes and the request line are not one line, and the page is answered as a page, naming the cookie.
        let body = String(repeating: "x", count: 20_000)
        let upload =
            "POST /api/v1/letters/\(letter)/attachments?name=scan.txt HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        let big = String(repeating: "a", count: 100_000)
        let page = "GET /search?q=x HTTP/1.1\r\nHost: x\r\nCookie: s=\(big)\r\n\r\n"
        // A header over 8 KiB in a request answered is forgotten by the next one's overflow.
        let fine = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Fine: \(String(repeating: "c", count: 10_000))\r\n\r\n"
        let wide = (1...20).map { "X-Part-\($0): " + String(repeating: "b", count: 5_000) + "\r\n" }.joined()
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            let first = try await exchangesOffThePool(port: port, [upload, page])
            #expect(first.count == 2 && first[0].hasPrefix("HTTP/1.1 201"), "\(first.map { $0.prefix(300) })")
            let web = try #require(first.last)
            #expect(web.hasPrefix("HTTP/1.1 431"), "\(web.prefix(300))")
            #expect(web.contains("<h1>431 Request Header Fields Too Large</h1>") && web.contains("such as a shorter Cookie."), "\(web.prefix(900))")
            let second = try await exchangesOffThePool(port: port, [fine, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\(wide)\r\n"])
            #expect(second.count == 2 && second[0].hasPrefix("HTTP/1.1 200"), "\(second.map { $0.prefix(300) })")
            let api = try #require(second.last)
            #expect(api.hasPrefix("HTTP/1.1 431"), "\(api.prefix(300))")
            #expect(try Self.body(api)["error"] as? String == Self.tooLarge + ", such as a smaller cookie.")
        }
    }
}

/// `requests` sent one after the other on one connection, each once the answer to the one before was read whole (by
/// its Content-Length); the last answer is read until the server closes. Off the pool, as `rawExchangeOffThePool`.
func exchangesOffThePool(port: Int, _ requests: [String]) async throws -> [String] {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try exchanges(port: port, requests) }) }
    }
}

private func exchanges(port: Int, _ requests: [String]) throws -> [String] {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw PetitionsError("socket failed") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw PetitionsError("connect failed") }
    var answers: [String] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    for (index, request) in requests.enumerated() {
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var answer: [UInt8] = []
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            answer += chunk[0..<n]
            // An answer before the last is whole once its head and Content-Length bytes of body are in.
            let text = String(decoding: answer, as: UTF8.self)
            if index < requests.count - 1, let end = text.range(of: "\r\n\r\n"),
                let line = text[..<end.lowerBound].split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                text.utf8.distance(from: end.upperBound.samePosition(in: text.utf8) ?? text.utf8.endIndex, to: text.utf8.endIndex) >= length
            {
                break
            }
        }
        answers.append(String(decoding: answer, as: UTF8.self))
    }
    return answers
}
