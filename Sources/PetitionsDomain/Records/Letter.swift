/// A letter sent or received.
public struct Letter: Codable, Hashable, Sendable {
    public var id: Int64
    public var direction: Direction
    public var from: String
    public var to: String
    public var on: Day
    public var channel: Channel
    public var subject: String
    public var summary: String?
    public var petition: Int64?
    public var inReplyTo: Int64?
    public var expectsReply: Bool
    public var replyWithin: Span?
    /// The stored day a reply is due (under the ledger's rules and calendar when it was recorded).
    public var replyDue: Day?
    /// The letter that answered this one, when one did.
    public var answeredBy: Int64?
    public var voided: Bool
    public var office: String

    public init(
        id: Int64, direction: Direction, from: String, to: String, on: Day, channel: Channel, subject: String, summary: String? = nil,
        petition: Int64? = nil, inReplyTo: Int64? = nil, expectsReply: Bool, replyWithin: Span? = nil, replyDue: Day? = nil, answeredBy: Int64? = nil,
        voided: Bool, office: String
    ) {
        self.id = id
        self.direction = direction
        self.from = from
        self.to = to
        self.on = on
        self.channel = channel
        self.subject = subject
        self.summary = summary
        self.petition = petition
        self.inReplyTo = inReplyTo
        self.expectsReply = expectsReply
        self.replyWithin = replyWithin
        self.replyDue = replyDue
        self.answeredBy = answeredBy
        self.voided = voided
        self.office = office
    }

    /// Whether a reply is still expected of it: never of a void letter, which counts for nothing on any day (the
    /// stored `expectsReply` is what it was sent with).
    public var awaitsReply: Bool { expectsReply && !voided }

    /// Encodes every key, absent values as null, so that the JSON shape is stable. A void letter expects no reply
    /// and has no reply due, as the listings and the web say: `voided` says why.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(direction, forKey: .direction)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(on, forKey: .on)
        try c.encode(channel, forKey: .channel)
        try c.encode(subject, forKey: .subject)
        try c.encode(summary, forKey: .summary)
        try c.encode(petition, forKey: .petition)
        try c.encode(inReplyTo, forKey: .inReplyTo)
        try c.encode(awaitsReply, forKey: .expectsReply)
        try c.encode(replyWithin, forKey: .replyWithin)
        try c.encode(voided ? nil : replyDue, forKey: .replyDue)
        try c.encode(answeredBy, forKey: .answeredBy)
        try c.encode(voided, forKey: .voided)
        try c.encode(office, forKey: .office)
    }
}
