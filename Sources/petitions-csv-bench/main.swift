import CSV
import Foundation
import PetitionsReport

// Times the two CSV writers on the same rows: CSV.swift's `CSVWriter` (which wrote petitions' CSV until issue 14) and
// `CSVText`, which replaced it, plus `CSVTable.render` (CSVText with every cell neutralised, what the listings call).
// The rows have the overdue listing's shape (12 cells: ids, handles, days, a severity, three quantity lists), one in
// fifty with a cell that must be quoted. Scripts/bench-csv builds and runs it (release) and counts instructions.
//
//   petitions-csv-bench [ROWS] [RUNS] [--only csvswift|csvtext|render]

let arguments = CommandLine.arguments.dropFirst()
let numbers = arguments.compactMap { Int($0) }
let rowCount = numbers.first ?? 100_000
let runs = numbers.dropFirst().first ?? 5
let only = arguments.firstIndex(of: "--only").flatMap {
    arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil
}

let header = [
    "delivery", "decree", "recipient", "supplier", "period", "due", "overdue_since", "days_overdue", "severity", "expected", "received",
    "shortfall",
]
let severities = ["notice", "warning", "critical"]
let rows: [[String]] = (0..<rowCount).map { i in
    let month = 1 + i % 12
    let period = "19\(12 + i % 8)-\(month < 10 ? "0" : "")\(month)"
    return [
        String(100_000 + i), "bread-19\(12 + i % 8)", i % 50 == 0 ? "Kropotkin, Pyotr \"the prince\"" : "group-\(i % 2000)",
        "authority-\(i % 400)", period, period + "-15", period + "-20", String(i % 300), severities[i % 3],
        "\(1000 + i % 97) funt wheat; \(300 + i % 13) funt rye", "\(500 + i % 89) funt wheat", "\(500 + i % 7) funt wheat; \(300 + i % 13) funt rye",
    ]
}

/// What CSV.swift's writer made of the rows, as `CSVOutput` and the listings used it (into memory here).
func csvSwift() throws -> Int {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    try writer.write(row: header)
    for row in rows { try writer.write(row: row) }
    writer.stream.close()
    return (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)?.count ?? 0
}

func csvText() -> Int {
    var text = CSVText(reservingCapacity: 64 * (rows.count + 1))
    text.append(row: header)
    for row in rows { text.append(row: row) }
    return text.bytes.count
}

func render() throws -> Int { try CSVTable.render(header: header, rows: rows).utf8.count }

func time(_ name: String, _ body: () throws -> Int) rethrows {
    guard only == nil || only == name else { return }
    var best = Double.infinity
    var bytes = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        bytes = try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    let perRow = best * 1e6 / Double(max(1, rowCount))
    print(
        "\(name.padding(toLength: 9, withPad: " ", startingAt: 0))  \(String(format: "%9.1f ms", best))  \(String(format: "%8.0f ns/row", perRow))  \(bytes) bytes"
    )
}

print("\(rowCount) rows of the overdue listing's shape, best of \(runs) runs")
try time("csvswift", csvSwift)
time("csvtext", csvText)
try time("render", render)
