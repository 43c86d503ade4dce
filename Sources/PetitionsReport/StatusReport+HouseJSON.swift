import PetitionsDomain

// The arrears ledger writes its own house JSON, as the listings do (`Listings+HouseJSON.swift`): members in the order
// of their snake_case keys, as Foundation's JSONEncoder (convertToSnakeCase, sortedKeys) orders them, a nil optional
// written as null, as their `encode(to:)` writes it. Through the generic encoder, the arrears lines and their
// periods were a sixth of `report --format json` on the medium ledger (860 of 4,749 million instructions, each value
// boxed into a node and the node written). `HouseJSONEncoderTests` compares the bytes with Foundation's.

extension ArrearsPeriod: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("expected")
        w.decimal(expected)
        w.key("owed")
        w.decimal(owed)
        w.key("period")
        w.value(period)
        w.key("received")
        w.decimal(received)
        w.endObject()
    }
}

extension ArrearsLine: HouseJSONWritable {
    public func write(to w: inout HouseJSONWriter) {
        w.beginObject()
        w.key("commodity")
        w.string(commodity)
        w.key("decree")
        w.string(decree)
        w.key("decree_name")
        w.string(decreeName)
        w.key("owed")
        w.decimal(owed)
        w.key("owed_kg")
        if let owedKg { w.decimal(owedKg) } else { w.null() }
        w.key("periods")
        w.array(periods)
        w.key("periods_missed")
        w.int(periodsMissed)
        w.key("promised")
        w.decimal(promised)
        w.key("received")
        w.decimal(received)
        w.key("recipient")
        w.string(recipient)
        w.key("recipient_name")
        w.string(recipientName)
        w.key("since")
        w.value(since)
        w.key("supplier")
        w.string(supplier)
        w.key("unit")
        w.string(unit)
        w.endObject()
    }
}
