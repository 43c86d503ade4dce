import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsApp
import PetitionsServer
import PetitionsTestSupport
import Testing

@Suite("Office server: connections") struct ConnectionTests {
    @Test("an HTTP/1.0 request without keep-alive is answered and its connection closed, not held to the idle cut-off")
    func http10Closed() async throws {
        let f = try ServerFixture()
        defer { f.ledger.remove() }
        var settings = f.settings
        settings.port = 0
        // Far beyond the client's patience: a connection closed within it was closed by the answer, not by idleness.
        settings.idleTimeout = .seconds(120)
        try await OfficeServer.application(settings).test(.live) { client in
            let port = try #require(client.port)
            func exchange(_ head: String) async throws -> (answer: String, closedAfter: Double?) {
                try await withCheckedThrowingContinuation { continuation in
                    Thread.detachNewThread {
                        continuation.resume(with: Result { try slowClient(port: port, head: head, trickle: "", pace: 0.25, wait: 10) })
                    }
                }
            }
            let old = try await exchange("GET /api/v1/health HTTP/1.0\r\n\r\n")
            #expect(old.answer.contains(#"{"status":"ok"}"#), "\(old.answer)")
            #expect(old.closedAfter != nil, "the connection was still open after 10 s")
            // HTTP/1.1 keeps it, and closes on Connection: close among other tokens too.
            let listed = try await exchange("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close, te\r\nTE: trailers\r\n\r\n")
            #expect(listed.answer.contains(#"{"status":"ok"}"#) && listed.closedAfter != nil, "\(listed.answer)")
        }
    }
}
