import PetitionsDomain
import PetitionsStore

/// What is unusual about a letter before it is recorded (a reply from another party than the one written to, a letter
/// on a petition from a party that is none of its own, a letter dated after today): sentences for the front end to
/// show as warnings. Reads only.
public struct CheckLetter: UseCase {
    public var from: String
    public var to: String
    public var inReplyTo: Int64?
    public var petition: Int64?
    /// The letter's day: one after today cannot have been sent or received yet (a typing slip, 2092 for 1920), and is
    /// recorded all the same, as a note or an attachment so dated is, never silently.
    public var on: Day?

    public init(from: String, to: String, inReplyTo: Int64? = nil, petition: Int64? = nil, on: Day? = nil) {
        self.from = from
        self.to = to
        self.inReplyTo = inReplyTo
        self.petition = petition
        self.on = on
    }

    public func run(in workspace: Workspace) throws -> [String] {
        // A ledger that does not exist yet has nothing to warn about; recording it says what is wrong.
        (try? workspace.reading { warnings(in: $0) }) ?? []
    }

    /// The warnings, from a ledger already open (the one the letter is then recorded in).
    func warnings(in ledger: Ledger) -> [String] {
        let today = ledger.context.today
        let future = on.flatMap { $0 > today ? "the letter is dated \($0), after today (\(today)); it is recorded all the same." : nil }
        return (future.map { [$0] } ?? []) + ((try? ledger.letterWarnings(from: from, to: to, inReplyTo: inReplyTo, petition: petition)) ?? [])
    }
}

/// A letter recorded, with what `CheckLetter` found unusual about it before it was recorded.
public struct CheckedLetter: Sendable {
    /// The letter as recorded.
    public var letter: Letter
    /// Sentences for the front end to show as warnings.
    public var warnings: [String]
}

/// A use case that records one letter and can also say what `CheckLetter` finds unusual about it (`SendLetter`,
/// `ReceiveLetter`).
public protocol LetterRecording: UseCase where Result == Letter {
    /// Records the letter with the warnings, opening the ledger once.
    func runChecked(in workspace: Workspace) throws -> CheckedLetter
}

/// A letter's recording run for its warnings too: what a front end that shows warnings (the command line) runs.
public struct RecordCheckedLetter<Recording: LetterRecording>: UseCase {
    public var recording: Recording
    public func run(in workspace: Workspace) throws -> CheckedLetter { try recording.runChecked(in: workspace) }
}

extension LetterRecording {
    /// This recording, run for its warnings too.
    public var checked: RecordCheckedLetter<Self> { RecordCheckedLetter(recording: self) }
}

extension SendLetter: LetterRecording {}
extension ReceiveLetter: LetterRecording {}
