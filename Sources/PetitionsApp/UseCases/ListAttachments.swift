import PetitionsDomain

/// Lists the attachments in force: of one letter, of one petition, or all of them.
public struct ListAttachments: UseCase {
    public var letter: Int64?
    public var petition: Int64?

    public init(letter: Int64? = nil, petition: Int64? = nil) {
        self.letter = letter
        self.petition = petition
    }

    public func run(in workspace: Workspace) throws -> [Attachment] {
        guard letter == nil || petition == nil else {
            throw PetitionsError("attachment list: give --letter or --petition, not both.", code: .usage)
        }
        return try workspace.reading { try $0.attachments(letter: letter, petition: petition) }
    }
}
