import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsRules
import Testing

/// Parses `text` expecting an error, and returns its message.
func calendarError(_ text: String, source: String = "office.toml") -> PetitionsError? {
    do {
        _ = try CalendarFile.parse(text, source: source)
        Issue.record("expected an error for:\n\(text)")
        return nil
    } catch let e as PetitionsError {
        return e
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

/// One bad file, and what its error must name.
struct BadCalendarCase: Sendable, CustomTestStringConvertible {
    let what: String
    let text: String
    let mentions: [String]
    var testDescription: String { what }
}

let badCalendars: [BadCalendarCase] = [
    BadCalendarCase(
        what: "unknown top-level key",
        text: """
            weekend = ["sunday"]
            weekends = ["saturday"]
            """, mentions: ["office.toml, line 2:", "'weekends'"]),
    BadCalendarCase(
        what: "unknown key in a holiday",
        text: """
            # six-day week
            weekend = ["sunday"]

            [[holiday]]
            date = "01-01"
            name = "New Year"

            [[holiday]]
            date = "05-01"
            nmae = "May Day"
            """, mentions: ["office.toml, line 10:", "'nmae'", "holiday 2"]),
    BadCalendarCase(
        what: "a one-off day that does not exist",
        text: """
            [[holiday]]
            date = "1920-02-28"
            name = "Eve"

            [[holiday]]
            date = "1920-02-30"
            name = "Nonesuch"
            """, mentions: ["office.toml, line 6:", "'1920-02-30'", "February 1920 has 29 days"]),
    BadCalendarCase(
        what: "a yearly day with no such month",
        text: """
            [[holiday]]
            name = "Thirteenth month"
            date = "13-01"
            """, mentions: ["office.toml, line 3:", "'13-01'", "no month 13"]),
    BadCalendarCase(
        what: "a yearly day no year has",
        text: """
            weekend = ["saturday", "sunday"]
            [[holiday]]
            date = "02-30"   # no such day
            name = "Nonesuch"
            """, mentions: ["office.toml, line 3:", "'02-30'", "February has at most 29 days"]),
    BadCalendarCase(
        what: "a date written another way",
        text: """
            [[holiday]]
            date = "25/12"
            name = "Christmas Day"
            """, mentions: ["office.toml, line 2:", "'25/12'", "MM-DD"]),
    BadCalendarCase(
        what: "an unknown weekday name in a list over several lines",
        text: """
            weekend = [
              "saturday",
              "sundy",
            ]
            """, mentions: ["office.toml, line 3:", "'sundy'", "not a day of the week"]),
    BadCalendarCase(
        what: "an unknown weekday name on one line",
        text: """

            weekend = ["friday", "caturday"]
            """, mentions: ["office.toml, line 2:", "'caturday'"]),
    BadCalendarCase(
        what: "a weekend of every day",
        text: """
            weekend = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            """, mentions: ["office.toml, line 1:", "no working day"]),
    BadCalendarCase(
        what: "a holiday without a name",
        text: """
            [[holiday]]
            date = "12-25"
            """, mentions: ["office.toml, line 1:", "holiday 1", "no name"]),
    BadCalendarCase(
        what: "broken TOML",
        text: """
            weekend = ["sunday"
            """, mentions: ["office.toml, line"]),
]

@Test(arguments: badCalendars)
func badCalendarFilesAreErrorsNamingFileLineAndValue(_ c: BadCalendarCase) {
    guard let error = calendarError(c.text) else { return }
    #expect(error.code == .dataError)
    for m in c.mentions { #expect(error.message.contains(m), "\(error.message) should mention \(m)") }
}

@Test func anEmptyFileIsTheDefaultCalendar() throws {
    let empty = try CalendarFile.parse("", source: "empty.toml")
    #expect(empty == CalendarFile.defaultCalendar)
    #expect(empty.weekend == [6, 7])
    #expect(empty.holidays.isEmpty)
    #expect(!empty.isWorkingDay(try Day(parsing: "1920-03-06")))  // a Saturday
    #expect(empty.isWorkingDay(try Day(parsing: "1920-03-05")))  // a Friday
}

@Test func theShippedDefaultCalendarFileIsTheBuiltInDefault() throws {
    #expect(try CalendarFile.load(path: Repository.path("config/calendar.toml")) == CalendarFile.defaultCalendar)
}

@Test func theRSFSR1920CalendarHasASixDayWeekAndSixHolidays() throws {
    let calendar = try CalendarFile.load(path: Repository.path("config/calendars/rsfsr-1920.toml"))
    #expect(calendar.weekend == [7])
    #expect(calendar.holidays.count == 6)
    #expect(calendar.holidays.map(\.occurrence.description) == ["01-01", "01-22", "03-12", "03-18", "05-01", "11-07"])
    #expect(calendar.holiday(on: try Day(parsing: "1920-11-07")) == "Day of the Proletarian Revolution")
    #expect(calendar.holiday(on: try Day(parsing: "1921-03-18")) == "Day of the Paris Commune")
    #expect(calendar.isWorkingDay(try Day(parsing: "1920-03-13")))  // a Saturday
}

@Test func holidaysAreOneDayOrEveryYear() throws {
    let calendar = try CalendarFile.parse(
        """
        weekend = ["Saturday", "SUNDAY"]   # any case

        [[holiday]]
        date = "2009-04-10"                # one day
        name = "Good Friday"

        [[holiday]]
        date = "12-25"                     # every year
        name = "Christmas Day"

        [[holiday]]
        date = 2009-05-04                  # a TOML date, unquoted
        name = "Early May bank holiday"
        """, source: "england.toml")
    #expect(calendar.weekend == [6, 7])
    #expect(calendar.holiday(on: try Day(parsing: "2009-04-10")) == "Good Friday")
    #expect(calendar.holiday(on: try Day(parsing: "2010-04-10")) == nil)
    #expect(calendar.holiday(on: try Day(parsing: "1919-12-25")) == "Christmas Day")
    #expect(calendar.holiday(on: try Day(parsing: "2009-05-04")) == "Early May bank holiday")
    #expect(!calendar.isWorkingDay(try Day(parsing: "2009-04-10")))
}

@Test func aSevenDayWeekHasAnEmptyWeekend() throws {
    let calendar = try CalendarFile.parse("weekend = []\n", source: "seven.toml")
    #expect(calendar.weekend.isEmpty)
    #expect(calendar.isWorkingDay(try Day(parsing: "1920-02-29")))  // a Sunday
}

@Test func aMissingCalendarFileIsNoInput() {
    do {
        _ = try CalendarFile.load(path: "/nonexistent/calendar.toml", field: "--calendar")
        Issue.record("expected an error")
    } catch let e as PetitionsError {
        #expect(e.code == .noInput)
        #expect(e.code.rawValue == 66)
        #expect(e.message.contains("/nonexistent/calendar.toml"))
        #expect(e.message.contains("--calendar"))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func theCalendarOptionWinsOverTheEnvironmentWhichWinsOverTheDefault() throws {
    let rsfsr = Repository.path("config/calendars/rsfsr-1920.toml")
    let standard = Repository.path("config/calendar.toml")
    let env = ["PETITIONS_CALENDAR": rsfsr]
    #expect(try CalendarFile.resolve(option: nil, environment: [:]).path == nil)
    #expect(try CalendarFile.resolve(option: nil, environment: [:]).calendar == CalendarFile.defaultCalendar)
    #expect(try CalendarFile.resolve(option: nil, environment: env).calendar.weekend == [7])
    #expect(try CalendarFile.resolve(option: standard, environment: env).calendar.weekend == [6, 7])
    #expect(try CalendarFile.resolve(option: standard, environment: env).path == standard)
}

/// A calendar or rules file that is not TOML is refused in our words with the file and line: it gave toml++'s
/// ("Error while parsing key-value pair: expected value, saw '\n'", "could not determine value type").
@Test(arguments: [
    ("weekend = \n", "line 1: a key has no value after '='"),
    ("weekend = [sunday]\n", "line 1: a value is not one a TOML file can hold"),
    ("weekend = [\"sunday\"\n", "line 1: a list is not closed"),
    ("version = 1\nversion = 2\n", "line 2: a key or table given earlier is given again"),
    ("[[holiday]\ndate = \"05-01\"\n", "line 1: a table header is not closed"),
    ("[[holiday]]\nname = \"May Day\"\ndate = 05-01\n", "line 3: a value is not one a TOML file can hold"),
    ("= 3\n", "line 1: this line is not a setting a TOML file can hold"),
    ("version = 99999999999999999999\n", "line 1: a number is too large for a TOML file"),
])
func brokenTOMLIsSaidInOurWords(text: String, words: String) throws {
    let calendar = try #require(calendarError(text))
    #expect(calendar.message.hasPrefix("office.toml, \(words)"), "\(calendar.message)")
    for leaked in ["Error while parsing", "could not determine", "saw '", "toml++"] {
        #expect(!calendar.message.contains(leaked), "\(calendar.message)")
    }
    let rules = try #require(throws: PetitionsError.self) { try RulesFile.parse(text, source: "rules.toml") }
    #expect(rules.message.hasPrefix("rules.toml, \(words)"), "\(rules.message)")
}
