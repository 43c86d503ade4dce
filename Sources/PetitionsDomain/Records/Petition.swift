/// A petition (request) from a person or group to an authority.
public struct Petition: Codable, Hashable, Sendable {
    public var id: Int64
    public var petitioner: String
    public var authority: String
    public var via: String?
    public var subject: String
    public var category: String?
    public var opened: Day
    public var status: PetitionStatus
    public var office: String

    public init(
        id: Int64, petitioner: String, authority: String, via: String? = nil, subject: String, category: String? = nil, opened: Day,
        status: PetitionStatus, office: String
    ) {
        self.id = id
        self.petitioner = petitioner
        self.authority = authority
        self.via = via
        self.subject = subject
        self.category = category
        self.opened = opened
        self.status = status
        self.office = office
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(petitioner, forKey: .petitioner)
        try c.encode(authority, forKey: .authority)
        try c.encode(via, forKey: .via)
        try c.encode(subject, forKey: .subject)
        try c.encode(category, forKey: .category)
        try c.encode(opened, forKey: .opened)
        try c.encode(status, forKey: .status)
        try c.encode(office, forKey: .office)
    }
}
