import PetitionsDomain

/// Which records a rule looks at; every field narrows, nil means any.
public struct RuleScope: Codable, Sendable, Equatable {
    public var authority: String?
    public var decree: String?
    public var recipient: String?
    public var category: String?

    public init(authority: String? = nil, decree: String? = nil, recipient: String? = nil, category: String? = nil) {
        self.authority = authority
        self.decree = decree
        self.recipient = recipient
        self.category = category
    }

    /// The keys a scope narrows by, in the order a rules file documents them.
    public static let keys = ["authority", "decree", "recipient", "category"]

    /// Whether a letter is in scope: to the authority, from (or on behalf of) the recipient, on a petition of the
    /// category. A scope by decree takes no letter.
    public func takes(_ l: WaitingLetter) -> Bool {
        if let a = authority, a != l.to.handle { return false }
        if let r = recipient, r != (l.petitioner?.handle ?? l.from.handle), r != l.from.handle { return false }
        if let c = category, c != l.petitionCategory { return false }
        if decree != nil { return false }
        return true
    }

    /// Whether a delivery is in scope: supplied by the authority, to the recipient, under the decree. A scope by
    /// category takes no delivery.
    public func takes(_ d: LateDelivery) -> Bool {
        if let a = authority, a != d.supplier.handle { return false }
        if let r = recipient, r != d.recipient.handle { return false }
        if let k = decree, k != d.decree.handle { return false }
        if category != nil { return false }
        return true
    }

    /// Whether a petition is in scope: to the authority, of the petitioner, of the category. A scope by decree
    /// takes no petition.
    public func takes(_ p: PetitionActivity) -> Bool {
        (authority == nil || authority == p.authority.handle) && (recipient == nil || recipient == p.petitioner.handle)
            && (category == nil || category == p.category) && decree == nil
    }
}
