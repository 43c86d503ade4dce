import Foundation
import PetitionsDomain
import PropertyBased
import Testing

/// Every value parser, fed hostile text, gives a value or a clear error naming the field; never a crash.
/// Values that parse show back as they were written.
@Suite struct ValueParserProperties {
    static let units: [MeasureUnit] = [
        MeasureUnit(name: "g", dimension: "mass", base: 1_000_000, aliases: ["gram"]),
        MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000),
        MeasureUnit(name: "funt", dimension: "mass", base: 409_512_410, aliases: ["funts"]),
        MeasureUnit(name: "pood", dimension: "mass", base: 16_380_496_400, aliases: ["pud"]),
        MeasureUnit(name: "piece", dimension: "count", base: 1_000_000),
        MeasureUnit(name: "litre", dimension: "volume", base: 1_000_000, aliases: ["l"]),
    ]

    static let valid = [
        "1920-03-04", "1920-02-29", "1920-01", "20 working days", "2 weeks", "8 funt wheat", "1.5 pood rye flour",
        "employee=125", "Maria Petrova:incapacitated", "dmitrov-post", "0.333 kg salt",
    ]

    /// Hostile text: random characters, or a valid input of any parser with a few edits.
    static let inputs = Gen.int(in: 0...21)
    static func input(_ pick: Int, _ random: String, _ edits: [Int]) -> String {
        pick < valid.count ? Hostile.mutate(valid[pick], edits) : random
    }

    // MARK: - Days and periods

    @Test func daysParseOrSayWhyNamingTheField() async {
        await propertyCheck(count: Hostile.cases(2_000), input: Self.inputs, Hostile.text(), Hostile.edits) { pick, random, edits in
            let text = Self.input(pick, random, edits)
            if let d = Hostile.outcome(text, field: "--on", { try Day(parsing: text, field: "--on") }) {
                #expect(d.description == text, "a day parses only from its own YYYY-MM-DD form")
            }
        }
    }

    @Test func everyDayOfTheRangeRoundTripsAndNothingElseParses() async {
        await propertyCheck(count: Hostile.cases(3_000), input: Gen.int(in: -5...10_050), Gen.int(in: -1...14), Gen.int(in: -1...33)) { y, m, d in
            func pad(_ n: Int, _ w: Int) -> String {
                n < 0 ? "-" + String(-n) : String(repeating: "0", count: max(0, w - String(n).count)) + String(n)
            }
            let text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
            let parsed = Hostile.outcome(text, field: "day") { try Day(parsing: text) }
            let exists = Day(year: y, month: m, day: d)
            #expect(parsed == exists, "\(text)")
            if let day = parsed {
                #expect((try? Day(parsing: day.description)) == day)
                #expect(Day(ordinal: day.ordinal) == day, "ordinal round trip of \(day)")
                #expect(day.adding(days: 1) > day || day == Day.maximum)
                #expect(day.adding(days: 1).adding(days: -1) == day || day == Day.maximum)
                #expect((1...7).contains(day.weekday))
                #expect(Period(containing: day).contains(day))
            }
        }
    }

    @Test func periodsParseOrSayWhyNamingTheField() async {
        await propertyCheck(count: Hostile.cases(2_000), input: Self.inputs, Hostile.text(), Hostile.edits) { pick, random, edits in
            let text = Self.input(pick, random, edits)
            if let p = Hostile.outcome(text, field: "--period", { try Period(parsing: text, field: "--period") }) {
                #expect(p.description == text)
                #expect(p.first <= p.last && p.contains(p.first) && p.contains(p.last))
                #expect(p.next.map { $0 > p } ?? (p.description == "9999-12"))
                #expect(p.previous.map { $0 < p } ?? (p.description == "1000-01"))
            }
        }
    }

    // MARK: - Spans, quantities, counts, dependants, handles

    @Test func spansParseOrSayWhyAndShowBackInTheirOwnWords() async {
        await propertyCheck(count: Hostile.cases(2_000), input: Self.inputs, Hostile.text(), Hostile.edits) { pick, random, edits in
            let text = Self.input(pick, random, edits)
            if let s = Hostile.outcome(text, field: "--within", { try Span(parsing: text, field: "--within") }) {
                #expect(s.count > 0)
                #expect((try? Span(parsing: s.description)) == s, "\(s) reads back")
            }
        }
        await propertyCheck(count: Hostile.cases(500), input: Gen.int(in: 1...999_999), Gen<Span.Unit>.case) { n, unit in
            let span = Span(n, unit)
            #expect((try? Span(parsing: span.description)) == span)
        }
    }

    @Test func quantitiesParseOrSayWhyNamingTheField() async throws {
        let catalog = try UnitCatalog(Self.units)
        await propertyCheck(count: Hostile.cases(2_000), input: Self.inputs, Hostile.text(), Hostile.edits) { pick, random, edits in
            let text = Self.input(pick, random, edits)
            if let q = Hostile.outcome(text, field: "--quantity", { try Quantity(parsing: text, field: "--quantity", units: catalog) }) {
                #expect(q.base > 0)
                #expect((try? Quantity(parsing: q.description, field: "--quantity", units: catalog)) == q, "\(q.description) reads back")
            }
        }
    }

    @Test func aQuantityShowsBackTheAmountEntered() async throws {
        let catalog = try UnitCatalog(Self.units)
        await propertyCheck(
            count: Hostile.cases(2_000), input: Gen.int(in: 0...9_999_999), Gen.int(in: 0...3), Gen.int(in: 0...(Self.units.count - 1))
        ) { whole, decimals, u in
            let unit = Self.units[u]
            let text = decimals == 0 ? "\(whole)" : "\(whole / 1_000).\(String(format: "%0\(decimals)d", whole % Int(pow(10, Double(decimals)))))"
            let entered = "\(text) \(unit.name) rye flour"
            guard let q = Hostile.outcome(entered, field: "--quantity", { try Quantity(parsing: entered, field: "--quantity", units: catalog) })
            else {
                // Refused only when the amount is zero, not a whole number of base units, or too large to store.
                let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
                let base = amount * Decimal(unit.base)
                var r = Decimal()
                var b = base
                NSDecimalRound(&r, &b, 0, .plain)
                #expect(amount == 0 || r != base || base > Decimal(Quantity.maximumBase), "\(entered) was refused")
                return
            }
            #expect(q.amount == Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), "\(entered) shows back as \(q.description)")
            #expect(q.unit.name == unit.name && q.commodity == "rye flour")
        }
    }

    @Test func headCountsAndDependantsParseOrSayWhy() async {
        await propertyCheck(count: Hostile.cases(2_000), input: Self.inputs, Hostile.text(), Hostile.edits) { pick, random, edits in
            let text = Self.input(pick, random, edits)
            if let c = Hostile.outcome(text, field: "--count", { try HeadCount(parsing: text) }) {
                #expect(c.count > 0 && !c.category.isEmpty && c.category == c.category.lowercased())
            }
            if let d = Hostile.outcome(text, field: "--dependant", { try Dependant(parsing: text) }) {
                #expect(!d.name.isEmpty && !d.category.isEmpty)
                #expect((try? Dependant(parsing: "\(d.name):\(d.category)")) == d)
            }
        }
    }

    @Test func handlesAreValidatedAndEverySlugIsAValidHandle() async {
        await propertyCheck(count: Hostile.cases(2_000), input: Self.inputs, Hostile.text(0...80), Hostile.edits) { pick, random, edits in
            let text = Self.input(pick, random, edits)
            if let h = Hostile.outcome(text, field: "--handle", { try Handle.validate(text) }) {
                #expect(Handle.isValid(h) && h == text)
            }
            let slug = Handle.slug(from: text)
            #expect(Handle.isValid(slug), "slug of \(text.debugDescription) is \(slug.debugDescription)")
            if slug.count <= 48 { #expect(Handle.slug(from: slug) == slug, "a slug is its own slug") }
        }
    }

    @Test func enumeratedValuesParseOrNameTheChoices() async {
        await propertyCheck(count: Hostile.cases(1_000), input: Hostile.text(0...16)) { text in
            _ = Hostile.outcome(text, field: "--to") { try PetitionStatus(parsing: text) }
            _ = Hostile.outcome(text, field: "--status") { try DeliveryStatus(parsing: text) }
            _ = Hostile.outcome(text, field: "--channel") { try Channel(parsing: text) }
            _ = Hostile.outcome(text, field: "--every") { try Frequency(parsing: text) }
        }
    }
}
