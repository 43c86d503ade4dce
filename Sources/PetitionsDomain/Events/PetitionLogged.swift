/// `petition.logged`: a petition from a petitioner to an authority, perhaps carried by an intermediary.
public struct PetitionLogged: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.petitionLogged
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var from: String
    public var to: String
    public var via: String?
    public var subject: String
    public var category: String?
    public var opened: String?

    public init(from: String, to: String, via: String? = nil, subject: String, category: String? = nil, opened: String? = nil) {
        self.from = from
        self.to = to
        self.via = via
        self.subject = subject
        self.category = category
        self.opened = opened
    }

    public var event: LedgerEvent { .petitionLogged(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.from = map(from)
        p.to = map(to)
        p.via = via.map(map)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case from, to, via, subject, category, opened }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(via, forKey: .via)
        try c.encode(subject, forKey: .subject)
        try c.encode(category, forKey: .category)
        try c.encode(opened, forKey: .opened)
    }
}
