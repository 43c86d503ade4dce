/// `petition.noted`: a case note written on a petition.
public struct PetitionNoted: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.petitionNoted
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var petition: Int64?
    public var text: String

    public init(petition: Int64? = nil, text: String) {
        self.petition = petition
        self.text = text
    }

    public var event: LedgerEvent { .petitionNoted(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case petition, text }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(petition, forKey: .petition)
        try c.encode(text, forKey: .text)
    }
}
