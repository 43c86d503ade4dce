import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsServer
import PetitionsTestSupport
import Testing

/// Bodies that never come whole: a trial found both answered by the idle timeout closing the connection, with nothing
/// said.
@Suite("Request bodies that do not come") struct ServerBodyTests {
    func offThePool(port: Int, head: String, wait: Double) async throws -> (answer: String, closedAfter: Double?) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try slowClient(port: port, head: head, trickle: "", pace: 0.25, wait: wait) })
            }
        }
    }

    @Test("a body declared over 1 MiB is 413 at once, before any of it is read")
    func declaredTooLarge() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        // Long enough that a body's 408 (after 10 s) cannot come first on a busy machine: the 413 must not wait for it.
        settings.idleTimeout = .seconds(30)
        let token = f.tokens[.clerk] ?? ""
        let before = try f.eventCount()
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            let r = try await offThePool(
                port: port,
                head: "POST /api/v1/petitions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000000\r\n\r\n{}", wait: 25)
            // Waited for up to 25 s (a loaded machine running the whole suite took over 8): a 408 after the body's
            // 10 s would come first and fail this, so the 413 must still come before any of the body is awaited.
            #expect(r.answer.hasPrefix("HTTP/1.1 413"), "\(r.answer)")
            #expect(r.answer.contains("The request's body is too large (at most 1 MiB)."), "\(r.answer)")
        }
        #expect(try f.eventCount() == before)
    }

    @Test("a body that stops coming is answered 408 before the idle timeout closes the connection, whatever the grace asked")
    func stalledBodyIsAnswered() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        settings.idleTimeout = .seconds(3)
        settings.bodyGrace = .seconds(20)  // over the idle timeout, as the defaults were (20 s against 15 s)
        let token = f.tokens[.clerk] ?? ""
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            let r = try await offThePool(
                port: port,
                head: "POST /api/v1/petitions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{}", wait: 8)
            #expect(r.closedAfter != nil, "closed")
            #expect(r.answer.hasPrefix("HTTP/1.1 408"), "\(r.answer)")
            #expect(r.answer.contains("came too slowly"), "\(r.answer)")
        }
    }

    @Test("the default grace for a body is under the idle timeout")
    func defaultsAnswerBeforeClosing() throws {
        let settings = ServerSettings(databasePath: nil)
        #expect(settings.bodyGrace < settings.idleTimeout, "\(settings.bodyGrace) against \(settings.idleTimeout)")
    }
}
