import PetitionsDomain

/// A late delivery, as the `overdue` listing shows it.
public struct OverdueDelivery: Codable, Sendable, Hashable {
    public var delivery: Int64
    public var decree: String
    public var recipient: String
    public var supplier: String
    public var period: Period
    public var due: Day
    public var overdueSince: Day
    public var daysOverdue: Int
    public var severity: Severity
    public var consecutiveMissed: Int
    public var expected: [QuantityValue]
    public var received: [QuantityValue]
    public var shortfall: [QuantityValue]
    public var message: String
    public var action: String
    /// The id of the overdue_delivery rule that judged it. Not shown.
    public var rule: String = ""
    /// What came in another unit than the decree's, in the units it came in, by commodity (`DeliveryLine.receivedAs`):
    /// text shows it after the received amount. Not in the JSON.
    public var receivedAs: [String: [QuantityValue]] = [:]

    /// ` (as 10 kg)` after the received amount of `commodity`, or nothing when it came in the decree's unit.
    public func cameAs(_ commodity: String) -> String { DeliveryLine.cameAs(receivedAs[commodity] ?? []) }

    enum CodingKeys: String, CodingKey {
        case delivery, decree, recipient, supplier, period, due, overdueSince, daysOverdue, severity, consecutiveMissed, expected, received
        case shortfall, message, action
    }
}
