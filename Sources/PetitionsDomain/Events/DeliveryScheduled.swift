/// `delivery.scheduled`: the deliveries of a decree expected for a run of periods.
public struct DeliveryScheduled: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.deliveryScheduled
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var decree: String
    public var recipient: String?
    public var from: String
    public var to: String
    public var periods: [String]?

    public init(decree: String, recipient: String? = nil, from: String, to: String, periods: [String]? = nil) {
        self.decree = decree
        self.recipient = recipient
        self.from = from
        self.to = to
        self.periods = periods
    }

    public var event: LedgerEvent { .deliveryScheduled(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.decree = map(decree)
        p.recipient = recipient.map(map)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case decree, recipient, from, to, periods }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(periods, forKey: .periods)
    }
}
