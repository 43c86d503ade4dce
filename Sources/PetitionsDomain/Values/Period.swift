/// A supply period: a month, written `YYYY-MM`.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init(parsing text: String, field: String = "period") throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m)
        else {
            throw PetitionsError.invalid(field, text, "is not a period; write a month as YYYY-MM, e.g. 1920-01")
        }
        // Well written but outside the years a day may have: said as a day's year is.
        guard let p = Period(year: y, month: m) else { throw PetitionsError.invalid(field, text, "is out of range; years run from 1000 to 9999") }
        self = p
    }

    /// The period that contains `day`.
    public init(containing day: Day) {
        year = day.year
        month = day.month
    }

    public var first: Day { Day(year: year, month: month, day: 1) ?? Day.minimum }
    public var last: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) ?? Day.maximum }

    /// The `n`th day of the period, clamped to its last day.
    public func day(_ n: Int) -> Day {
        Day(year: year, month: month, day: min(max(n, 1), Day.daysIn(month: month, year: year))) ?? first
    }

    /// Whether `day` falls in this period.
    public func contains(_ day: Day) -> Bool { day.year == year && day.month == month }

    /// The month after this one, or nil after the last supported month (9999-12): a walk forward stops there.
    public var next: Period? {
        month == 12 ? Period(year: year + 1, month: 1) : Period(year: year, month: month + 1)
    }

    /// The month before this one, or nil before the first supported month (1000-01): a walk back stops there.
    public var previous: Period? {
        month == 1 ? Period(year: year - 1, month: 12) : Period(year: year, month: month - 1)
    }

    /// Every period from `a` through `b`.
    public static func range(_ a: Period, _ b: Period) -> [Period] {
        var out: [Period] = []
        var p: Period? = a
        while let q = p, q <= b {
            out.append(q)
            p = q.next
        }
        return out
    }

    public static func < (a: Period, b: Period) -> Bool { (a.year, a.month) < (b.year, b.month) }

    public var description: String {
        String(unsafeUninitializedCapacity: 7) { b in
            let zero = UInt8(ascii: "0")
            b[0] = zero + UInt8(year / 1000 % 10)
            b[1] = zero + UInt8(year / 100 % 10)
            b[2] = zero + UInt8(year / 10 % 10)
            b[3] = zero + UInt8(year % 10)
            b[4] = UInt8(ascii: "-")
            b[5] = zero + UInt8(month / 10)
            b[6] = zero + UInt8(month % 10)
            return 7
        }
    }

    /// "January 1920".
    public var longDescription: String { "\(Day.monthNames[month - 1]) \(year)" }

    public init(from decoder: Decoder) throws {
        self = try Period(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
