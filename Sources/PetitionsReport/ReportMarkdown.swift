import Foundation

/// The status report as GitHub-flavoured Markdown: the same headings, sentences and tables as the text report.
public enum ReportMarkdown {
    /// The whole report.
    public static func render(_ report: StatusReport) -> String {
        ReportOutput.string { try write(report, to: $0) }
    }

    /// Writes the report to `sink` in chunks of about `chunk` bytes as it is laid out: the same text as `render`.
    public static func write(_ report: StatusReport, chunk: Int = 1 << 16, to sink: ([UInt8]) throws -> Void) throws {
        try ReportOutput.writing(chunk: chunk, to: sink) { try write(report, to: $0) }
    }

    static func write(_ report: StatusReport, to out: ReportOutput) throws {
        for (n, block) in ReportDocument(report).blocks.enumerated() {
            if n > 0 { try out.write("\n\n") }
            switch block {
            case .heading(let text, let level):
                try out.write(String(repeating: "#", count: level) + " " + escape(text))
            case .paragraph(let text):
                try out.write(escape(text))
            case .table(let headers, let rows, let right):
                try out.write("| " + headers.map(escape).joined(separator: " | ") + " |\n")
                try out.write("| " + headers.indices.map { right.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
                for r in rows {
                    try out.write("\n| " + headers.indices.map { $0 < r.count ? escape(r[$0]) : "" }.joined(separator: " | ") + " |")
                }
            case .items(let items):
                var first = true
                for i in items {
                    try out.write(
                        (first ? "" : "\n") + "- " + (i.label.map { "**\(escape($0))** " } ?? "") + escape(i.text)
                            + (i.next.map { "\n  Next: " + escape($0) } ?? ""))
                    first = false
                }
            }
        }
        try out.write("\n")
    }

    /// Backslash-escapes what Markdown would read as markup (emphasis, links, HTML, table cells), and folds newlines.
    /// Scalar by scalar: by `Character`, a mark followed by a combining accent, or a CR LF, was one character and
    /// went through as it was.
    public static func escape(_ s: String) -> String {
        var out = s.hasPrefix("#") || s.hasPrefix(">") ? "\\" : ""
        for c in s.unicodeScalars {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", "|", "~":
                out += "\\"
                out.unicodeScalars.append(c)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
