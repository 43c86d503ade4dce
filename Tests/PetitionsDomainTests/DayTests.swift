import Foundation
import PetitionsDomain
import Testing

/// Makes a day from a literal known to be valid in these tests.
func day(_ text: String) throws -> Day { try Day(parsing: text) }

@Suite("Day")
struct DayTests {
    // MARK: - Parsing

    @Test(
        "days that exist in the Gregorian calendar parse",
        arguments: [
            ("1920-02-29", 1920, 2, 29),  // 1920 is a leap year
            ("2024-02-29", 2024, 2, 29),
            ("2000-02-29", 2000, 2, 29),  // divisible by 400: leap
            ("1920-03-04", 1920, 3, 4),
            ("1000-01-01", 1000, 1, 1),  // first supported day
            ("9999-12-31", 9999, 12, 31),  // last supported day
        ])
    func parsesValidDays(text: String, year: Int, month: Int, dayOfMonth: Int) throws {
        let d = try Day(parsing: text)
        #expect(d.year == year)
        #expect(d.month == month)
        #expect(d.day == dayOfMonth)
    }

    @Test(
        "impossible or malformed days are refused",
        arguments: [
            "1920-02-30",  // February 1920 has 29 days
            "2023-02-29",  // 2023 is not a leap year
            "1900-02-29",  // divisible by 100 but not 400: not leap
            "1920-04-31",  // April has 30 days
            "1920-01-00",
            "0999-01-01",  // before the supported range
            "10000-01-01",  // after it
            "1920-3-4",  // month and day must have two digits
            "",
            "1920-13-01",
            "1920-00-10",
            "1920/03/04",
            "1920-03-04 ",
            "４９２０-03-04",  // full-width digits
            "+920-03-04",
            "yesterday",
        ])
    func refusesInvalidDays(text: String) {
        #expect(throws: PetitionsError.self) { try Day(parsing: text) }
    }

    @Test("the error names the field and the value")
    func errorNamesFieldAndValue() throws {
        let error = try #require(throws: PetitionsError.self) { try Day(parsing: "1920-02-30", field: "--on") }
        #expect(error.message.contains("--on"))
        #expect(error.message.contains("'1920-02-30'"))
        #expect(error.message.contains("29 days"))
        #expect(error.code == .dataError)

        let malformed = try #require(throws: PetitionsError.self) { try Day(parsing: "1920-3-4", field: "--as-of") }
        #expect(malformed.message.contains("--as-of"))
        #expect(malformed.message.contains("'1920-3-4'"))
        #expect(malformed.message.contains("YYYY-MM-DD"))
    }

    @Test(
        "description writes YYYY-MM-DD and parses back to the same day",
        arguments: [
            "1920-03-04", "1000-01-01", "9999-12-31", "1920-02-29", "1917-11-07",
        ])
    func descriptionRoundTrip(text: String) throws {
        let d = try Day(parsing: text)
        #expect(d.description == text)
        #expect(try Day(parsing: d.description) == d)
    }

    @Test("a day encodes as a JSON string and decoding refuses impossible days")
    func codable() throws {
        let data = try JSONEncoder().encode([try day("1920-03-04")])
        #expect(String(decoding: data, as: UTF8.self) == #"["1920-03-04"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [try day("1920-03-04")])
        #expect(throws: (any Error).self) { try JSONDecoder().decode([Day].self, from: Data(#"["1920-02-30"]"#.utf8)) }
    }

    @Test("memberwise init returns nil for days that do not exist")
    func memberwiseInit() {
        #expect(Day(year: 1920, month: 2, day: 29) != nil)
        #expect(Day(year: 1921, month: 2, day: 29) == nil)
        #expect(Day(year: 1920, month: 0, day: 1) == nil)
        #expect(Day(year: 999, month: 12, day: 31) == nil)
    }

    @Test("longDescription writes the day out in full")
    func longDescription() throws {
        #expect(try day("1920-03-04").longDescription == "4 March 1920")
        #expect(try day("1917-11-07").longDescription == "7 November 1917")
        #expect(try day("1921-01-31").longDescription == "31 January 1921")
    }

    // MARK: - Calendar arithmetic

    @Test(
        "weekday matches the historical calendar",
        arguments: [
            ("1920-03-04", 4),  // Thursday
            ("1970-01-01", 4),  // Thursday
            ("2000-01-01", 6),  // Saturday
            ("1920-02-29", 7),  // Sunday
            ("1917-11-07", 3),  // Wednesday
            ("1000-01-01", 3),  // Wednesday (proleptic Gregorian)
            ("9999-12-31", 5),  // Friday
        ])
    func weekday(text: String, isoWeekday: Int) throws {
        #expect(try day(text).weekday == isoWeekday)
    }

    @Test(
        "ordinal counts days from 1970-01-01 and converts back",
        arguments: [
            ("1970-01-01", 0),
            ("2000-01-01", 10957),
            ("1920-03-04", -18200),
            ("1000-01-01", -354285),
            ("9999-12-31", 2_932_896),
        ])
    func ordinal(text: String, ordinal: Int) throws {
        let d = try day(text)
        #expect(d.ordinal == ordinal)
        #expect(Day(ordinal: ordinal) == d)
    }

    @Test(
        "adding days crosses month, year and leap-day boundaries",
        arguments: [
            ("1920-02-28", 1, "1920-02-29"),
            ("1920-02-28", 2, "1920-03-01"),
            ("1919-02-28", 1, "1919-03-01"),
            ("1920-03-01", -1, "1920-02-29"),
            ("1919-12-31", 1, "1920-01-01"),
            ("1920-01-01", -1, "1919-12-31"),
            ("1920-01-01", 366, "1921-01-01"),  // 1920 has 366 days
            ("1921-01-01", 365, "1922-01-01"),
            ("1920-03-04", 0, "1920-03-04"),
            ("1899-12-31", 60, "1900-03-01"),  // 1900 has no 29 February
        ])
    func addingDays(start: String, n: Int, expected: String) throws {
        let from = try day(start)
        let to = from.adding(days: n)
        #expect(to.description == expected)
        #expect(from.days(until: to) == n)
    }

    @Test("adding days stops at the ends of the supported range")
    func addingDaysClamps() {
        #expect(Day.maximum.adding(days: 1) == Day.maximum)
        #expect(Day.minimum.adding(days: -1) == Day.minimum)
    }

    @Test(
        "adding months keeps the day number, clamped to the month's last day",
        arguments: [
            ("1920-01-31", 1, "1920-02-29"),
            ("1919-01-31", 1, "1919-02-28"),
            ("1920-03-31", 1, "1920-04-30"),
            ("1920-03-31", -1, "1920-02-29"),
            ("1920-01-15", -1, "1919-12-15"),
            ("1920-11-15", 3, "1921-02-15"),
            ("1920-12-31", 12, "1921-12-31"),
            ("1920-01-31", -13, "1918-12-31"),
            ("1920-02-29", 12, "1921-02-28"),
        ])
    func addingMonths(start: String, n: Int, expected: String) throws {
        #expect(try day(start).adding(months: n).description == expected)
    }

    @Test("days order chronologically")
    func ordering() throws {
        #expect(try day("1919-12-31") < day("1920-01-01"))
        #expect(try day("1920-02-29") < day("1920-03-01"))
        #expect(
            try [day("1920-03-04"), day("1917-11-07"), day("1920-01-01")].sorted().map(\.description)
                == ["1917-11-07", "1920-01-01", "1920-03-04"])
    }
}
