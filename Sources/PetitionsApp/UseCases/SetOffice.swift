import PetitionsDomain

/// The office that keeps the ledger, as `office set` leaves it.
public struct OfficeSettings: Encodable, Sendable {
    public var office: Party
    /// What drafts sign with.
    public var signature: String?
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
            let (office, signature) = try l.setOffice(name: name, address: address, email: email, signature: signature, on: nil)
            return OfficeSettings(office: office, signature: signature)
        }
    }
}
