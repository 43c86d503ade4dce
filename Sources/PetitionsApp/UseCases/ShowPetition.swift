import PetitionsDomain

/// A petition with its letters and its events.
public struct PetitionDossier: Encodable, Sendable {
    public var petition: Petition
    public var letters: [Letter]
    /// Case notes, oldest first.
    public var notes: [PetitionNote]
    public var events: [Event]
}

/// One petition, with everything written and recorded on it.
public struct ShowPetition: UseCase {
    public var petition: Int64

    public init(petition: Int64) { self.petition = petition }

    public func run(in workspace: Workspace) throws -> PetitionDossier {
        try workspace.reading { l in
            PetitionDossier(
                petition: try l.petition(petition), letters: try l.letters(petition: petition), notes: try l.notes(petition: petition),
                events: try l.events(petition: petition))
        }
    }
}
