import Foundation
import PetitionsDomain
import Testing

@Suite("Period")
struct PeriodTests {
    @Test("YYYY-MM parses and writes back the same", arguments: ["1920-02", "1000-01", "9999-12", "1917-11"])
    func parses(text: String) throws {
        let p = try Period(parsing: text)
        #expect(p.description == text)
    }

    @Test(
        "malformed periods are refused",
        arguments: [
            "1920-2", "1920-13", "1920-00", "", "1920-02-01", "0999-01", "abcd-01", "1920", "1920/02", "192O-02",
        ])
    func refusesInvalid(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try Period(parsing: text, field: "--period") }
        #expect(error.message.contains("--period"))
        #expect(error.message.contains("'\(text)'"))
    }

    @Test(
        "first and last day of a period",
        arguments: [
            ("1920-02", "1920-02-01", "1920-02-29"),
            ("1919-02", "1919-02-01", "1919-02-28"),
            ("1900-02", "1900-02-01", "1900-02-28"),
            ("1920-04", "1920-04-01", "1920-04-30"),
            ("1920-12", "1920-12-01", "1920-12-31"),
        ])
    func firstAndLast(text: String, first: String, last: String) throws {
        let p = try Period(parsing: text)
        #expect(p.first.description == first)
        #expect(p.last.description == last)
    }

    @Test("the nth day is clamped into the period")
    func nthDay() throws {
        let feb = try Period(parsing: "1920-02")
        #expect(feb.day(31).description == "1920-02-29")
        #expect(feb.day(15).description == "1920-02-15")
        #expect(feb.day(0).description == "1920-02-01")
        #expect(try Period(parsing: "1919-02").day(31).description == "1919-02-28")
    }

    @Test("next and previous cross year boundaries")
    func nextAndPrevious() throws {
        #expect(try Period(parsing: "1919-12").next?.description == "1920-01")
        #expect(try Period(parsing: "1920-01").previous?.description == "1919-12")
        #expect(try Period(parsing: "1920-05").next?.description == "1920-06")
        #expect(try Period(parsing: "1920-05").previous?.description == "1920-04")
    }

    @Test("there is no month before the first or after the last: a walk stops instead of standing still")
    func edgesAreNotFixedPoints() throws {
        #expect(try Period(parsing: "1000-01").previous == nil)
        #expect(try Period(parsing: "9999-12").next == nil)
        #expect(try Period(parsing: "1000-02").previous?.description == "1000-01")
        #expect(try Period(parsing: "9999-11").next?.description == "9999-12")
    }

    @Test("a range lists every month from the first through the last")
    func range() throws {
        let r = Period.range(try Period(parsing: "1919-11"), try Period(parsing: "1920-02"))
        #expect(r.map(\.description) == ["1919-11", "1919-12", "1920-01", "1920-02"])
        let year = Period.range(try Period(parsing: "1920-01"), try Period(parsing: "1920-12"))
        #expect(year.count == 12)
        #expect(Period.range(try Period(parsing: "1920-03"), try Period(parsing: "1920-03")).count == 1)
        #expect(Period.range(try Period(parsing: "1920-03"), try Period(parsing: "1920-02")).isEmpty)
        // The last supported month ends the range rather than looping.
        #expect(Period.range(try Period(parsing: "9999-11"), try Period(parsing: "9999-12")).count == 2)
    }

    @Test("the period containing a day, and its long form")
    func containing() throws {
        let p = Period(containing: try day("1920-02-29"))
        #expect(p.description == "1920-02")
        #expect(p.longDescription == "February 1920")
    }
}
