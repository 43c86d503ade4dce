import Foundation

/// The status report as GitHub-flavoured Markdown: the same headings, sentences and tables as the text report.
public enum ReportMarkdown {
    /// The whole report.
    public static func render(_ report: StatusReport) -> String {
        var parts: [String] = []
        for block in ReportDocument(report).blocks {
            switch block {
            case .heading(let text, let level):
                parts.append(String(repeating: "#", count: level) + " " + escape(text))
            case .paragraph(let text):
                parts.append(escape(text))
            case .table(let headers, let rows, let right):
                var lines = [
                    "| " + headers.map(escape).joined(separator: " | ") + " |",
                    "| " + headers.indices.map { right.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |",
                ]
                for r in rows {
                    lines.append("| " + headers.indices.map { $0 < r.count ? escape(r[$0]) : "" }.joined(separator: " | ") + " |")
                }
                parts.append(lines.joined(separator: "\n"))
            case .items(let items):
                parts.append(
                    items.map { i in
                        "- " + (i.label.map { "**\(escape($0))** " } ?? "") + escape(i.text) + (i.next.map { "\n  Next: " + escape($0) } ?? "")
                    }.joined(separator: "\n"))
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
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
