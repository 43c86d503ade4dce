import Foundation
import PetitionsDomain

/// Writes records to standard output as JSON (snake_case keys, ISO days) or as text.
enum Output {
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func line(_ s: String = "") {
        print(s)
    }
}

/// A plain aligned table that fits the terminal width (100 columns by default).
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    var maxWidth = 100

    init(_ headers: [String]) { self.headers = headers }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        guard !rows.isEmpty else { return "(none)" }
        let n = headers.count
        var widths = (0..<n).map { i in max(headers[i].count, rows.map { $0[i].count }.max() ?? 0) }
        // Shrink the widest column until the table fits.
        while widths.reduce(0, +) + 2 * (n - 1) > maxWidth, let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > 8 {
            widths[i] -= 1
        }
        func cell(_ s: String, _ w: Int, last: Bool) -> String {
            let t = s.replacingOccurrences(of: "\n", with: " ")
            if t.count > w { return String(t.prefix(max(0, w - 1))) + "…" }
            return last ? t : t + String(repeating: " ", count: w - t.count)
        }
        func renderRow(_ r: [String]) -> String {
            (0..<n).map { cell(r[$0], widths[$0], last: $0 == n - 1) }.joined(separator: "  ")
        }
        var out = [renderRow(headers), (0..<n).map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ")]
        out += rows.map(renderRow)
        return out.joined(separator: "\n")
    }
}

extension Optional where Wrapped == String {
    var orDash: String { self ?? "-" }
}
