/// One line of a delivery: a commodity expected and received.
public struct DeliveryLine: Codable, Hashable, Sendable {
    public var commodity: String
    public var expected: QuantityValue
    public var received: QuantityValue
    public var shortfall: QuantityValue
    /// What came, in the units it came in, when some of it came in another unit than the decree's and `received`
    /// shows it only rounded to three decimals (`100 kg` against a ration in funt is 244.193 funt): text shows both.
    /// Empty otherwise (1 pood is exactly 40 funt). Not in the JSON, whose receipts list each quantity as entered.
    public var receivedAs: [QuantityValue] = []

    enum CodingKeys: String, CodingKey { case commodity, expected, received, shortfall }

    public init(commodity: String, expected: QuantityValue, received: QuantityValue, shortfall: QuantityValue, receivedAs: [QuantityValue] = []) {
        self.commodity = commodity
        self.expected = expected
        self.received = received
        self.shortfall = shortfall
        // Short by less than three decimals show (999.5 g of 1 kg): the received amount rounded up to the expected one
        // would read as all of it; it is the expected less the shortfall, shown with its decimals (README, Values).
        if shortfall.amount > 0, received.amount >= expected.amount, received.unit == expected.unit, shortfall.unit == expected.unit {
            self.received.amount = expected.amount - shortfall.amount
        }
        self.receivedAs = receivedAs
    }

    /// ` (as 10 kg)`, ` (as 1 pood + 10 kg)`: what came in the units it came in, to follow the received amount in text;
    /// empty when it all came in the decree's unit.
    public static func cameAs(_ quantities: [QuantityValue]) -> String {
        quantities.isEmpty ? "" : " (as \(amounts(quantities)))"
    }

    /// `1 pood + 10 kg`: amounts with their units, thousands separated.
    public static func amounts(_ quantities: [QuantityValue]) -> String {
        quantities.map { "\(Quantity.grouped($0.amount)) \($0.unit)" }.joined(separator: " + ")
    }

    /// `488.386 funt wheat (as 200 kg)`: the received amount, unit and commodity, then what came in another unit, as
    /// `delivery list`, `check` and `overdue` write it (the web put the commodity after the "(as …)").
    public var receivedWithCommodity: String {
        "\(Quantity.grouped(received.amount)) \(received.unit) \(commodity)" + DeliveryLine.cameAs(receivedAs)
    }

    /// `2.442 funt (as 1 kg)`: the received amount and unit, with what came in another unit.
    public var receivedText: String { "\(Quantity.grouped(received.amount)) \(received.unit)" + DeliveryLine.cameAs(receivedAs) }
}
