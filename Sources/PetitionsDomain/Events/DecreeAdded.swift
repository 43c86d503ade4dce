/// `decree.added`: a decree, its rations per category and how often they are due.
public struct DecreeAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.decreeAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var handle: String
    public var name: String
    public var issued: String
    public var issuer: String?
    public var supplier: String
    public var every: String?
    public var dueDay: Int64?
    public var effectiveFrom: String?
    public var effectiveTo: String?
    public var rations: [String]?

    public init(
        handle: String, name: String, issued: String, issuer: String? = nil, supplier: String, every: String? = nil, dueDay: Int64? = nil,
        effectiveFrom: String? = nil, effectiveTo: String? = nil, rations: [String]? = nil
    ) {
        self.handle = handle
        self.name = name
        self.issued = issued
        self.issuer = issuer
        self.supplier = supplier
        self.every = every
        self.dueDay = dueDay
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.rations = rations
    }

    public var event: LedgerEvent { .decreeAdded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.handle = map(handle)
        p.issuer = issuer.map(map)
        p.supplier = map(supplier)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case handle, name, issued, issuer, supplier, every
        case dueDay = "due_day"
        case effectiveFrom = "effective_from"
        case effectiveTo = "effective_to"
        case rations
    }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(issued, forKey: .issued)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(every, forKey: .every)
        try c.encode(dueDay, forKey: .dueDay)
        try c.encode(effectiveFrom, forKey: .effectiveFrom)
        try c.encode(effectiveTo, forKey: .effectiveTo)
        try c.encode(rations, forKey: .rations)
    }
}
