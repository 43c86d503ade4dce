import PetitionsDomain

/// The office that keeps the ledger, as `office set` leaves it.
public struct OfficeSettings: Encodable, Sendable {
    public var office: Party
    /// What drafts sign with.
    public var signature: String?
    /// What `office set` changed (`name`, `email`, `signature`, …); empty when the office already held every value
    /// given and nothing was recorded. Not in the JSON, which is the office as it now is.
    public var changed: [String] = []

    enum CodingKeys: String, CodingKey { case office, signature }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(office, forKey: .office)
        try c.encode(signature, forKey: .signature)  // null without one: every key is present (README, JSON)
    }
}

/// Sets the office's name, address and e-mail (`party.updated` on the office party) and the signature drafts sign with.
public struct SetOffice: UseCase {
    public var name: String?
    public var address: String?
    public var email: String?
    public var signature: String?

    public init(name: String? = nil, address: String? = nil, email: String? = nil, signature: String? = nil) {
        self.name = name
        self.address = address
        self.email = email
        self.signature = signature
    }

    public func run(in workspace: Workspace) throws -> OfficeSettings {
        try workspace.amending { l in
            let (office, signature, changed) = try l.setOffice(name: name, address: address, email: email, signature: signature, on: nil)
            return OfficeSettings(office: office, signature: signature, changed: changed)
        }
    }
}
