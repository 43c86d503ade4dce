/// `petition.updated`: a petition's subject, category or intermediary corrected, each changed field before and after.
public struct PetitionUpdated: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.petitionUpdated
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var petition: Int64?
    public var before: [String: JSONValue]
    public var after: [String: JSONValue]

    public init(petition: Int64? = nil, before: [String: JSONValue], after: [String: JSONValue]) {
        self.petition = petition
        self.before = before
        self.after = after
    }

    public var event: LedgerEvent { .petitionUpdated(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        if case .string(let h)? = before["via"] { p.before["via"] = .string(map(h)) }
        if case .string(let h)? = after["via"] { p.after["via"] = .string(map(h)) }
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case petition, before, after }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(petition, forKey: .petition)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
    }
}
