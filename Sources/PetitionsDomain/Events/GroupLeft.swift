/// `group.left`: a person stopped being a member of a group.
public struct GroupLeft: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.groupLeft
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var group: String
    public var member: String
    public var on: String

    public init(group: String, member: String, on: String) {
        self.group = group
        self.member = member
        self.on = on
    }

    public var event: LedgerEvent { .groupLeft(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.group = map(group)
        p.member = map(member)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case group, member, on }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(member, forKey: .member)
        try c.encode(on, forKey: .on)
    }
}
