import PetitionsDomain

/// libFuzzer target: any text given to `Quantity(parsing:)` with the built-in units is a quantity or an error.
let catalog = try! UnitCatalog([
    MeasureUnit(name: "g", dimension: "mass", base: 1_000_000, aliases: ["gram", "grams"]),
    MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000, aliases: ["kilogram", "kilograms"]),
    MeasureUnit(name: "funt", dimension: "mass", base: 409_512_410, aliases: ["funts"]),
    MeasureUnit(name: "pood", dimension: "mass", base: 16_380_496_400, aliases: ["pud", "poods"]),
    MeasureUnit(name: "l", dimension: "volume", base: 1_000_000, aliases: ["litre", "litres"]),
    MeasureUnit(name: "piece", dimension: "count", base: 1_000_000, aliases: ["pieces", "pcs"]),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantities(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? Quantity(parsing: text, field: "quantity", units: catalog)
    return 0
}
