/// `delivery.cancelled`: a scheduled delivery cancelled.
public struct DeliveryCancelled: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.deliveryCancelled
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var decree: String
    public var recipient: String
    public var period: String
    public var reason: String

    public init(decree: String, recipient: String, period: String, reason: String) {
        self.decree = decree
        self.recipient = recipient
        self.period = period
        self.reason = reason
    }

    public var event: LedgerEvent { .deliveryCancelled(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.decree = map(decree)
        p.recipient = map(recipient)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case decree, recipient, period, reason }
}
