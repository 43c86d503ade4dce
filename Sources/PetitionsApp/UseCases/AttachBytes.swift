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

    /// `name` when it is a file's name (`FileName.checked`), else a sentence naming the field `name` and the value.
    public static func checkedName(_ name: String) throws -> String { try FileName.checked(name) }
}
