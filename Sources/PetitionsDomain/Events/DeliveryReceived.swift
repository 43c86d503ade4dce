/// `delivery.received`: what came for a scheduled delivery.
public struct DeliveryReceived: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.deliveryReceived
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var decree: String
    public var recipient: String
    public var period: String
    public var on: String?
    public var quantities: [String]?
    public var note: String?

    public init(decree: String, recipient: String, period: String, on: String? = nil, quantities: [String]? = nil, note: String? = nil) {
        self.decree = decree
        self.recipient = recipient
        self.period = period
        self.on = on
        self.quantities = quantities
        self.note = note
    }

    public var event: LedgerEvent { .deliveryReceived(self) }

    public func mappingHandles(_ map: (String) -> String) -> Self {
        var p = self
        p.decree = map(decree)
        p.recipient = map(recipient)
        return p
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case decree, recipient, period, on, quantities, note }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(decree, forKey: .decree)
        try c.encode(recipient, forKey: .recipient)
        try c.encode(period, forKey: .period)
        try c.encode(on, forKey: .on)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(note, forKey: .note)
    }
}

/// The same bytes as `encode(to:)` through the house encoder, without Codable's containers: an import writes one per row.
extension DeliveryReceived: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("decree")
        w.string(decree)
        w.key("note")
        w.string(note)
        w.key("on")
        w.string(on)
        w.key("period")
        w.string(period)
        w.key("quantities")
        w.strings(quantities)
        w.key("recipient")
        w.string(recipient)
        w.endObject()
    }
}
