/// A scheduled delivery not complete as of the day asked.
public struct LateDelivery: Hashable, Sendable {
    public var id: Int64
    public var decree: PartyName
    public var recipient: PartyName
    public var supplier: PartyName
    public var supplierParent: PartyName?
    public var period: Period
    public var due: Day
    public var lines: [DeliveryLine]
    /// Base-unit amounts per commodity, for arithmetic: expected and received as of the day asked.
    public var expectedBase: [String: Int64]
    public var receivedBase: [String: Int64]
    public var unitOf: [String: MeasureUnit]

    public init(
        id: Int64, decree: PartyName, recipient: PartyName, supplier: PartyName, supplierParent: PartyName?, period: Period, due: Day,
        lines: [DeliveryLine], expectedBase: [String: Int64], receivedBase: [String: Int64], unitOf: [String: MeasureUnit]
    ) {
        self.id = id
        self.decree = decree
        self.recipient = recipient
        self.supplier = supplier
        self.supplierParent = supplierParent
        self.period = period
        self.due = due
        self.lines = lines
        self.expectedBase = expectedBase
        self.receivedBase = receivedBase
        self.unitOf = unitOf
    }

    /// The fraction of what was expected that has not come (0…1), over every commodity by base amount.
    public var shortfallFraction: Double {
        let e = expectedBase.values.reduce(0, +)
        guard e > 0 else { return 0 }
        let r = expectedBase.keys.reduce(Int64(0)) { $0 + min(receivedBase[$1] ?? 0, expectedBase[$1] ?? 0) }
        return Double(e - r) / Double(e)
    }
}
