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

    /// Writes the note and says what is unusual about its day (before the petition was logged, after today), on
    /// one opening of the ledger: the server's web form and API say it as the command line does.
    public func runChecked(in workspace: Workspace) throws -> (note: PetitionNote, warnings: [String]) {
        try workspace.oneOpening { w in
            let note = try run(in: w)
            return (note, try CheckDates("the note is dated", on: note.on, references: [.petition(petition)]).run(in: w))
        }
    }
}
