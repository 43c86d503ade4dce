/// `letter.extended`: a letter's reply deadline extended by a span.
public struct LetterExtended: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.letterExtended
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var letter: Int64?
    public var by: String
    public var reason: String

    public init(letter: Int64? = nil, by: String, reason: String) {
        self.letter = letter
        self.by = by
        self.reason = reason
    }

    public var event: LedgerEvent { .letterExtended(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case letter, by, reason }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(letter, forKey: .letter)
        try c.encode(by, forKey: .by)
        try c.encode(reason, forKey: .reason)
    }
}
