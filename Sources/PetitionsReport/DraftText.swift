/// A letter draft read back from its text (`letter send --from-draft FILE`): its subject line, the paragraph
/// that summarises it, and the whole text.
public struct DraftText: Sendable, Equatable {
    /// The text after `Subject:` on the first line that starts with it.
    public var subject: String?
    /// The first paragraph after the subject line that is not a salutation (one line ending in a comma),
    /// its lines joined by spaces; without a subject line, the first such paragraph of the text.
    public var summary: String?
    /// The whole text, as read.
    public var body: String

    public init(_ text: String) {
        body = text
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        var start = 0
        subject = nil
        if let i = lines.firstIndex(where: { $0.lowercased().hasPrefix("subject:") }) {
            let s = lines[i].dropFirst("subject:".count).trimmingCharacters(in: .whitespaces)
            subject = s.isEmpty ? nil : s
            start = i + 1
        }
        var paragraphs: [[String]] = [[]]
        for line in lines[start...] {
            if line.isEmpty {
                if paragraphs[paragraphs.count - 1].isEmpty == false { paragraphs.append([]) }
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        let salutation = { (p: [String]) in p.count == 1 && (p[0].hasSuffix(",") || p[0].hasSuffix(":")) }
        summary = paragraphs.first { !$0.isEmpty && !salutation($0) }.map { $0.joined(separator: " ") }
    }
}
