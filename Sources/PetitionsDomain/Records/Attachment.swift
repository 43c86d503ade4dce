/// A file attached to a letter or a petition, its bytes kept in the ledger once per content.
public struct Attachment: Codable, Hashable, Sendable {
    public var id: Int64
    public var letter: Int64?
    public var petition: Int64?
    /// The file's name when it was attached (its last path component).
    public var name: String
    public var title: String?
    /// Sniffed from the bytes (see `MediaType`).
    public var mediaType: String
    /// In bytes.
    public var size: Int64
    /// The lower-case hexadecimal SHA-256 of the bytes.
    public var sha256: String
    /// The day of the event that attached it.
    public var added: Day

    public init(
        id: Int64, letter: Int64?, petition: Int64?, name: String, title: String?, mediaType: String, size: Int64, sha256: String, added: Day
    ) {
        self.id = id
        self.letter = letter
        self.petition = petition
        self.name = name
        self.title = title
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.added = added
    }

    enum CodingKeys: String, CodingKey { case id, letter, petition, name, title, mediaType, size, sha256, added }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(letter, forKey: .letter)
        try c.encode(petition, forKey: .petition)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(mediaType, forKey: .mediaType)
        try c.encode(size, forKey: .size)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(added, forKey: .added)
    }
}
