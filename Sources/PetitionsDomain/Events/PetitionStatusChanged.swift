/// `petition.status_changed`: a petition moved from one status to another.
public struct PetitionStatusChanged: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.petitionStatusChanged
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var petition: Int64?
    public var from: String?
    public var to: String
    public var note: String?

    public init(petition: Int64? = nil, from: String? = nil, to: String, note: String? = nil) {
        self.petition = petition
        self.from = from
        self.to = to
        self.note = note
    }

    public var event: LedgerEvent { .petitionStatusChanged(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case petition, from, to, note }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(petition, forKey: .petition)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(note, forKey: .note)
    }
}
