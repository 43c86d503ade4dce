/// `group.added`: a group of petitioners recorded with its head-counts by category.
public struct GroupAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.groupAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var handle: String
    public var name: String
    public var district: String?
    public var counts: [String: Int64]?

    public init(handle: String, name: String, district: String? = nil, counts: [String: Int64]? = nil) {
        self.handle = handle
        self.name = name
        self.district = district
        self.counts = counts
    }

    public var event: LedgerEvent { .groupAdded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.handle = map(handle)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case handle, name, district, counts }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(district, forKey: .district)
        try c.encode(counts, forKey: .counts)
    }
}
