/// An expected delivery for a (decree, recipient, period).
public struct Delivery: Codable, Hashable, Sendable {
    public var id: Int64
    public var decree: String
    public var recipient: String
    public var supplier: String
    public var period: Period
    public var due: Day
    public var status: DeliveryStatus
    public var lines: [DeliveryLine]
    public var receipts: [Receipt]?

    public init(
        id: Int64, decree: String, recipient: String, supplier: String, period: Period, due: Day, status: DeliveryStatus, lines: [DeliveryLine],
        receipts: [Receipt]? = nil
    ) {
        self.id = id
        self.decree = decree
        self.recipient = recipient
        self.supplier = supplier
        self.period = period
        self.due = due
        self.status = status
        self.lines = lines
        self.receipts = receipts
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(supplier, forKey: .supplier)
        try c.encode(period, forKey: .period)
        try c.encode(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(lines, forKey: .lines)
        try c.encode(receipts, forKey: .receipts)
    }
}
