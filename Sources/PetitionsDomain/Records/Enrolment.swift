/// A recipient's enrolment in a decree.
public struct Enrolment: Codable, Hashable, Sendable {
    public var id: Int64
    public var decree: String
    public var recipient: String
    public var from: Day
    public var to: Day?
    public var counts: [HeadCount]

    public init(id: Int64, decree: String, recipient: String, from: Day, to: Day? = nil, counts: [HeadCount]) {
        self.id = id
        self.decree = decree
        self.recipient = recipient
        self.from = from
        self.to = to
        self.counts = counts
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(counts, forKey: .counts)
    }
}
