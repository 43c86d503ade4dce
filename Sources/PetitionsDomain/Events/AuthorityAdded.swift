/// `authority.added`: an authority recorded, below its parent, with its default reply window.
public struct AuthorityAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.authorityAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var handle: String
    public var name: String
    public var parent: String?
    public var replyWithin: String?

    public init(handle: String, name: String, parent: String? = nil, replyWithin: String? = nil) {
        self.handle = handle
        self.name = name
        self.parent = parent
        self.replyWithin = replyWithin
    }

    public var event: LedgerEvent { .authorityAdded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.handle = map(handle)
        p.parent = parent.map(map)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case handle, name, parent
        case replyWithin = "reply_within"
    }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(parent, forKey: .parent)
        try c.encode(replyWithin, forKey: .replyWithin)
    }
}
