/// A receipt against a delivery.
public struct Receipt: Codable, Hashable, Sendable {
    public var id: Int64
    public var on: Day
    public var quantities: [QuantityValue]
    public var note: String?
    /// Voided with `receipt void`: still listed, counting for nothing.
    public var voided: Bool

    public init(id: Int64, on: Day, quantities: [QuantityValue], note: String? = nil, voided: Bool = false) {
        self.id = id
        self.on = on
        self.quantities = quantities
        self.note = note
        self.voided = voided
    }

    /// What came, as text: `1,700 funt wheat, 20 funt salt`.
    public var quantity: String { quantities.map(\.text).joined(separator: ", ") }
    /// What came, with plain digits as JSON carries amounts: `1700 funt wheat, 20 funt salt`.
    public var plainQuantity: String { quantities.map(\.plain).joined(separator: ", ") }

    enum CodingKeys: String, CodingKey { case id, on, quantity, quantities, note, voided }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        on = try c.decode(Day.self, forKey: .on)
        quantities = try c.decode([QuantityValue].self, forKey: .quantities)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        voided = try c.decodeIfPresent(Bool.self, forKey: .voided) ?? false
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(on, forKey: .on)
        try c.encode(plainQuantity, forKey: .quantity)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(note, forKey: .note)
        try c.encode(voided, forKey: .voided)
    }
}
