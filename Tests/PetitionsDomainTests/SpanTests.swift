import Foundation
import PetitionsDomain
import Testing

@Suite("Span")
struct SpanTests {
    @Test(
        "spans parse in the forms clerks write",
        arguments: [
            ("20 working days", 20, Span.Unit.workingDays, "20 working days"),
            ("1 day", 1, .days, "1 day"),
            ("7 days", 7, .days, "7 days"),
            ("2 weeks", 2, .weeks, "2 weeks"),
            ("1 month", 1, .months, "1 month"),
            ("3 months", 3, .months, "3 months"),
            ("20 working-days", 20, .workingDays, "20 working days"),
            ("20 Working Days", 20, .workingDays, "20 working days"),
            ("20wd", 20, .workingDays, "20 working days"),
            ("1 week", 1, .weeks, "1 week"),
        ])
    func parses(text: String, count: Int, unit: Span.Unit, description: String) throws {
        let s = try Span(parsing: text)
        #expect(s.count == count)
        #expect(s.unit == unit)
        #expect(s.description == description)
    }

    @Test(
        "invalid spans are refused with the field and the value",
        arguments: [
            "0 days", "-3 days", "days", "20 fortnights", "", "20", "twenty days", "1.5 days",
        ])
    func refusesInvalid(text: String) throws {
        let error = try #require(throws: PetitionsError.self) { try Span(parsing: text, field: "--reply-within") }
        #expect(error.message.contains("--reply-within"))
        #expect(error.message.contains("'\(text)'"))
    }

    @Test("zero is refused as too small, not as malformed")
    func zero() throws {
        let error = try #require(throws: PetitionsError.self) { try Span(parsing: "0 days") }
        #expect(error.message.contains("at least 1"))
    }

    @Test(
        "description parses back to the same span",
        arguments: [
            Span(1, .days), Span(20, .workingDays), Span(1, .workingDays), Span(2, .weeks), Span(1, .months), Span(12, .months),
        ])
    func roundTrip(span: Span) throws {
        #expect(try Span(parsing: span.description) == span)
    }

    @Test("a span encodes as its description in JSON")
    func codable() throws {
        let data = try JSONEncoder().encode([Span(20, .workingDays)])
        #expect(String(decoding: data, as: UTF8.self) == #"["20 working days"]"#)
        #expect(try JSONDecoder().decode([Span].self, from: data) == [Span(20, .workingDays)])
    }
}
