import Foundation
import Hummingbird
import NIOCore

/// An answer sent as it is written: a status report is hundreds of megabytes at a million letters, and gathering it
/// into one buffer before sending held all of it (and, as the buffer grew, a copy of half of it) for the whole answer.
/// The writer runs on a thread of its own (it is synchronous, and a slow client must not hold a thread of the pool
/// that every request shares), a few chunks ahead of the connection at most; when the connection is gone, it stops.
enum StreamedAnswer {
    /// How many chunks the writer may be ahead of what the connection has sent.
    static let ahead = 4

    /// A 200 with `headers` whose body `write` hands over in chunks (sent chunked: its length is not known before).
    static func response(
        headers: HTTPFields, _ write: @escaping @Sendable (_ sink: ([UInt8]) throws -> Void) throws -> Void
    ) -> Response {
        Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                let gate = ChunkGate(room: ahead)
                let (chunks, continuation) = AsyncThrowingStream<[UInt8], Error>.makeStream()
                continuation.onTermination = { _ in gate.close() }
                defer { gate.close() }
                let thread = Thread {
                    do {
                        try write { bytes in
                            try gate.take()
                            continuation.yield(bytes)
                        }
                        continuation.finish()
                    } catch {
                        continuation.finish(throwing: error)
                    }
                }
                thread.start()
                for try await chunk in chunks {
                    try await writer.write(ByteBuffer(bytes: chunk))
                    gate.give()
                }
                try await writer.finish(nil)
            })
    }
}

/// Room for the chunks a writer has handed over and the connection has not yet sent; closed when the answer is no
/// longer being sent, which stops the writer at its next chunk.
final class ChunkGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var room: Int
    private var closed = false

    /// The answer stopped being sent (the client went away): the writer stops.
    struct Closed: Error {}

    init(room: Int) { self.room = room }

    /// Waits for room for one more chunk; throws `Closed` once the answer is no longer being sent.
    func take() throws {
        condition.lock()
        defer { condition.unlock() }
        while room == 0 && !closed { condition.wait() }
        if closed { throw Closed() }
        room -= 1
    }

    /// A chunk was sent: room for one more.
    func give() {
        condition.lock()
        room += 1
        condition.signal()
        condition.unlock()
    }

    /// No more chunks will be sent.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
