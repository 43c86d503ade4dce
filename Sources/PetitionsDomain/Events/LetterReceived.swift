/// `letter.received`: a letter received from an authority, perhaps in reply to one sent.
public struct LetterReceived: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.letterReceived
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var from: String
    public var to: String
    public var on: String?
    public var subject: String
    public var petition: Int64?
    public var inReplyTo: Int64?
    public var channel: String?
    public var summary: String?

    public init(
        from: String, to: String, on: String? = nil, subject: String, petition: Int64? = nil, inReplyTo: Int64? = nil, channel: String? = nil,
        summary: String? = nil
    ) {
        self.from = from
        self.to = to
        self.on = on
        self.subject = subject
        self.petition = petition
        self.inReplyTo = inReplyTo
        self.channel = channel
        self.summary = summary
    }

    public var event: LedgerEvent { .letterReceived(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.from = map(from)
        p.to = map(to)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case from, to, on, subject, petition
        case inReplyTo = "in_reply_to"
        case channel, summary
    }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(on, forKey: .on)
        try c.encode(subject, forKey: .subject)
        try c.encode(petition, forKey: .petition)
        try c.encode(inReplyTo, forKey: .inReplyTo)
        try c.encode(channel, forKey: .channel)
        try c.encode(summary, forKey: .summary)
    }
}

/// The same bytes as `encode(to:)` through the house encoder, without Codable's containers: an import writes one per row.
extension LetterReceived: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("channel")
        w.string(channel)
        w.key("from")
        w.string(from)
        w.key("in_reply_to")
        w.int(inReplyTo)
        w.key("on")
        w.string(on)
        w.key("petition")
        w.int(petition)
        w.key("subject")
        w.string(subject)
        w.key("summary")
        w.string(summary)
        w.key("to")
        w.string(to)
        w.endObject()
    }
}
