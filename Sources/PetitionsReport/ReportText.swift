import Foundation
import PetitionsRules

/// The status report as plain text: aligned tables and wrapped sentences that fit 100 columns, severities in colour
/// only when asked (the command asks on a terminal without NO_COLOR).
public enum ReportText {
    /// The width every line fits in.
    public static let width = 100

    /// The whole report; `colour` adds ANSI colours to severities.
    public static func render(_ report: StatusReport, colour: Bool = false) -> String {
        ReportOutput.string { try write(report, colour: colour, to: $0) }
    }

    /// Writes the report to `sink` in chunks of about `chunk` bytes as it is laid out: the same text as `render`.
    public static func write(
        _ report: StatusReport, colour: Bool = false, chunk: Int = 1 << 16, to sink: ([UInt8]) throws -> Void
    ) throws {
        try ReportOutput.writing(chunk: chunk, to: sink) { try write(report, colour: colour, to: $0) }
    }

    static func write(_ report: StatusReport, colour: Bool, to out: ReportOutput) throws {
        for (n, block) in ReportDocument(report).blocks.enumerated() {
            if n > 0 { try out.write("\n\n") }
            switch block {
            case .heading(let text, let level):
                let line = String(text.prefix(width))
                switch level {
                case 1: try out.write(line + "\n" + String(repeating: "=", count: line.count))
                case 2: try out.write(line + "\n" + String(repeating: "-", count: line.count))
                default: try out.write(line + ":")
                }
            case .paragraph(let text):
                try out.write(wrap(text, width: width))
            case .table(let headers, let rows, let right):
                var t = TextTable(headers, rightAligned: right, wrapsCells: true)
                t.maxWidth = width
                // The columns' widths must be known before the first line: a first reading of the rows measures them
                // and keeps only the widths, a second words them again and writes them.
                var first = true
                try t.stream(
                    rows: { add in
                        for r in rows { try add(0, r) }
                        for r in rows { try add(1, r) }
                    },
                    write: { line in
                        if !first { try out.write("\n") }
                        first = false
                        try out.write(line)
                    })
            case .items(let items):
                var first = true
                for i in items {
                    if !first { try out.write("\n") }
                    first = false
                    try out.write(item(i, colour: colour))
                }
            }
        }
        try out.write("\n")
    }

    static func item(_ i: ReportDocument.Item, colour: Bool) -> String {
        let label = i.label.map { "[\($0)] " } ?? ""
        var text = wrap(label + i.text, width: width, first: "- ", indent: "  ")
        if let l = i.label, colour {
            text = text.replacingOccurrences(of: "[\(l)]", with: "[\(paint(l, i.severity))]", options: [], range: text.range(of: "[\(l)]"))
        }
        if let next = i.next { text += "\n" + wrap(next, width: width, first: "    next: ", indent: "      ") }
        return text
    }

    /// ANSI colour for a severity label: warning yellow, overdue red, critical bold red.
    static func paint(_ s: String, _ severity: Severity?) -> String {
        switch severity {
        case .warning: return "\u{1B}[33m\(s)\u{1B}[0m"
        case .overdue: return "\u{1B}[31m\(s)\u{1B}[0m"
        case .critical: return "\u{1B}[1;31m\(s)\u{1B}[0m"
        case nil: return s
        }
    }

    /// Greedy word wrap to `width` columns: the first line starts with `first`, the others with `indent`.
    public static func wrap(_ text: String, width: Int, first: String = "", indent: String = "") -> String {
        TextTable.wrap(text, width: width, first: first, indent: indent).joined(separator: "\n")
    }
}
