/// One line of a delivery: a commodity expected and received.
public struct DeliveryLine: Codable, Hashable, Sendable {
    public var commodity: String
    public var expected: QuantityValue
    public var received: QuantityValue
    public var shortfall: QuantityValue

    public init(commodity: String, expected: QuantityValue, received: QuantityValue, shortfall: QuantityValue) {
        self.commodity = commodity
        self.expected = expected
        self.received = received
        self.shortfall = shortfall
    }
}
