import PetitionsDomain

/// Voids a letter recorded in error: a correction event; nothing is deleted.
public struct VoidLetter: UseCase {
    public var letter: Int64
    public var reason: String
    public var on: Day

    public init(letter: Int64, reason: String, on: Day) {
        self.letter = letter
        self.reason = reason
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Letter {
        try workspace.recording { try $0.voidLetter(letter, reason: reason, on: on) }
    }
}
