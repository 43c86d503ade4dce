/// A ration: what one head of a category is owed per period.
public struct Ration: Codable, Hashable, Sendable {
    public var category: String
    public var quantity: QuantityValue
    public init(category: String, quantity: QuantityValue) {
        self.category = category
        self.quantity = quantity
    }
}
