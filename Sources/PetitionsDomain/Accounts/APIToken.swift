/// An API token of a user, as listed: never the token itself, which is shown once when it is made and kept
/// only as a hash.
public struct APIToken: Codable, Hashable, Sendable {
    public var id: Int64
    public var user: String
    public var label: String?
    /// The moment it was made (ISO 8601, UTC).
    public var created: String
    /// The moment it was revoked, if it was.
    public var revoked: String?

    public init(id: Int64, user: String, label: String?, created: String, revoked: String?) {
        self.id = id
        self.user = user
        self.label = label
        self.created = created
        self.revoked = revoked
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(user, forKey: .user)
        try c.encode(label, forKey: .label)
        try c.encode(created, forKey: .created)
        try c.encode(revoked, forKey: .revoked)
    }
}
