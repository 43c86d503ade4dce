/// A receipt against a delivery.
public struct Receipt: Codable, Hashable, Sendable {
    public var id: Int64
    public var on: Day
    public var quantities: [QuantityValue]
    public var note: String?

    public init(id: Int64, on: Day, quantities: [QuantityValue], note: String? = nil) {
        self.id = id
        self.on = on
        self.quantities = quantities
        self.note = note
    }

    /// Encodes every key, absent values as null, so that the JSON shape is stable.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(on, forKey: .on)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(note, forKey: .note)
    }
}
