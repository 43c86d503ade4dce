/// `letter.voided`: a letter recorded in error, voided.
public struct LetterVoided: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.letterVoided
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var letter: Int64?
    public var reason: String

    public init(letter: Int64? = nil, reason: String) {
        self.letter = letter
        self.reason = reason
    }

    public var event: LedgerEvent { .letterVoided(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case letter, reason }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(letter, forKey: .letter)
        try c.encode(reason, forKey: .reason)
    }
}
