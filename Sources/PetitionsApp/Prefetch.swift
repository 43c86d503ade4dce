import Foundation

/// Runs `produce` on a thread of its own, up to a few chunks ahead of the reader, so that reading and checking
/// an import file overlaps with writing the ledger. `produce` runs on that thread only; rows are handed over in
/// chunks under a lock.
final class Prefetch<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [[Element]] = []
    private var finished = false
    private var cancelled = false
    private var current: [Element] = []
    private var position = 0
    private let produce: () -> Element?

    init(chunkSize: Int = 1024, chunksAhead: Int = 8, _ produce: @escaping () -> Element?) {
        self.produce = produce
        let thread = Thread { [self] in self.run(chunkSize: chunkSize, chunksAhead: chunksAhead) }
        thread.stackSize = 1 << 22
        thread.start()
    }

    private func run(chunkSize: Int, chunksAhead: Int) {
        var chunk: [Element] = []
        chunk.reserveCapacity(chunkSize)
        var more = true
        while more {
            if let e = produce() { chunk.append(e) } else { more = false }
            guard chunk.count == chunkSize || !more else { continue }
            condition.lock()
            while chunks.count >= chunksAhead && !cancelled { condition.wait() }
            if cancelled {
                condition.unlock()
                return
            }
            chunks.append(chunk)
            if !more { finished = true }
            condition.broadcast()
            condition.unlock()
            chunk = []
            chunk.reserveCapacity(chunkSize)
        }
    }

    /// The next element, waiting for the producer when needed; nil at the end.
    func next() -> Element? {
        if position < current.count {
            defer { position += 1 }
            return current[position]
        }
        condition.lock()
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else {
            condition.unlock()
            return nil
        }
        current = chunks.removeFirst()
        position = 0
        condition.broadcast()
        condition.unlock()
        return next()
    }

    /// Stops the producer (the reader gave up early).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
