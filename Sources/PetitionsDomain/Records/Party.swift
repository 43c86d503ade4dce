/// A party: a person, a group, an authority or the office itself.
public struct Party: Codable, Hashable, Sendable {
    public var id: Int64
    public var kind: PartyKind
    public var handle: String
    public var name: String
    public var district: String?
    public var occupation: String?
    /// For an authority: the authority above it.
    public var parent: String?
    /// For an authority: its default reply window.
    public var replyWithin: Span?
    /// For a person: their household.
    public var dependants: [Dependant]?
    /// For a person: the groups they belong to; for a group: its member handles.
    public var groups: [String]?
    public var members: [String]?
    /// For a group: head-counts by category.
    public var counts: [HeadCount]?
    /// For an authority: the chain above it, nearest first.
    public var chain: [String]?
    /// How to reach the party, and a free note (corrected with `petitioner edit`, `authority edit`, `office set`).
    public var address: String?
    public var phone: String?
    public var email: String?
    public var note: String?
    public var office: String

    public init(id: Int64, kind: PartyKind, handle: String, name: String, office: String) {
        self.id = id
        self.kind = kind
        self.handle = handle
        self.name = name
        self.office = office
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(handle, forKey: .handle)
        try c.encode(name, forKey: .name)
        try c.encode(district, forKey: .district)
        try c.encode(occupation, forKey: .occupation)
        try c.encode(parent, forKey: .parent)
        try c.encode(replyWithin, forKey: .replyWithin)
        try c.encode(dependants, forKey: .dependants)
        try c.encode(groups, forKey: .groups)
        try c.encode(members, forKey: .members)
        try c.encode(counts, forKey: .counts)
        try c.encode(chain, forKey: .chain)
        try c.encode(address, forKey: .address)
        try c.encode(phone, forKey: .phone)
        try c.encode(email, forKey: .email)
        try c.encode(note, forKey: .note)
        try c.encode(office, forKey: .office)
    }
}
