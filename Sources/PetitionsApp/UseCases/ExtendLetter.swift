import PetitionsDomain
import PetitionsRules

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
        try workspace.recording { ledger in
            // A span that carries the due day past the last day petitions counts is refused as `deadline` refuses it,
            // not clamped to 9999-12-31 without a word.
            if let l = try? ledger.letter(letter), !l.voided, l.answeredBy == nil, let due = l.replyDue {
                _ = try workspace.rules(ledger, RuleSources()).engine.calendar.checkedDeadline(from: due, within: by, field: "--by")
            }
            return try ledger.extendLetter(letter, by: by, reason: reason, on: on)
        }
    }
}
