import PetitionsDomain

/// The built-in units: `config/units.toml` holds the same units as a file to copy and edit, and a test keeps them
/// equal. They are values, not TOML parsed at each start: parsing them took 4.2 million instructions of every command
/// (callgrind, `letter send`), about 1 ms.
enum DefaultUnits {
    static let units: [MeasureUnit] = [
        // Amounts are stored exactly, as integers in a base unit of each dimension: mass in micrograms, volume in
        // microlitres, count in millionths of a piece. `base` says how many base units one of the unit holds.
        MeasureUnit(name: "g", dimension: "mass", base: 1_000_000, aliases: ["gram", "grams"]),
        MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000, aliases: ["kilogram", "kilograms"]),
        // Russian pound: 409.51241 g
        MeasureUnit(name: "funt", dimension: "mass", base: 409_512_410, aliases: ["funts", "funty", "russian-pound"]),
        // 40 funt = 16.3804964 kg
        MeasureUnit(name: "pood", dimension: "mass", base: 16_380_496_400, aliases: ["poods", "pud"]),
        // avoirdupois pound: 453.59237 g
        MeasureUnit(name: "lb", dimension: "mass", base: 453_592_370, aliases: ["pound", "pounds", "lbs"]),
        MeasureUnit(name: "piece", dimension: "count", base: 1_000_000, aliases: ["pieces", "pc", "pcs"]),
        MeasureUnit(name: "litre", dimension: "volume", base: 1_000_000, aliases: ["litres", "liter", "liters", "l"]),
    ]
}
