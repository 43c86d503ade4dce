import Foundation
import Hummingbird
import HummingbirdTesting
import PetitionsTestSupport
import Testing

@testable import PetitionsServer

/// The report is sent as it is written (`StreamedAnswer`), never gathered whole: the writer stays a few chunks ahead
/// of the connection, and stops when the client goes away instead of writing on (or waiting) forever.
@Suite("Office server: answers sent as they are written") struct StreamedAnswerTests {
    /// Counts what a writer did, across its thread and the test's.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks = 0
        private var stopped = false
        func wrote() { lock.withLock { chunks += 1 } }
        func stop() { lock.withLock { stopped = true } }
        var state: (chunks: Int, stopped: Bool) { lock.withLock { (chunks, stopped) } }
    }

    @Test("a writer waiting for room stops when the answer is no longer sent")
    func gateClosedStopsTheWriter() async throws {
        let gate = ChunkGate(room: 2)
        try gate.take()
        try gate.take()
        let tally = Tally()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            // No room left: this waits until a chunk is sent or the answer ends.
            do { try gate.take() } catch { tally.stop() }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 0.3) == .timedOut, "a third chunk was let through with room for two")
        gate.close()
        #expect(done.wait(timeout: .now() + 10) == .success && tally.state.stopped)
        #expect(throws: ChunkGate.Closed.self) { try gate.take() }
    }

    @Test("an endless answer is sent chunked as it is written, and its writer stops once the client has gone")
    func clientGoneStopsTheWriter() async throws {
        let tally = Tally()
        let router = Router()
        router.get("endless") { _, _ in
            StreamedAnswer.response(headers: [.contentType: "text/plain"]) { sink in
                let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 16)
                do {
                    while true {
                        try sink(chunk)
                        tally.wrote()
                    }
                } catch {
                    tally.stop()
                    throw error
                }
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // A client that reads the head and 256 KiB of the body, then closes the connection.
            let seen = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(
                        with: Result {
                            try slowClient(
                                port: port, head: "GET /endless HTTP/1.1\r\nHost: x\r\n\r\n", trickle: "", pace: 0.25, wait: 10, upTo: 1 << 18)
                        })
                }
            }
            #expect(seen.answer.lowercased().contains("transfer-encoding: chunked"), "\(seen.answer.prefix(300))")
            #expect(seen.answer.contains("xxxxxxxx"))
            var waited = 0
            while !tally.state.stopped && waited < 100 {
                try await Task.sleep(for: .milliseconds(100))
                waited += 1
            }
            #expect(tally.state.stopped, "the writer was still writing 10 s after its client left (\(tally.state.chunks) chunks)")
            // Held back by the connection: nowhere near the gigabytes an unchecked writer makes in a second.
            #expect(tally.state.chunks < 2_000, "\(tally.state.chunks) chunks of 64 KiB")
        }
    }
}
