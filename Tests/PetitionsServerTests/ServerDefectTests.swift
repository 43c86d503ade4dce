import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Sends `bytes` to the server on `port` over a plain socket and reads its answer until it closes the connection (a
/// receive timeout of 10 s guards against a hang; nothing is timed).
func rawExchange(port: Int, _ bytes: String) throws -> String {
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
    let data = Array(bytes.utf8)
    _ = data.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
    var answer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n <= 0 { break }
        answer += chunk[0..<n]
    }
    return String(decoding: answer, as: UTF8.self)
}

/// `rawExchange` on a thread of its own: its socket calls block, and blocking one of the few threads that run async
/// code (two on this machine) can leave none for the server's own handlers while the other tests run.
func rawExchangeOffThePool(port: Int, _ bytes: String) async throws -> String {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try rawExchange(port: port, bytes) }) }
    }
}

/// A slow client on a plain socket: sends `head`, then `trickle` a byte every `pace` seconds, reading all the while,
/// until the server closes the connection or `wait` seconds pass. Answers what it read and after how many seconds the
/// server closed (nil: still open when it gave up).
func slowClient(port: Int, head: String, trickle: String, pace: Double, wait: Double, upTo limit: Int = .max) throws -> (
    answer: String, closedAfter: Double?
) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw PetitionsError("socket failed") }
    defer { close(fd) }
    var timeout = timeval(tv_sec: Int(pace), tv_usec: Int((pace - pace.rounded(.down)) * 1_000_000))
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw PetitionsError("connect failed") }
    let start = Date()
    func sendAll(_ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } }
    sendAll(Array(head.utf8))
    var pending = Array(trickle.utf8)[...]
    var answer: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while Date().timeIntervalSince(start) < wait {
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
            return (String(decoding: answer, as: UTF8.self), Date().timeIntervalSince(start))
        }
        if n > 0 { answer += chunk[0..<n] }
        // Read enough: the client leaves (closes) without reading the rest.
        if answer.count >= limit { break }
        if let byte = pending.popFirst() { sendAll([byte]) }
    }
    return (String(decoding: answer, as: UTF8.self), nil)
}

@Suite("Server defects, each with its test") struct ServerDefectTests {
    @Test("a slow client is cut off: a head never finished after the idle time, a body trickling in with a 408; others are answered")
    func slowClientsCutOff() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        settings.idleTimeout = .seconds(1)
        settings.bodyGrace = .seconds(1)
        let token = f.tokens[.clerk] ?? ""
        let before = try f.eventCount()
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            func offThePool(_ head: String, trickle: String) async throws -> (answer: String, closedAfter: Double?) {
                try await withCheckedThrowingContinuation { continuation in
                    Thread.detachNewThread {
                        continuation.resume(with: Result { try slowClient(port: port, head: head, trickle: trickle, pace: 0.25, wait: 8) })
                    }
                }
            }
            // A head that never ends, and a body of 100 bytes sent a byte every quarter second (25 s in all).
            async let unfinished = offThePool("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: ", trickle: "")
            let body = #"{"from":"dmitrov-post","to":"moscow-supply","subject":"Slow","on":"1920-02-01"}"#.padding(
                toLength: 100, withPad: " ", startingAt: 0)
            async let trickling = offThePool(
                "POST /api/v1/petitions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n", trickle: body)
            // Others are answered meanwhile.
            let ok = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(ok.hasPrefix("HTTP/1.1 200"))
            let (head, slow) = try await (unfinished, trickling)
            #expect(head.closedAfter.map { $0 < 4 } == true, "an unfinished head: \(String(describing: head.closedAfter))")
            #expect(head.answer.isEmpty)
            #expect(slow.closedAfter.map { $0 < 5 } == true, "a trickling body: \(String(describing: slow.closedAfter))")
            #expect(slow.answer.hasPrefix("HTTP/1.1 408"), "\(slow.answer)")
            #expect(slow.answer.contains("came too slowly") && slow.answer.contains("default-src 'self'"))
        }
        #expect(try f.eventCount() == before)
    }

    @Test("bytes that are not HTTP are 400 with the JSON error body and the security headers, and the connection closes")
    func malformedRequest() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            for garbage in ["GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "\u{1}\u{2}nonsense\r\n\r\n"] {
                let answer = try await rawExchangeOffThePool(port: port, garbage)
                #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer)")
                #expect(answer.lowercased().contains("content-type: application/json"))
                #expect(answer.lowercased().contains("x-content-type-options: nosniff"))
                #expect(answer.contains("default-src 'self'"))
                #expect(answer.contains(#""error":"The request could not be read"#))
            }
            // A request that is well formed is answered as ever, on the same server.
            let ok = try await rawExchangeOffThePool(port: port, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(ok.hasPrefix("HTTP/1.1 200") && ok.contains(#"{"status":"ok"}"#))
        }
    }

    @Test("a JSON body sent as another media type is 415 naming it, and nothing is recorded; a charset is allowed")
    func unsupportedMediaType() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let body = #"{"from":"dmitrov-post","to":"moscow-supply","subject":"Sent as text","on":"1920-02-01"}"#
        let before = try f.eventCount()
        try await f.test { client in
            for type in ["text/plain", "application/x-www-form-urlencoded", "application/jsonp", ""] {
                var headers = f.bearer(.clerk)
                if !type.isEmpty { headers[.contentType] = type }
                let r = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: json(body))
                #expect(r.status == .unsupportedMediaType, "\(type): \(r.status)")
                #expect(r.object["field"] as? String == "Content-Type")
                #expect((r.object["error"] as? String)?.contains(type.isEmpty ? "none" : "'\(type)'") == true, "\(r.text)")
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
            }
            #expect(try f.eventCount() == before)
            var headers = f.bearer(.clerk)
            headers[.contentType] = "Application/JSON; charset=utf-8"
            let ok = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: headers, body: json(body))
            #expect(ok.status == .created)
            // A reader is refused for what it is before the body's type is looked at.
            let reader = try await client.execute(uri: "/api/v1/petitions", method: .post, headers: f.bearer(.reader), body: json(body))
            #expect(reader.status == .forbidden)
        }
    }

    @Test("the petitions page with an unknown party says so in the command's sentence, beside the field")
    func unknownParty() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        let sentence: String
        do {
            _ = try ListPetitions(party: "nobody").run(in: f.ledger.workspace)
            sentence = ""
        } catch let e as PetitionsError { sentence = e.message }
        #expect(sentence.contains("nobody"))
        try await f.test { client in
            let b = try await Browser.logIn(client, "reader-user", ServerFixture.passwords[.reader] ?? "")
            let r = try await client.execute(uri: "/petitions?party=nobody", method: .get, headers: b.headers)
            #expect(r.status == .badRequest)
            // The command's sentence, its option (`--party`) named as the page's field.
            #expect(sentence.hasPrefix("--party: "))
            #expect(r.text.contains(escaped(String(sentence.dropFirst(2)))) && !r.text.contains("--party"), "\(r.text)")
            #expect(!r.text.contains("No petition matches"))
            #expect(r.text.contains(#"aria-invalid="true""#) && r.text.contains(#"value="nobody""#))
            let known = try await client.execute(uri: "/petitions?party=dmitrov-post", method: .get, headers: b.headers)
            #expect(known.status == .ok && known.text.contains("January provisions not delivered"))
        }
    }

    @Test("the web refuses to disable or demote the last admin who can log in, beside the name, and changes nothing")
    func lastAdmin() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        try await f.test { client in
            let admin = try await Browser.logIn(client, "admin-user", ServerFixture.passwords[.admin] ?? "")
            let disable = try await client.execute(
                uri: "/admin/users/disable", method: .post, headers: admin.formHeaders, body: admin.form([("name", "admin-user")]))
            #expect(disable.status == .badRequest)
            #expect(disable.text.contains("is the last admin who can log in"))
            let demote = try await client.execute(
                uri: "/admin/users/role", method: .post, headers: admin.formHeaders, body: admin.form([("name", "admin-user"), ("to", "clerk")]))
            #expect(demote.status == .badRequest)
            #expect(demote.text.contains("is the last admin who can log in"))
            let page = try await client.execute(uri: "/admin/users", method: .get, headers: admin.headers)
            #expect(page.status == .ok, "still an admin, still signed in")
        }
        let users = try ListUsers().run(in: f.ledger.workspace)
        let me = users.first { $0.name == "admin-user" }
        #expect(me?.role == .admin && me?.disabled == false)
    }
}

/// What the pages write of `s`.
func escaped(_ s: String) -> String {
    s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
}
