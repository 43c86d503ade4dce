/// One record found by `search`: what it is, its id (petitions, letters, notes, attachments) or handle (parties),
/// a title, its day, a snippet with the matched words between ⟦ and ⟧ (`SearchText.open`, `close`), where those words
/// are in it (`matches`: `[start, length]` in Unicode code points), and its rank (SQLite's bm25: lower is better).
public struct SearchHit: Codable, Hashable, Sendable {
    public var kind: SearchKind
    public var id: Int64?
    public var handle: String?
    public var title: String
    public var day: Day?
    public var snippet: String
    /// Each matched word of `snippet` as `[start, length]` in Unicode code points, without its marks.
    public var matches: [[Int]]
    public var rank: Double

    public init(
        kind: SearchKind, id: Int64?, handle: String?, title: String, day: Day?, snippet: String, matches: [[Int]] = [], rank: Double
    ) {
        self.kind = kind
        self.id = id
        self.handle = handle
        self.title = title
        self.day = day
        self.snippet = snippet
        self.matches = matches
        self.rank = rank
    }

    enum CodingKeys: String, CodingKey { case kind, id, handle, title, day, snippet, matches, rank }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(SearchKind.self, forKey: .kind)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        handle = try c.decodeIfPresent(String.self, forKey: .handle)
        title = try c.decode(String.self, forKey: .title)
        day = try c.decodeIfPresent(Day.self, forKey: .day)
        snippet = try c.decode(String.self, forKey: .snippet)
        matches = try c.decodeIfPresent([[Int]].self, forKey: .matches) ?? []
        rank = try c.decode(Double.self, forKey: .rank)
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(id, forKey: .id)
        try c.encode(handle, forKey: .handle)
        try c.encode(title, forKey: .title)
        try c.encode(day, forKey: .day)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(matches, forKey: .matches)
        try c.encode(rank, forKey: .rank)
    }
}
