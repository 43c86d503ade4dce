/// A receipt against a delivery.
public struct Receipt: Codable, Hashable, Sendable {
    public var id: Int64
    public var on: Day
    public var quantities: [QuantityValue]
    public var note: String?
    /// Voided with `receipt void`: still listed, counting for nothing.
    public var voided: Bool
    /// For a voided receipt: why, the day its void was recorded for, and who recorded it (`receipt void`).
    public var voidReason: String?
    public var voidedOn: Day?
    public var voidedBy: String?

    public init(
        id: Int64, on: Day, quantities: [QuantityValue], note: String? = nil, voided: Bool = false, voidReason: String? = nil,
        voidedOn: Day? = nil, voidedBy: String? = nil
    ) {
        self.id = id
        self.on = on
        self.quantities = quantities
        self.note = note
        self.voided = voided
        self.voidReason = voidReason
        self.voidedOn = voidedOn
        self.voidedBy = voidedBy
    }

    /// What came, as text: `1,700 funt wheat, 20 funt salt`.
    public var quantity: String { quantities.map(\.text).joined(separator: ", ") }
    /// What came, with plain digits as JSON carries amounts: `1700 funt wheat, 20 funt salt`.
    public var plainQuantity: String { quantities.map(\.plain).joined(separator: ", ") }

    /// What a listing says of a voided receipt, in every front end's text: why, on which day and by whom its void was
    /// recorded, and that it counts for nothing (`voided: entered twice, on 1920-02-12, by clerk; counts for nothing`);
    /// empty for a receipt that stands.
    public var voidedText: String {
        guard voided else { return "" }
        let said = [voidReason, voidedOn.map { "on \($0)" }, voidedBy.map { "by \($0)" }].compactMap { $0 }
        return "voided" + (said.isEmpty ? "" : ": " + said.joined(separator: ", ")) + "; counts for nothing"
    }

    enum CodingKeys: String, CodingKey { case id, on, quantity, quantities, note, voided, voidReason, voidedOn, voidedBy }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        on = try c.decode(Day.self, forKey: .on)
        quantities = try c.decode([QuantityValue].self, forKey: .quantities)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        voided = try c.decodeIfPresent(Bool.self, forKey: .voided) ?? false
        voidReason = try c.decodeIfPresent(String.self, forKey: .voidReason)
        voidedOn = try c.decodeIfPresent(Day.self, forKey: .voidedOn)
        voidedBy = try c.decodeIfPresent(String.self, forKey: .voidedBy)
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
        try c.encode(voidReason, forKey: .voidReason)
        try c.encode(voidedOn, forKey: .voidedOn)
        try c.encode(voidedBy, forKey: .voidedBy)
    }
}
