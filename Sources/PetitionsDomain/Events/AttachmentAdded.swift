/// `attachment.added`: a file attached to a letter or a petition. The ledger keeps the bytes once per content
/// (`sha256`); an exported log carries them base64 in `content`, which the stored event leaves out.
public struct AttachmentAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.attachmentAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var letter: Int64?
    public var petition: Int64?
    public var name: String
    public var title: String?
    public var mediaType: String
    public var size: Int64
    public var sha256: String
    /// The file's bytes, base64: only in an exported event log.
    public var content: String?

    public init(
        letter: Int64? = nil, petition: Int64? = nil, name: String, title: String? = nil, mediaType: String, size: Int64, sha256: String,
        content: String? = nil
    ) {
        self.letter = letter
        self.petition = petition
        self.name = name
        self.title = title
        self.mediaType = mediaType
        self.size = size
        self.sha256 = sha256
        self.content = content
    }

    public var event: LedgerEvent { .attachmentAdded(self) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case letter, petition, name, title
        case mediaType = "media_type"
        case size, sha256, content
    }

    /// Every key is written, absent values as null, except `content`, which only an export carries.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(letter, forKey: .letter)
        try c.encode(petition, forKey: .petition)
        try c.encode(name, forKey: .name)
        try c.encode(title, forKey: .title)
        try c.encode(mediaType, forKey: .mediaType)
        try c.encode(size, forKey: .size)
        try c.encode(sha256, forKey: .sha256)
        try c.encodeIfPresent(content, forKey: .content)
    }
}
