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
        try workspace.recording {
            try $0.receiveLetter(
                from: from, to: to, on: on, subject: subject, inReplyTo: inReplyTo, petition: petition,
                channel: channel, summary: summary)
        }
    }
}
