/// A decree: an entitlement scheme.
public struct Decree: Codable, Hashable, Sendable {
    public var id: Int64
    public var handle: String
    public var name: String
    public var issued: Day
    public var issuer: String?
    public var supplier: String
    public var every: Frequency
    public var dueDay: Int
    public var rations: [Ration]
    public var effectiveFrom: Day?
    public var effectiveTo: Day?
    public var office: String

    public init(
        id: Int64, handle: String, name: String, issued: Day, issuer: String? = nil, supplier: String, every: Frequency, dueDay: Int,
        rations: [Ration], effectiveFrom: Day? = nil, effectiveTo: Day? = nil, office: String
    ) {
        self.id = id
        self.handle = handle
        self.name = name
        self.issued = issued
        self.issuer = issuer
        self.supplier = supplier
        self.every = every
        self.dueDay = dueDay
        self.rations = rations
        self.effectiveFrom = effectiveFrom
        self.effectiveTo = effectiveTo
        self.office = office
    }

    /// Refuses a due day that is not a day of the month, naming `field`: the one check for `decree add --due-day`, the
    /// server's form and another office's log.
    public static func checkDueDay(_ day: Int, field: String = "--due-day") throws {
        guard (1...31).contains(day) else { throw PetitionsError.invalid(field, String(day), "must be a day of the month from 1 to 31") }
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(issued, forKey: .issued)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(every, forKey: .every)
        try c.encode(dueDay, forKey: .dueDay)
        try c.encode(rations, forKey: .rations)
        try c.encode(effectiveFrom, forKey: .effectiveFrom)
        try c.encode(effectiveTo, forKey: .effectiveTo)
        try c.encode(office, forKey: .office)
    }
}
