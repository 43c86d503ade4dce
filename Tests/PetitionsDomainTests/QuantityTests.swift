import Foundation
import PetitionsDomain
import Testing

/// Units written out by hand from their historical definitions, in base units (µg, µl, millionths of a piece).
let testUnits: [MeasureUnit] = [
    MeasureUnit(name: "g", dimension: "mass", base: 1_000_000, aliases: ["gram", "grams"]),
    MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000, aliases: ["kilogram", "kilograms"]),
    MeasureUnit(name: "funt", dimension: "mass", base: 409_512_410, aliases: ["funts"]),  // 409.51241 g
    MeasureUnit(name: "pood", dimension: "mass", base: 16_380_496_400, aliases: ["pud"]),  // 40 funt
    MeasureUnit(name: "piece", dimension: "count", base: 1_000_000, aliases: ["pieces", "pcs"]),
    MeasureUnit(name: "litre", dimension: "volume", base: 1_000_000, aliases: ["litres", "l"]),
]

@Suite("Quantity")
struct QuantityTests {
    let units: UnitCatalog

    init() throws {
        units = try UnitCatalog(testUnits)
    }

    func parse(_ text: String) throws -> Quantity {
        try Quantity(parsing: text, field: "--quantity", units: units)
    }

    // MARK: - Exact amounts

    @Test(
        "amounts show back exactly as written",
        arguments: [
            "8 funt wheat", "0.1 funt wheat", "1.5 pood flour", "2.75 pood rye flour", "3 piece soap", "2 litre kerosene",
            "0.333 kg salt", "1700 funt wheat",
        ])
    func showsBackExactly(text: String) throws {
        #expect(try parse(text).description == text)
    }

    /// Output prints "1,700 funt"; the same words typed back were refused as "not a number".
    @Test(
        "thousands grouped by commas are read as printed",
        arguments: [("1,000 funt wheat", "1000 funt wheat"), ("12,345.5 kg salt", "12345.5 kg salt"), ("1,000,000 g rye", "1000000 g rye")])
    func thousandsSeparators(text: String, plain: String) throws {
        #expect(try parse(text) == parse(plain))
    }

    @Test(
        "a comma that does not group thousands is refused",
        arguments: ["1,5 funt wheat", "1,00 funt wheat", "1000,000 funt wheat", ",100 funt wheat", "1.000,5 funt wheat"])
    func misplacedComma(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try parse(text) }
        #expect(error.message.contains("is not a number"), "\(error.message)")
    }

    @Test("a quantity past what ten thousand periods of it can add up to is refused with the field and the most it may be")
    func bounded() throws {
        let error = try #require(throws: PetitionsError.self) { try parse("9007199 kg wheat") }
        #expect(
            error.message.contains("--quantity") && error.message.contains("'9007199 kg wheat'") && error.message.contains("more than can be counted")
        )
        #expect(try parse("900000 kg wheat").base == 900_000 * 1_000_000_000)
        #expect(throws: PetitionsError.self) { try parse("922338 kg wheat") }
        // Far beyond 64 bits of micrograms.
        #expect(try #require(throws: PetitionsError.self) { try parse("99999999999999999999 kg salt") }.message.contains("more than can be counted"))
    }

    @Test("8 funt of wheat is 8 × 409.51241 g, stored exactly")
    func funt() throws {
        let q = try parse("8 funt wheat")
        #expect(q.base == 8 * 409_512_410)
        #expect(q.amount == 8)
        #expect(q.unit.name == "funt")
        #expect(q.commodity == "wheat")
    }

    @Test("1.5 pood is 1.5 × 40 × 409.51241 g exactly, in micrograms")
    func pood() throws {
        let q = try parse("1.5 pood flour")
        #expect(q.base == 24_570_744_600)
        #expect(q.base == 60 * 409_512_410)  // 1.5 pood = 60 funt
        #expect(q.description == "1.5 pood flour")
    }

    @Test("pieces and litres keep their dimension")
    func otherDimensions() throws {
        let soap = try parse("3 piece soap")
        #expect(soap.base == 3_000_000)
        #expect(soap.unit.dimension == "count")
        let kerosene = try parse("2 litre kerosene")
        #expect(kerosene.base == 2_000_000)
        #expect(kerosene.unit.dimension == "volume")
    }

    @Test("the commodity is case-folded and single-spaced")
    func commodityFolding() throws {
        #expect(try parse("8 funt Wheat").commodity == "wheat")
        #expect(try parse("1 pood  Rye   FLOUR").commodity == "rye flour")
        #expect(try parse("8 funt Wheat") == parse("8 funt wheat"))
    }

    @Test(
        "aliases resolve to the unit's own name",
        arguments: [
            ("2 kilograms rye", "kg", Int64(2_000_000_000)),
            ("2 KG rye", "kg", 2_000_000_000),
            ("3 pcs soap", "piece", 3_000_000),
            ("1 L milk", "litre", 1_000_000),
            ("1 pud oats", "pood", 16_380_496_400),
            ("500 grams salt", "g", 500_000_000),
        ])
    func aliases(text: String, unit: String, base: Int64) throws {
        let q = try parse(text)
        #expect(q.unit.name == unit)
        #expect(q.base == base)
    }

    @Test("an amount in another unit is shown rounded to three decimals")
    func conversion() throws {
        let funt = try #require(units.unit(named: "funt"))
        let pood = try #require(units.unit(named: "pood"))
        let kg = try #require(units.unit(named: "kg"))
        #expect(Quantity.format(Quantity.amount(1_000_000_000, in: funt)) == "2.442")  // 1 kg ≈ 2.44193 funt
        #expect(Quantity.format(Quantity.amount(40 * 409_512_410, in: pood)) == "1")
        #expect(Quantity.format(Quantity.amount(16_380_496_400, in: kg)) == "16.38")  // 16.3804964 kg
    }

    @Test("a converted amount is the quotient rounded half away from zero to three decimals, for any amount and unit")
    func conversionMatchesDecimalRounding() {
        var state: UInt64 = 1920
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        let bases: [Int64] = [1, 3, 7, 1000, 1_000_000, 409_512_410, 16_380_496_400, 1_000_000_000, 999_999_999_999]
        for n in 0..<20_000 {
            let unitBase = n < bases.count ? bases[n] : Int64(next() % 5_000_000_000) + 1
            var base = Int64(next() % 1_000_000_000_000_000) * (n % 3 == 0 ? -1 : 1)
            if n % 7 == 0 { base = unitBase * Int64(n) + unitBase / 2 }  // halfway cases
            if n % 11 == 0 { base = unitBase * Int64(n) }  // whole numbers
            var d = Decimal(base) / Decimal(unitBase)
            var expected = Decimal()
            NSDecimalRound(&expected, &d, 3, .plain)
            let unit = MeasureUnit(name: "u", dimension: "mass", base: unitBase)
            let got = Quantity.amount(base, in: unit)
            #expect(got == expected && Quantity.format(got) == Quantity.format(expected), "\(base) in units of \(unitBase)")
            if got != expected { return }
        }
    }

    // MARK: - Refusals

    @Test("an unknown unit suggests the closest known one")
    func unknownUnitSuggests() throws {
        let error = try #require(throws: PetitionsError.self) { try parse("8 funtt wheat") }
        #expect(error.message.contains("--quantity"))
        #expect(error.message.contains("'funtt'"))
        #expect(error.message.contains("did you mean 'funt'"))
    }

    @Test("words where the amount goes are said to be no number, not taken for a unit's fault (a web form's \"lots of wheat\")")
    func wordsForAnAmount() throws {
        let error = try #require(throws: PetitionsError.self) { try parse("lots of wheat") }
        #expect(error.message == "--quantity 'lots of wheat' has no valid amount: 'lots' is not a number.", "\(error.message)")
    }

    @Test("an unknown unit unlike any known one gets no suggestion but the list")
    func unknownUnitWithoutSuggestion() throws {
        let error = try #require(throws: PetitionsError.self) { try parse("8 xyzzyq wheat") }
        #expect(error.message.contains("'xyzzyq'"))
        #expect(!error.message.contains("did you mean"))
        #expect(error.message.contains("funt"))
    }

    @Test("zero and negative amounts are refused", arguments: ["0 funt wheat", "0.0 funt wheat", "-1 funt wheat", "-0.5 pood flour"])
    func nonPositive(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try parse(text) }
        #expect(error.message.contains("--quantity"))
        #expect(error.message.contains("'\(text)'"))
        #expect(error.message.contains("more than zero"))
    }

    @Test(
        "amounts that are not plain numbers are refused",
        arguments: [
            "eight funt wheat", "1e3 funt wheat", "1,5 funt wheat", ". funt wheat", "1.2.3 funt wheat", "0x10 funt wheat", "½ funt wheat",
        ])
    func notANumber(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try parse(text) }
        #expect(error.message.contains("'\(text)'"))
        #expect(error.message.contains("not a number"))
    }

    @Test("a quantity needs amount, unit and commodity", arguments: ["8 funt", "8", "", "funt wheat"])
    func incomplete(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try parse(text) }
        #expect(error.message.contains("--quantity"))
    }

    @Test(
        "amounts with more than three decimals are refused, naming the rule",
        arguments: [
            "0.0000001 g salt",  // a tenth of a microgram
            "0.0000000001 kg salt",
            "0.3333 kg salt",
        ])
    func tooManyDecimals(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try parse(text) }
        #expect(error.message.contains("'\(text)'"))
        #expect(error.message.contains("more than 3 decimals"))
    }

    @Test("the smallest amount of a unit is accepted")
    func smallest() throws {
        #expect(try parse("0.001 g salt").base == 1_000)
        #expect(try parse("1.500 kg salt").amount == Decimal(string: "1.5"))
    }

    @Test(
        "any amount with up to three decimals in any unit is accepted and shown back as entered (issue 12, defect 4)",
        arguments: ["0.25 funt wheat", "1.33 funt wheat", "0.001 pood wheat", "1234567.891 funt wheat", "0.1 piece soap"])
    func threeDecimals(text: String) throws {
        let q = try parse(text)
        #expect(q.description == text)
    }

    @Test("a ration multiplied by heads is worked out from the amount entered, without drift")
    func timesHeads() throws {
        let q = try parse("0.25 funt wheat")
        let heads: Int64 = 125
        let product = try #require(Quantity.times(q.base, in: q.unit, heads))
        #expect(Quantity(base: product, unit: q.unit, commodity: "wheat").amount == Decimal(string: "31.25"))
        #expect(product == (try parse("31.25 funt wheat")).base)
        let whole = try parse("8 funt wheat")
        #expect(Quantity.times(whole.base, in: whole.unit, heads) == whole.base * heads, "whole base units multiply as before")
    }

    @Test("amounts show at most three decimals, thousands separated in text, plain in CSV and JSON (defect 5)")
    func oneAmountRule() throws {
        let kg = try #require(units.unit(named: "kg"))
        let funts = try parse("36.578 funt wheat")
        let inKg = Quantity(base: funts.base, unit: kg, commodity: "wheat")
        #expect(inKg.amount == Decimal(string: "14.979"), "not 14.97903214: \(inKg.amount)")
        let big = QuantityValue(try parse("1700 funt wheat"))
        #expect(big.text == "1,700 funt wheat")
        #expect(big.plain == "1700 funt wheat")
    }

    // MARK: - Catalog

    @Test("a catalog refuses a name or alias defined twice")
    func duplicateAlias() {
        #expect(throws: PetitionsError.self) {
            try UnitCatalog([
                MeasureUnit(name: "funt", dimension: "mass", base: 1), MeasureUnit(name: "pound", dimension: "mass", base: 2, aliases: ["Funt"]),
            ])
        }
    }

    @Test("a catalog refuses a unit whose base is not positive", arguments: [Int64(0), -5])
    func nonPositiveBase(base: Int64) {
        #expect(throws: PetitionsError.self) { try UnitCatalog([MeasureUnit(name: "funt", dimension: "mass", base: base)]) }
    }

    @Test("units are looked up without regard to case")
    func caseInsensitiveLookup() {
        #expect(units.unit(named: "FUNT")?.name == "funt")
        #expect(units.unit(named: "Kilogram")?.name == "kg")
        #expect(units.kilogram?.base == 1_000_000_000)
        #expect(units.unit(named: "bushel") == nil)
    }
}
