/// `party.updated`: a party's fields corrected: `before` and `after` hold each changed field's old and new value (its handle never changes).
public struct PartyUpdated: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.partyUpdated
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var handle: String
    public var partyKind: String
    public var before: [String: JSONValue]
    public var after: [String: JSONValue]

    public init(handle: String, partyKind: String, before: [String: JSONValue], after: [String: JSONValue]) {
        self.handle = handle
        self.partyKind = partyKind
        self.before = before
        self.after = after
    }

    public var event: LedgerEvent { .partyUpdated(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.handle = map(handle)
        // The parent authority is named by its handle.
        if case .string(let h)? = before["parent"] { p.before["parent"] = .string(map(h)) }
        if case .string(let h)? = after["parent"] { p.after["parent"] = .string(map(h)) }
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case handle
        case partyKind = "kind"
        case before, after
    }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(handle, forKey: .handle)
        try c.encode(partyKind, forKey: .partyKind)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
    }
}
