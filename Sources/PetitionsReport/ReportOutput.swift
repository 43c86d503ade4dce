import Foundation

/// Where the text, Markdown and HTML reports are written as they are rendered: the text is gathered into chunks of
/// about `chunk` bytes, each handed to a sink (a file, standard output) as soon as it is full. A report of a million
/// letters and deliveries is hundreds of megabytes of text; it never sits whole in memory, and neither does any of
/// its sections (their rows are worded as they are written, see `ReportDocument`).
final class ReportOutput {
    /// The size of the chunks the command writes: 64 KiB, as `HouseJSONEncoder.stream` writes JSON.
    static let chunk = 1 << 16

    private var buffer: [UInt8] = []
    private let chunk: Int
    private let sink: ([UInt8]) throws -> Void

    private init(chunk: Int, sink: @escaping ([UInt8]) throws -> Void) {
        self.chunk = max(1, chunk)
        self.sink = sink
        buffer.reserveCapacity(min(self.chunk, ReportOutput.chunk) + 4096)
    }

    /// Appends `text`, handing the chunk to the sink once it is full.
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= chunk { try flush() }
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Runs `body` with an output whose chunks go to `sink`, then hands `sink` what is left.
    static func writing(chunk: Int, to sink: ([UInt8]) throws -> Void, _ body: (ReportOutput) throws -> Void) throws {
        // The output lives only while `body` runs; it never outlives this call, and neither does `sink`.
        try withoutActuallyEscaping(sink) { sink in
            let out = ReportOutput(chunk: chunk, sink: sink)
            try body(out)
            try out.flush()
        }
    }

    /// What `body` writes, as one string: for the office server and the tests, through the same renderer as a file.
    static func string(_ body: (ReportOutput) throws -> Void) -> String {
        var bytes: [UInt8] = []
        // Nothing here can fail: the sink only appends, and the renderers throw only what their sink throws.
        try? writing(chunk: chunk, to: { bytes += $0 }, body)
        return String(decoding: bytes, as: UTF8.self)
    }
}
