import Foundation

/// The name of an attached file, as a download will be called: the same rules whether it comes from the clerk's disk,
/// the server or another office's event log.
public enum FileName {
    /// The characters that turn a direction of text (`ControlCharacters.turnsDirection`), and in a file name also the
    /// marks that set one (U+200E, U+200F), which other text may need.
    public static let directionControls: Set<UInt32> = Set([0x200E, 0x200F] + Array(0x202A...0x202E) + Array(0x2066...0x2069))

    /// `name` when it is a file's name: not empty, at most 255 bytes, no folder (`/`, `\`), no control character, no
    /// character that turns the text's direction, nothing that was not UTF-8, not `.` or `..`. Else a sentence naming
    /// the field `name` and the value.
    public static func checked(_ name: String) throws -> String {
        let n = name.trimmingCharacters(in: .whitespaces)
        let why: String?
        if n.isEmpty {
            why = "is empty; give the file's name"
        } else if n.utf8.count > 255 {
            why = "is longer than 255 bytes; give a shorter file name"
        } else if n.contains("/") || n.contains("\\") || n == "." || n == ".." {
            why = "is not a file name (it names a folder); give the name alone, e.g. reply.pdf"
        } else if let c = n.unicodeScalars.first(where: { directionControls.contains($0.value) }) {
            // U+202E turns "reply\u{202E}fdp.exe" into what reads as "replyexe.pdf" on the clerk's screen.
            why =
                "holds U+\(String(c.value, radix: 16, uppercase: true)), which turns the text's direction and can make a name read as another; "
                + "give the name without it"
        } else if ControlCharacters.first(in: n) != nil || n.contains("\n") || n.contains("\t") {
            why = "holds a control character; give a file name of printable characters"
        } else if n.unicodeScalars.contains("\u{FFFD}") {
            why = "holds bytes that are not UTF-8 text (shown as U+FFFD); give the name in UTF-8"
        } else {
            why = nil
        }
        if let why { throw PetitionsError.invalid("name", String(name.prefix(300)), why) }
        return n
    }
}
