import Foundation

/// A quantity as shown in JSON: `{"commodity", "amount", "unit"}`.
public struct QuantityValue: Codable, Hashable, Sendable {
    public var commodity: String
    public var amount: Decimal
    public var unit: String
    public init(_ q: Quantity) {
        commodity = q.commodity
        amount = q.amount
        unit = q.unit.name
    }
    public init(commodity: String, amount: Decimal, unit: String) {
        self.commodity = commodity
        self.amount = amount
        self.unit = unit
    }
    /// `1,700 funt wheat`: as text shows amounts, thousands separated.
    public var text: String { Sentence("\(Quantity.grouped(amount)) \(unit) \(commodity)").text }
    /// `1700 funt wheat`: plain digits, as CSV and JSON carry amounts.
    public var plain: String { "\(Quantity.format(amount)) \(unit) \(commodity)" }
}
