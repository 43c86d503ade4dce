import Foundation
import PetitionsRules

/// The status report as plain text: aligned tables and wrapped sentences that fit 100 columns, severities in colour
/// only when asked (the command asks on a terminal without NO_COLOR).
public enum ReportText {
    /// The width every line fits in.
    public static let width = 100

    /// The whole report; `colour` adds ANSI colours to severities.
    public static func render(_ report: StatusReport, colour: Bool = false) -> String {
        var parts: [String] = []
        for block in ReportDocument(report).blocks {
            switch block {
            case .heading(let text, let level):
                let line = String(text.prefix(width))
                switch level {
                case 1: parts.append(line + "\n" + String(repeating: "=", count: line.count))
                case 2: parts.append(line + "\n" + String(repeating: "-", count: line.count))
                default: parts.append(line + ":")
                }
            case .paragraph(let text):
                parts.append(wrap(text, width: width))
            case .table(let headers, let rows, let right):
                var t = TextTable(headers, rightAligned: right, wrapsCells: true)
                t.maxWidth = width
                for r in rows { t.add(r) }
                parts.append(t.render())
            case .items(let items):
                parts.append(items.map { item(_: $0, colour: colour) }.joined(separator: "\n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
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
