/// `letter.sent`: a letter sent to an authority, and whether and when a reply is expected. `body` is the whole text when it was sent from a draft.
public struct LetterSent: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.letterSent
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var from: String
    public var to: String
    public var on: String?
    public var subject: String
    public var petition: Int64?
    public var channel: String?
    public var summary: String?
    public var expectsReply: Bool?
    public var replyWithin: String?
    public var restartsClock: Bool?
    public var body: String?

    public init(
        from: String, to: String, on: String? = nil, subject: String, petition: Int64? = nil, channel: String? = nil, summary: String? = nil,
        expectsReply: Bool? = nil, replyWithin: String? = nil, restartsClock: Bool? = nil, body: String? = nil
    ) {
        self.from = from
        self.to = to
        self.on = on
        self.subject = subject
        self.petition = petition
        self.channel = channel
        self.summary = summary
        self.expectsReply = expectsReply
        self.replyWithin = replyWithin
        self.restartsClock = restartsClock
        self.body = body
    }

    public var event: LedgerEvent { .letterSent(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.from = map(from)
        p.to = map(to)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to, on, subject, petition, channel, summary
        case expectsReply = "expects_reply"
        case replyWithin = "reply_within"
        case restartsClock = "restarts_clock"
        case body
    }

    /// Every key is written, absent values as null, except those only some events carry.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(on, forKey: .on)
        try c.encode(subject, forKey: .subject)
        try c.encode(petition, forKey: .petition)
        try c.encode(channel, forKey: .channel)
        try c.encode(summary, forKey: .summary)
        try c.encode(expectsReply, forKey: .expectsReply)
        try c.encode(replyWithin, forKey: .replyWithin)
        try c.encode(restartsClock, forKey: .restartsClock)
        try c.encodeIfPresent(body, forKey: .body)
    }
}

/// The same bytes as `encode(to:)` through the house encoder, without Codable's containers: an import writes one per row.
extension LetterSent: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        if let body {
            w.key("body")
            w.string(body)
        }
        w.key("channel")
        w.string(channel)
        w.key("expects_reply")
        w.bool(expectsReply)
        w.key("from")
        w.string(from)
        w.key("on")
        w.string(on)
        w.key("petition")
        w.int(petition)
        w.key("reply_within")
        w.string(replyWithin)
        w.key("restarts_clock")
        w.bool(restartsClock)
        w.key("subject")
        w.string(subject)
        w.key("summary")
        w.string(summary)
        w.key("to")
        w.string(to)
        w.endObject()
    }
}
