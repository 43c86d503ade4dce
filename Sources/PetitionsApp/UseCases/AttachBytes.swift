import Foundation
import PetitionsDomain

/// Attaches bytes that arrived over the network (the office server's upload) to a letter or a petition, under the
/// file name the sender gave: the same record and event as `attach`, without a file on this machine.
public struct AttachBytes: UseCase {
    public var letter: Int64?
    public var petition: Int64?
    /// The file's name as sent; a name, not a path.
    public var name: String
    public var title: String?
    public var bytes: Data
    public var on: Day

    public init(letter: Int64? = nil, petition: Int64? = nil, name: String, title: String? = nil, bytes: Data, on: Day) {
        self.letter = letter
        self.petition = petition
        self.name = name
        self.title = title
        self.bytes = bytes
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Attachment {
        let name = try AttachBytes.checkedName(name)
        let limit = try AttachmentLimit().run(in: workspace)
        guard !bytes.isEmpty else {
            throw PetitionsError("file: \(quoted(name)) is empty; there is nothing to attach.", field: "file", kind: .invalid)
        }
        guard bytes.count <= limit.bytes else { throw limit.refusal(name: name) }
        if let title { try ControlCharacters.refuse(title, field: "title") }
        return try workspace.amending { l in
            if let letter { _ = try l.letter(letter) }
            return try l.attach(letter: letter, petition: petition, name: name, title: title, bytes: bytes, on: on)
        }
    }

    /// The characters that embed, override or isolate a direction of text (and the marks that set one).
    static let directionControls: Set<UInt32> = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    /// `name` when it is a file's name: not empty, at most 255 bytes, no folder (`/`, `\`), no control character, no
    /// character that turns the text's direction, nothing that was not UTF-8, not `.` or `..`. Else a sentence naming
    /// the field `name` and the value.
    public static func checkedName(_ name: String) throws -> String {
        let n = name.trimmingCharacters(in: .whitespaces)
        let why: String?
        if n.isEmpty {
            why = "is empty; give the file's name"
        } else if n.utf8.count > 255 {
            why = "is longer than 255 bytes; give a shorter file name"
        } else if n.contains("/") || n.contains("\\") || n == "." || n == ".." {
            why = "is not a file name (it names a folder); give the name alone, e.g. reply.pdf"
        } else if ControlCharacters.first(in: n) != nil || n.contains("\n") || n.contains("\t") {
            why = "holds a control character; give a file name of printable characters"
        } else if let c = n.unicodeScalars.first(where: { directionControls.contains($0.value) }) {
            // U+202E turns "reply\u{202E}fdp.exe" into what reads as "replyexe.pdf" on the clerk's screen.
            why =
                "holds U+\(String(c.value, radix: 16, uppercase: true)), which turns the text's direction and can make a name read as another; "
                + "give the name without it"
        } else if n.unicodeScalars.contains("\u{FFFD}") {
            why = "holds bytes that are not UTF-8 text (shown as U+FFFD); give the name in UTF-8"
        } else {
            why = nil
        }
        if let why { throw PetitionsError.invalid("name", String(name.prefix(300)), why) }
        return n
    }
}
