import PetitionsDomain

/// Records a letter received from an authority, perhaps in reply to a letter sent.
public struct ReceiveLetter: UseCase {
    public var from: String
    public var to: String
    public var on: Day
    public var subject: String
    public var inReplyTo: Int64?
    public var petition: Int64?
    public var channel: Channel
    public var summary: String?

    public init(
        from: String, to: String, on: Day, subject: String, inReplyTo: Int64? = nil, petition: Int64? = nil,
        channel: Channel = .post, summary: String? = nil
    ) {
        self.from = from
        self.to = to
        self.on = on
        self.subject = subject
        self.inReplyTo = inReplyTo
        self.petition = petition
        self.channel = channel
        self.summary = summary
    }

    public func run(in workspace: Workspace) throws -> Letter {
        try record(in: workspace, checked: false).letter
    }

    /// Records the letter and says what `CheckLetter` finds unusual about it, opening the ledger once (as
    /// `SendLetter.runChecked`).
    public func runChecked(in workspace: Workspace) throws -> CheckedLetter {
        try record(in: workspace, checked: true)
    }

    private func record(in workspace: Workspace, checked: Bool) throws -> CheckedLetter {
        try workspace.recording { ledger in
            let warnings = checked ? CheckLetter(from: from, to: to, inReplyTo: inReplyTo, petition: petition, on: on).warnings(in: ledger) : []
            let letter = try ledger.receiveLetter(
                from: from, to: to, on: on, subject: subject, inReplyTo: inReplyTo, petition: petition,
                channel: channel, summary: summary)
            return CheckedLetter(letter: letter, warnings: warnings)
        }
    }
}
