import Foundation
import PetitionsDomain

/// Attaches a file (a scanned letter, a photograph) to a letter or a petition: its bytes are stored in the ledger.
public struct AttachFile: UseCase {
    public var letter: Int64?
    public var petition: Int64?
    public var path: String
    public var title: String?
    public var on: Day

    public init(letter: Int64? = nil, petition: Int64? = nil, path: String, title: String? = nil, on: Day) {
        self.letter = letter
        self.petition = petition
        self.path = path
        self.title = title
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Attachment {
        guard (letter == nil) != (petition == nil) else {
            throw PetitionsError("attach: give either --letter ID or --petition ID (one of them).", code: .usage)
        }
        let limit = try Configuration.load(path: workspace.resolvedConfigPath).maxAttachmentMB
        let bytes = try AttachmentFile.read(path, limitMB: limit)
        // The file's name is what a download will be called: held to the same rules as a name sent to the server.
        let name = try AttachBytes.checkedName(FilePaths.name(of: path))
        return try workspace.amending {
            try $0.attach(letter: letter, petition: petition, name: name, title: title, bytes: bytes, on: on)
        }
    }
}
