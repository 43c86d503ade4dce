import PetitionsDomain

/// Extends a letter's reply deadline (the authority asked for time), as a recorded event.
public struct ExtendLetter: UseCase {
    public var letter: Int64
    public var by: Span
    public var reason: String
    public var on: Day

    public init(letter: Int64, by: Span, reason: String, on: Day) {
        self.letter = letter
        self.by = by
        self.reason = reason
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> Letter {
        try workspace.recording { try $0.extendLetter(letter, by: by, reason: reason, on: on) }
    }
}
