/// `enrolment.added`: a recipient enrolled in a decree with head-counts; `ends_enrolment` names the enrolment it replaced.
public struct EnrolmentAdded: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.enrolmentAdded
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var decree: String
    public var recipient: String
    public var from: String
    public var to: String?
    public var endsEnrolment: Int64?
    public var counts: [String: Int64]?

    public init(decree: String, recipient: String, from: String, to: String? = nil, endsEnrolment: Int64? = nil, counts: [String: Int64]? = nil) {
        self.decree = decree
        self.recipient = recipient
        self.from = from
        self.to = to
        self.endsEnrolment = endsEnrolment
        self.counts = counts
    }

    public var event: LedgerEvent { .enrolmentAdded(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.decree = map(decree)
        p.recipient = map(recipient)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case decree, recipient, from, to
        case endsEnrolment = "ends_enrolment"
        case counts
    }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(endsEnrolment, forKey: .endsEnrolment)
        try c.encode(counts, forKey: .counts)
    }
}
