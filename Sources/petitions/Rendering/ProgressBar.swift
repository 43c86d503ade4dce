import Foundation
import PetitionsApp

/// A progress bar on standard error (rows, rate, time left), drawn only when standard error is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Int?
    private let start = Date()
    private var last = Date.distantPast
    private var drawn = false

    /// Nil when standard error is not a terminal: nothing of it then.
    init?(label: String, file: String) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
        // Only a regular file is counted: counting a pipe (`<(command)`, /dev/stdin) would read away the rows to import.
        total = file == "-" || !InputFile.isRegular(file) ? nil : ProgressBar.dataLines(file)
    }

    func update(_ rows: Int) {
        let now = Date()
        guard now.timeIntervalSince(last) >= 0.1 else { return }
        last = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(rows) / elapsed
        var line = "\r\(label): \(rows) rows, \(Int(rate)) rows/s"
        if let total, total > 0 {
            let fraction = min(1, Double(rows) / Double(total))
            let width = 24
            let filled = Int(fraction * Double(width))
            let left = rate > 0 ? Int(Double(max(0, total - rows)) / rate) : 0
            line =
                "\r\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(rows)/\(total) rows, "
                + "\(Int(rate)) rows/s, \(left / 60):\(String(format: "%02d", left % 60)) left"
        }
        FileHandle.standardError.write(Data((line + "\u{1B}[K").utf8))
        drawn = true
    }

    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    /// Lines after the header, counted quickly (a quoted field with a line break makes it an estimate).
    static func dataLines(_ path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var count = 0
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { raw in
                for b in raw where b == 0x0A { count += 1 }
            }
        }
        return max(0, count - 1)
    }
}
