/// `group.joined`: a person became a member of a group.
public struct GroupJoined: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.groupJoined
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var group: String
    public var member: String
    public var from: String?

    public init(group: String, member: String, from: String? = nil) {
        self.group = group
        self.member = member
        self.from = from
    }

    public var event: LedgerEvent { .groupJoined(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.group = map(group)
        p.member = map(member)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case group, member, from }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(member, forKey: .member)
        try c.encode(from, forKey: .from)
    }
}
