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
    /// `8 funt wheat`.
    public var text: String { "\(Quantity.format(amount)) \(unit) \(commodity)" }
}
