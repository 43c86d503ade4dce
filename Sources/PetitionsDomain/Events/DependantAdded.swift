/// `dependant.added`: a dependant added to a person's household.
public struct DependantAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.dependantAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var person: String
    public var name: String
    public var category: String

    public init(person: String, name: String, category: String) {
        self.person = person
        self.name = name
        self.category = category
    }

    public var event: LedgerEvent { .dependantAdded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.person = map(person)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case person, name, category }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(person, forKey: .person)
        try c.encode(name, forKey: .name)
        try c.encode(category, forKey: .category)
    }
}
