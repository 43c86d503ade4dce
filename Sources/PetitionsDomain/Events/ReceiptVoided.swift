/// `receipt.voided`: a receipt recorded in error, voided: it stays listed and counts for nothing.
public struct ReceiptVoided: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.receiptVoided
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var receipt: Int64?
    public var reason: String

    public init(receipt: Int64? = nil, reason: String) {
        self.receipt = receipt
        self.reason = reason
    }

    public var event: LedgerEvent { .receiptVoided(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case receipt, reason }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(receipt, forKey: .receipt)
        try c.encode(reason, forKey: .reason)
    }
}
