/// One record found by `search`: what it is, its id (petitions, letters, notes, attachments) or handle (parties),
/// a title, its day, a snippet with the matched words in [brackets], and its rank (SQLite's bm25: lower is better).
public struct SearchHit: Codable, Hashable, Sendable {
    public var kind: SearchKind
    public var id: Int64?
    public var handle: String?
    public var title: String
    public var day: Day?
    public var snippet: String
    public var rank: Double

    public init(kind: SearchKind, id: Int64?, handle: String?, title: String, day: Day?, snippet: String, rank: Double) {
        self.kind = kind
        self.id = id
        self.handle = handle
        self.title = title
        self.day = day
        self.snippet = snippet
        self.rank = rank
    }

    enum CodingKeys: String, CodingKey { case kind, id, handle, title, day, snippet, rank }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encode(handle, forKey: .handle)
        try c.encode(title, forKey: .title)
        try c.encode(day, forKey: .day)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(rank, forKey: .rank)
    }
}
