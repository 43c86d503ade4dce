import Foundation

/// An amount of a commodity in a unit, e.g. `8 funt wheat`; stored exactly in base units.
public struct Quantity: Hashable, Sendable {
    /// The amount in base units of the unit's dimension.
    public let base: Int64
    public let unit: MeasureUnit
    /// The commodity, case-folded.
    public let commodity: String

    public init(base: Int64, unit: MeasureUnit, commodity: String) {
        self.base = base
        self.unit = unit
        self.commodity = commodity
    }

    /// The most base units one quantity, one ration times its heads, or one delivery's line may hold: a
    /// ten-thousandth of Int64, so that ten thousand periods of it still add up without overflow.
    public static let maximumBase: Int64 = Int64.max / 10_000

    /// Parses `AMOUNT UNIT COMMODITY` (`8 funt wheat`, `1.5 pood rye flour`).
    public init(parsing text: String, field: String, units: UnitCatalog) throws {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard words.count >= 3 else {
            throw PetitionsError.invalid(field, text, "is not a quantity; write AMOUNT UNIT COMMODITY, e.g. '8 funt wheat'")
        }
        // The amount first: words where it goes ("lots of wheat") are no number, not a unit's fault ("of").
        let amount = try Quantity.parseAmount(words[0], field: field, whole: text)
        let unit = try units.require(words[1], field: field)
        guard amount > 0 else { throw PetitionsError.invalid(field, text, "must be more than zero") }
        var thousandths = Decimal()
        var entered = amount
        NSDecimalRound(&thousandths, &entered, Quantity.decimals, .plain)
        guard thousandths == amount else {
            throw PetitionsError.invalid(
                field, text, "has more than \(Quantity.decimals) decimals; give at most \(Quantity.decimals), or use a smaller unit")
        }
        // Kept to the nearest base unit (a microgram, a microlitre): 0.25 funt is 102,378,102.5 µg and is kept as
        // 102,378,103 µg, less than half a microgram off, and shown back to three decimals as entered (README, Values).
        let scaled = amount * Decimal(unit.base)
        var rounded = Decimal()
        var s = scaled
        NSDecimalRound(&rounded, &s, 0, .plain)
        guard rounded <= Decimal(Quantity.maximumBase) else {
            throw PetitionsError.invalid(
                field, text,
                "is more than can be counted; one quantity holds at most \(Quantity.grouped(Quantity.largest(in: unit))) \(unit.name)"
            )
        }
        let commodity = Quantity.foldCommodity(words[2...].joined(separator: " "))
        self.init(base: NSDecimalNumber(decimal: rounded).int64Value, unit: unit, commodity: commodity)
    }

    /// Parses a plain decimal amount: digits with an optional fraction, no exponent. The whole part may group its
    /// digits by thousands with commas, as amounts are printed (`1,700`); a comma anywhere else (`1,5`) is refused.
    public static func parseAmount(_ word: String, field: String, whole: String) throws -> Decimal {
        var w = word
        if w.hasPrefix("-") { throw PetitionsError.invalid(field, whole, "must be more than zero") }
        if w.hasPrefix("+") { w.removeFirst() }
        if w.contains(",") {
            let integer = w.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
            guard !w.split(separator: ".", omittingEmptySubsequences: false).dropFirst().contains(where: { $0.contains(",") }),
                (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
            else {
                throw PetitionsError.invalid(
                    field, whole, "has no valid amount: \(quoted(word)) is not a number (a comma may only group thousands, as in 1,700)")
            }
            w.removeAll { $0 == "," }
        }
        let parts = w.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty || parts.count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            parts.map(\.count).reduce(0, +) > 0, parts.map(\.count).reduce(0, +) <= 30,
            let d = Decimal(string: w, locale: Locale(identifier: "en_US_POSIX"))
        else {
            throw PetitionsError.invalid(field, whole, "has no valid amount: \(quoted(word)) is not a number")
        }
        return d
    }

    /// Lower-case, single-spaced commodity name.
    public static func foldCommodity(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The most decimals an amount is entered or shown with, in any unit.
    public static let decimals = 3

    /// The amount in this quantity's unit to at most three decimals: what was entered.
    public var amount: Decimal {
        // The number of decimals at which base / unit.base terminates, found on remainders (no overflow).
        var remainder = base % unit.base
        var places = 0
        while remainder != 0 && places < Quantity.decimals {
            remainder = remainder * 10 % unit.base
            places += 1
        }
        guard remainder == 0 else { return Quantity.amount(base, in: unit) }
        // Exact: built from integers, without Decimal division (the hot spot of `overdue` in the benchmarks).
        var scaled = base
        var overflow = false
        for _ in 0..<places where !overflow { (scaled, overflow) = scaled.multipliedReportingOverflow(by: 10) }
        guard !overflow else { return Quantity.amount(base, in: unit) }
        let digits = scaled / unit.base
        return Decimal(sign: digits < 0 ? .minus : .plus, exponent: -places, significand: Decimal(digits.magnitude))
    }

    /// `8 funt wheat`.
    public var description: String { "\(Quantity.format(amount)) \(unit.name) \(commodity)" }

    /// The largest amount of `unit` one quantity holds, to three decimals rounded down: the amount the refusal of a
    /// larger one names, which must itself be taken (rounded to the nearest it was 2,252,281.448 funt, refused).
    static func largest(in unit: MeasureUnit) -> Decimal {
        var exact = Decimal(maximumBase) / Decimal(unit.base)
        var down = Decimal()
        NSDecimalRound(&down, &exact, decimals, .down)
        return down
    }

    /// Base units expressed in `unit`, rounded to three decimals when it does not divide exactly. An amount that is not
    /// zero is never shown as zero: one that three decimals round to 0 (0.5 g short of 1 kg) takes as many more as its
    /// first digit needs (0.0000005 kg), so a short delivery never reads as nothing short (README, Values).
    public static func amount(_ base: Int64, in unit: MeasureUnit) -> Decimal {
        let shown = roundedAmount(base, in: unit)
        guard shown == 0, base != 0, unit.base > 0 else { return shown }
        return firstDigitAmount(base, in: unit)
    }

    /// A non-zero amount too small for three decimals, to the first decimal place that shows it.
    static func firstDigitAmount(_ base: Int64, in unit: MeasureUnit) -> Decimal {
        let exact = Decimal(base) / Decimal(unit.base)
        for places in (decimals + 1)...24 {
            var d = exact
            var r = Decimal()
            NSDecimalRound(&r, &d, places, .plain)
            if r != 0 { return r }
        }
        return exact
    }

    /// Base units expressed in `unit`, rounded to three decimals when it does not divide exactly (0 when that rounds away).
    static func roundedAmount(_ base: Int64, in unit: MeasureUnit) -> Decimal {
        // From integers: thousandths rounded half away from zero (NSDecimalRound's .plain), trailing zeros dropped. The
        // report converts every arrears line and trend amount: Decimal division there was a tenth of its time.
        let (thousandths, overflow) = base.magnitude.multipliedReportingOverflow(by: 1000)
        if !overflow, unit.base > 0 {
            let ub = UInt64(unit.base)
            var q = thousandths / ub
            if (thousandths % ub) * 2 >= ub { q += 1 }
            var places: Int16 = 3
            while places > 0 && q % 10 == 0 {
                q /= 10
                places -= 1
            }
            return Decimal(sign: base < 0 && q != 0 ? .minus : .plus, exponent: -Int(places), significand: Decimal(q))
        }
        var d = Decimal(base) / Decimal(unit.base)
        var r = Decimal()
        NSDecimalRound(&r, &d, 3, .plain)
        return r
    }

    /// `n` times an amount kept as `base` base units of `unit`, worked out from the amount as entered (at most three
    /// decimals) when `base` was rounded to the nearest base unit: a ration of 0.25 funt for 125 heads is 31.25 funt to
    /// the microgram, not 125 times the rounding. Nil when the product cannot be counted in an Int64.
    public static func times(_ base: Int64, in unit: MeasureUnit, _ n: Int64) -> Int64? {
        let (b1000, overflow) = base.multipliedReportingOverflow(by: 1000)
        if !overflow, unit.base > 0 {
            let milli = (b1000 + unit.base / 2) / unit.base
            let (exact, o2) = milli.multipliedReportingOverflow(by: unit.base)
            if !o2, exact != b1000, abs(exact - b1000) < 1000 {
                var d = Decimal(exact) * Decimal(n) / 1000
                var r = Decimal()
                NSDecimalRound(&r, &d, 0, .plain)
                guard r <= Decimal(Int64.max) else { return nil }
                return NSDecimalNumber(decimal: r).int64Value
            }
        }
        let (p, o) = base.multipliedReportingOverflow(by: n)
        return o ? nil : p
    }

    /// An amount as text shows it, thousands separated by commas whatever the locale: `1,392.342`. Worked out once
    /// per distinct amount (`DecimalTexts.grouped`): the same rations come back in every late delivery's message, and
    /// the splitting and joining was 7.5% of `overdue --format json`.
    public static func grouped(_ d: Decimal) -> String { DecimalTexts.grouped.text(d) }

    /// `grouped`, worked out.
    static func separated(_ d: Decimal) -> String {
        var text = format(d)
        var sign = ""
        if text.hasPrefix("-") {
            sign = "-"
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = String(parts[0])
        var whole = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { whole.append(",") }
            whole.append(c)
        }
        return sign + (parts.count == 2 ? whole + "." + parts[1] : whole)
    }

    /// Formats a decimal plainly: `8`, `1.5`, `917.293`.
    public static func format(_ d: Decimal) -> String {
        DecimalTexts.plain.text(d)
    }
}
