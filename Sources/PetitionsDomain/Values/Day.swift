/// A calendar day without time zone, written `YYYY-MM-DD`, years 1000–9999.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Makes a day, or returns nil when it does not exist in the calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; `field` names the option in the error.
    public init(parsing text: String, field: String = "day") throws {
        // The usual case, ten ASCII bytes, without splitting: imports parse a million days.
        let u = Array(text.utf8)
        if u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
            u.indices.allSatisfy({ $0 == 4 || $0 == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[$0]) })
        {
            func number(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(u[$1] - UInt8(ascii: "0")) } }
            let y = number(0..<4)
            let m = number(5..<7)
            let d = number(8..<10)
            if (1000...9999).contains(y), (1...12).contains(m), let value = Day(year: y, month: m, day: d) {
                self = value
                return
            }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else {
            throw PetitionsError.invalid(field, text, "is not a day; write it as YYYY-MM-DD, e.g. 1920-03-04")
        }
        guard (1000...9999).contains(y) else {
            throw PetitionsError.invalid(field, text, "is out of range; years run from 1000 to 9999")
        }
        guard (1...12).contains(m) else {
            throw PetitionsError.invalid(field, text, "has no month \(m)")
        }
        guard let value = Day(year: y, month: m, day: d) else {
            throw PetitionsError.invalid(field, text, "does not exist: \(Day.monthNames[m - 1]) \(y) has \(Day.daysIn(month: m, year: y)) days")
        }
        self = value
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day with the given ordinal, or nil outside years 1000–9999.
    public init?(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// This day moved by `n` calendar days (clamped to the supported range).
    public func adding(days n: Int) -> Day {
        Day(ordinal: ordinal + n) ?? (n < 0 ? Day.minimum : Day.maximum)
    }

    /// The same day number `n` months later, clamped to the month's last day.
    public func adding(months n: Int) -> Day {
        let total = year * 12 + (month - 1) + n
        let y = total / 12
        let m = total % 12 + 1
        guard (1000...9999).contains(y) else { return n < 0 ? Day.minimum : Day.maximum }
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y))) ?? Day.maximum
    }

    /// Calendar days from this day to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public static let minimum = Day(year: 1000, month: 1, day: 1)!  // safe: a valid literal day
    public static let maximum = Day(year: 9999, month: 12, day: 31)!  // safe: a valid literal day

    /// Earlier first: by year, then month, then day, the order of the ordinals without computing them.
    public static func < (a: Day, b: Day) -> Bool {
        a.year != b.year ? a.year < b.year : a.month != b.month ? a.month < b.month : a.day < b.day
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written digit by digit into a small string (no allocation): days are printed by the hundred thousand.
        String(unsafeUninitializedCapacity: 10) { b in
            let zero = UInt8(ascii: "0")
            b[0] = zero + UInt8(year / 1000 % 10)
            b[1] = zero + UInt8(year / 100 % 10)
            b[2] = zero + UInt8(year / 10 % 10)
            b[3] = zero + UInt8(year % 10)
            b[4] = UInt8(ascii: "-")
            b[5] = zero + UInt8(month / 10)
            b[6] = zero + UInt8(month % 10)
            b[7] = UInt8(ascii: "-")
            b[8] = zero + UInt8(day / 10)
            b[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    /// The day written out in full: "4 March 1920".
    public var longDescription: String { Sentence("\(day) \(Day.monthNames[month - 1]) \(year)").text }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Day(parsing: text)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
