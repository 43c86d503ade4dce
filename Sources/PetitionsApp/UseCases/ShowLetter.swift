import PetitionsDomain

/// One letter, by id.
public struct ShowLetter: UseCase {
    public var letter: Int64

    public init(letter: Int64) { self.letter = letter }

    public func run(in workspace: Workspace) throws -> Letter {
        try workspace.reading { try $0.letter(letter) }
    }
}
