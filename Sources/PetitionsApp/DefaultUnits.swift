/// The built-in units file; `config/units.toml` holds the same text and a test keeps them equal.
enum DefaultUnits {
    static let toml = #"""
        # Units of measure known to petitions.
        # Amounts are stored exactly, as integers in a base unit of each dimension:
        #   mass: micrograms; volume: microlitres; count: millionths of a piece.
        # `base` says how many base units one of the unit holds, so it must be a whole number.
        version = 1

        [[unit]]
        name = "g"
        dimension = "mass"
        base = 1_000_000
        aliases = ["gram", "grams"]

        [[unit]]
        name = "kg"
        dimension = "mass"
        base = 1_000_000_000
        aliases = ["kilogram", "kilograms"]

        [[unit]]
        name = "funt"            # Russian pound: 409.51241 g
        dimension = "mass"
        base = 409_512_410
        aliases = ["funts", "funty", "russian-pound"]

        [[unit]]
        name = "pood"            # 40 funt = 16.3804964 kg
        dimension = "mass"
        base = 16_380_496_400
        aliases = ["poods", "pud"]

        [[unit]]
        name = "lb"              # avoirdupois pound: 453.59237 g
        dimension = "mass"
        base = 453_592_370
        aliases = ["pound", "pounds", "lbs"]

        [[unit]]
        name = "piece"
        dimension = "count"
        base = 1_000_000
        aliases = ["pieces", "pc", "pcs"]

        [[unit]]
        name = "litre"
        dimension = "volume"
        base = 1_000_000
        aliases = ["litres", "liter", "liters", "l"]
        """#
}
