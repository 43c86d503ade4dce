import PetitionsDomain

/// Writes a case note on a petition (`petition note`): a `petition.noted` event, listed by `petition show`.
public struct NotePetition: UseCase {
    public var petition: Int64
    public var text: String
    public var on: Day?

    public init(petition: Int64, text: String, on: Day? = nil) {
        self.petition = petition
        self.text = text
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> PetitionNote {
        try workspace.amending { try $0.notePetition(petition, text: text, on: on) }
    }
}
