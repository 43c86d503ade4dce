/// `enrolment.ended`: a recipient's enrolment in a decree ended on a day; no deliveries for later periods.
public struct EnrolmentEnded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.enrolmentEnded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var decree: String
    public var recipient: String
    public var on: String

    public init(decree: String, recipient: String, on: String) {
        self.decree = decree
        self.recipient = recipient
        self.on = on
    }

    public var event: LedgerEvent { .enrolmentEnded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.decree = map(decree)
        p.recipient = map(recipient)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case decree, recipient, on }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(on, forKey: .on)
    }
}
