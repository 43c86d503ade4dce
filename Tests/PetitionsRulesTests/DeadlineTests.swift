import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsRules
import Testing

/// The calendars the tables use; rsfsr-1920 is read from the repository's own file.
enum TestCalendar: String, Sendable, CustomTestStringConvertible {
    case standard, sevenDay, rsfsr1920, england2009, leapDay

    var testDescription: String { rawValue }

    func make() throws -> WorkCalendar {
        switch self {
        case .standard: return CalendarFile.defaultCalendar
        case .sevenDay: return WorkCalendar(weekend: [], holidays: [])
        case .rsfsr1920: return try CalendarFile.load(path: Repository.path("config/calendars/rsfsr-1920.toml"))
        case .england2009:
            return try CalendarFile.parse(
                """
                [[holiday]]
                date = "2009-04-10"
                name = "Good Friday"
                [[holiday]]
                date = "2009-04-13"
                name = "Easter Monday"
                [[holiday]]
                date = "12-25"
                name = "Christmas Day"
                [[holiday]]
                date = "12-26"
                name = "Boxing Day"
                """, source: "england-2009.toml")
        case .leapDay: return try CalendarFile.parse("[[holiday]]\ndate = \"02-29\"\nname = \"Leap day\"\n", source: "leap.toml")
        }
    }
}

/// Files of this repository, found from this source file.
enum Repository {
    static func path(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(relative).path
    }
}

func d(_ text: String) -> Day {
    guard let day = try? Day(parsing: text) else {
        Issue.record("bad test day \(text)")
        return Day.minimum
    }
    return day
}

/// One row: a span from a day on a calendar, the due day, and the skipped days as "YYYY-MM-DD reason name".
struct DeadlineCase: Sendable, CustomTestStringConvertible {
    let what: String
    let calendar: TestCalendar
    let from: String
    let within: String
    let due: String
    let skipped: [String]

    init(_ what: String, _ calendar: TestCalendar, _ from: String, _ within: String, due: String, skipped: [String] = []) {
        self.what = what
        self.calendar = calendar
        self.from = from
        self.within = within
        self.due = due
        self.skipped = skipped
    }

    var testDescription: String { "\(what): \(within) from \(from) on \(calendar.rawValue)" }
}

let deadlineCases: [DeadlineCase] = [
    // Leap years and month ends.
    DeadlineCase("leap day as start (a Sunday, not itself skipped)", .standard, "1920-02-29", "1 working day", due: "1920-03-01"),
    DeadlineCase("leap day as due", .sevenDay, "1920-02-28", "1 day", due: "1920-02-29"),
    DeadlineCase("month end clamps to the leap day", .sevenDay, "1920-01-31", "1 month", due: "1920-02-29"),
    DeadlineCase(
        "month end clamps to the leap day, a Sunday, then moves on", .standard, "1920-01-31", "1 month",
        due: "1920-03-01", skipped: ["1920-02-29 weekend Sunday"]),
    DeadlineCase("month end clamps to 28 February outside leap years", .standard, "1919-01-31", "1 month", due: "1919-02-28"),
    DeadlineCase(
        "a yearly 02-29 holiday falls in a leap year", .leapDay, "2024-02-27", "2 working days",
        due: "2024-03-01", skipped: ["2024-02-29 holiday Leap day"]),
    DeadlineCase("a yearly 02-29 holiday is absent in other years", .leapDay, "2023-02-27", "2 working days", due: "2023-03-01"),
    // Weekends.
    DeadlineCase(
        "a working day from a Friday", .standard, "1920-03-05", "1 working day",
        due: "1920-03-08", skipped: ["1920-03-06 weekend Saturday", "1920-03-07 weekend Sunday"]),
    DeadlineCase(
        "a working day from the Saturday after", .standard, "1920-03-06", "1 working day",
        due: "1920-03-08", skipped: ["1920-03-07 weekend Sunday"]),
    DeadlineCase(
        "days landing on a Saturday move to Monday", .standard, "1920-03-01", "5 days",
        due: "1920-03-08", skipped: ["1920-03-06 weekend Saturday", "1920-03-07 weekend Sunday"]),
    DeadlineCase(
        "a week from a Saturday moves to Monday", .standard, "1920-03-06", "1 week",
        due: "1920-03-15", skipped: ["1920-03-13 weekend Saturday", "1920-03-14 weekend Sunday"]),
    DeadlineCase("two weeks from a Thursday land on a Thursday", .standard, "1920-03-04", "2 weeks", due: "1920-03-18"),
    // Holidays inside and at the edges of the window (six-day week of 1920).
    DeadlineCase(
        "holidays and Sundays inside the window", .rsfsr1920, "1920-03-04", "10 working days",
        due: "1920-03-17",
        skipped: ["1920-03-07 weekend Sunday", "1920-03-12 holiday Overthrow of the autocracy", "1920-03-14 weekend Sunday"]),
    DeadlineCase(
        "a holiday on the would-be due day", .rsfsr1920, "1920-03-11", "1 working day",
        due: "1920-03-13", skipped: ["1920-03-12 holiday Overthrow of the autocracy"]),
    DeadlineCase("a holiday the day after the due day is not skipped", .rsfsr1920, "1920-03-16", "1 working day", due: "1920-03-17"),
    DeadlineCase("start on a holiday", .rsfsr1920, "1920-03-12", "1 working day", due: "1920-03-13"),
    DeadlineCase("start on a Sunday", .rsfsr1920, "1920-03-14", "1 working day", due: "1920-03-15"),
    DeadlineCase(
        "Saturday is worked in a six-day week", .rsfsr1920, "1920-03-19", "2 working days",
        due: "1920-03-22", skipped: ["1920-03-21 weekend Sunday"]),
    DeadlineCase(
        "a day landing on 1 May, then a Sunday", .rsfsr1920, "1920-04-30", "1 day",
        due: "1920-05-03", skipped: ["1920-05-01 holiday Day of the International", "1920-05-02 weekend Sunday"]),
    DeadlineCase(
        "a month landing on a holiday that is also a Sunday", .rsfsr1920, "1920-10-07", "1 month",
        due: "1920-11-08", skipped: ["1920-11-07 holiday Day of the Proletarian Revolution"]),
    DeadlineCase(
        "one-day and weekend holidays together", .england2009, "2009-04-09", "1 working day",
        due: "2009-04-14",
        skipped: [
            "2009-04-10 holiday Good Friday", "2009-04-11 weekend Saturday", "2009-04-12 weekend Sunday",
            "2009-04-13 holiday Easter Monday",
        ]),
    DeadlineCase(
        "yearly holidays on a weekend count as holidays", .england2009, "2010-12-24", "1 working day",
        due: "2010-12-27", skipped: ["2010-12-25 holiday Christmas Day", "2010-12-26 holiday Boxing Day"]),
    DeadlineCase(
        "a one-day holiday does not repeat", .england2009, "2010-04-09", "1 working day",
        due: "2010-04-12", skipped: ["2010-04-10 weekend Saturday", "2010-04-11 weekend Sunday"]),
]

@Test(arguments: deadlineCases)
func deadline(_ c: DeadlineCase) throws {
    let calendar = try c.calendar.make()
    let result = calendar.deadline(from: d(c.from), within: try Span(parsing: c.within))
    #expect(result.due == d(c.due))
    #expect(result.skipped.map { "\($0.date) \($0.reason.rawValue) \($0.name)" } == c.skipped)
    #expect(result.calendarDays == d(c.from).days(until: d(c.due)))
}

@Test func workingDaysFromASaturdayAreDueWithThoseFromTheFridayBefore() throws {
    let calendar = CalendarFile.defaultCalendar
    for n in [1, 2, 5, 10, 20] {
        let fromFriday = calendar.deadline(from: d("1920-03-05"), within: Span(n, .workingDays))
        let fromSaturday = calendar.deadline(from: d("1920-03-06"), within: Span(n, .workingDays))
        #expect(fromFriday.due == fromSaturday.due, "\(n) working days")
    }
    #expect(calendar.deadline(from: d("1920-03-06"), within: Span(5, .workingDays)).due == d("1920-03-12"))
}

@Test func theDueDayItselfIsNotOverdue() throws {
    let result = try TestCalendar.rsfsr1920.make().deadline(from: d("1920-03-04"), within: Span(10, .workingDays))
    #expect(!result.isOverdue(asOf: d("1920-03-16")))
    #expect(!result.isOverdue(asOf: d("1920-03-17")))
    #expect(result.isOverdue(asOf: d("1920-03-18")))
    #expect(result.overdueFrom == d("1920-03-18"))
}

@Test func explanationsSayHowTheDueDayWasReached() throws {
    let rsfsr = try TestCalendar.rsfsr1920.make()
    #expect(
        rsfsr.deadline(from: d("1920-03-04"), within: Span(10, .workingDays)).explanation
            == "Due 1920-03-17: 10 working days after 1920-03-04, skipping 2 Sundays and 1 holiday (12 March: Overthrow of the autocracy).")
    let standard = CalendarFile.defaultCalendar
    #expect(
        standard.deadline(from: d("1920-03-04"), within: Span(2, .weeks)).explanation
            == "Due 1920-03-18: 2 weeks after 1920-03-04.")
    #expect(
        standard.deadline(from: d("1920-01-31"), within: Span(1, .months)).explanation
            == "Due 1920-03-01: 1 month after 1920-01-31 is 1920-02-29 (the last day of February 1920), not a working day, so it moves to the next one, skipping 1 Sunday."
    )
    #expect(
        standard.deadline(from: d("1919-01-31"), within: Span(1, .months)).explanation
            == "Due 1919-02-28: 1 month after 1919-01-31 is 1919-02-28 (the last day of February 1919).")
    #expect(
        try TestCalendar.england2009.make().deadline(from: d("2009-04-09"), within: Span(1, .workingDays)).explanation
            == "Due 2009-04-14: 1 working day after 2009-04-09, skipping 1 Saturday, 1 Sunday and 2 holidays (10 April: Good Friday; 13 April: Easter Monday)."
    )
}

@Test func deadlinesEncodeTheirDaysAsText() throws {
    let result = try TestCalendar.rsfsr1920.make().deadline(from: d("1920-03-11"), within: Span(1, .workingDays))
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.sortedKeys]
    let json = String(decoding: try encoder.encode(result), as: UTF8.self)
    #expect(json.contains(#""due":"1920-03-13""#))
    #expect(json.contains(#""within":"1 working day""#))
    #expect(json.contains(#""skipped":[{"date":"1920-03-12","name":"Overthrow of the autocracy","reason":"holiday"}]"#))
    #expect(json.contains(#""calendar_days":2"#))
}

// MARK: - Counting working days

@Test func workingDaysCountsTheDaysAfterTheStartThroughTheEnd() throws {
    let standard = CalendarFile.defaultCalendar
    let rsfsr = try TestCalendar.rsfsr1920.make()
    #expect(standard.workingDays(after: d("1920-03-05"), through: d("1920-03-12")) == 5)
    #expect(rsfsr.workingDays(after: d("1920-03-04"), through: d("1920-03-17")) == 10)
    // 1920: 366 days, 52 Sundays, 5 holidays on weekdays (7 November was a Sunday).
    #expect(rsfsr.workingDays(after: d("1919-12-31"), through: d("1920-12-31")) == 309)
    #expect(rsfsr.workingDays(after: d("1920-03-17"), through: d("1920-03-17")) == 0)
    #expect(rsfsr.workingDays(after: d("1920-03-17"), through: d("1920-03-04")) == 0)
}

@Test func workingDaysAgreesWithCountingDayByDay() throws {
    let rsfsr = try TestCalendar.rsfsr1920.make()
    let england = try TestCalendar.england2009.make()
    for calendar in [rsfsr, england, CalendarFile.defaultCalendar] {
        let start = d("2008-12-20")
        var count = 0
        for offset in 1...800 {
            let end = start.adding(days: offset)
            if calendar.isWorkingDay(end) { count += 1 }
            #expect(calendar.workingDays(after: start, through: end) == count, "through \(end)")
            if calendar.isWorkingDay(end) {
                #expect(calendar.workingDay(count, after: start) == end)
            }
        }
    }
}

@Test func nextWorkingDayStaysOnAWorkingDayAndSkipsDaysOff() throws {
    let rsfsr = try TestCalendar.rsfsr1920.make()
    #expect(rsfsr.nextWorkingDay(onOrAfter: d("1920-03-13")) == d("1920-03-13"))
    #expect(rsfsr.nextWorkingDay(onOrAfter: d("1920-05-01")) == d("1920-05-03"))
    #expect(rsfsr.holiday(on: d("1920-05-01")) == "Day of the International")
    #expect(rsfsr.holiday(on: d("1920-05-02")) == nil)
    #expect(!rsfsr.isWorkingDay(d("1920-05-02")))
    #expect(rsfsr.isWorkingDay(d("1920-05-08")))  // a Saturday
}

@Test func longSpansAreExact() throws {
    // Checked by counting day by day in Python.
    let rsfsr = try TestCalendar.rsfsr1920.make()
    #expect(CalendarFile.defaultCalendar.deadline(from: d("1920-03-04"), within: Span(999_999, .workingDays)).due == d("5753-03-28"))
    #expect(rsfsr.deadline(from: d("1920-03-04"), within: Span(999_999, .workingDays)).due == d("5167-09-13"))
}

@Test func aDeadlinePastTheLastDayOrWithoutAWorkingDayIsASentenceNotTheEdge() throws {
    let calendar = WorkCalendar()
    let last = try Day(parsing: "9999-12-31")
    for span in [Span(1, .days), Span(1, .weeks), Span(1, .months), Span(1, .workingDays), Span(999_999, .days)] {
        let error = try #require(throws: PetitionsError.self) { try calendar.checkedDeadline(from: last, within: span) }
        #expect(error.message.contains("--within") && error.message.contains("9999-12-31"), "\(span): \(error)")
    }
    // 9999-12-31 is a Friday: one day from the Thursday before is fine.
    #expect(try calendar.checkedDeadline(from: try Day(parsing: "9999-12-30"), within: Span(1, .days)).due == last)
    // Every day off: the search stops after its bound with a sentence.
    let never = WorkCalendar(weekend: [1, 2, 3, 4, 5, 6, 7])
    let error = try #require(throws: PetitionsError.self) { try never.checkedDeadline(from: try Day(parsing: "1920-03-04"), within: Span(1, .days)) }
    #expect(error.message.contains("no working day"), "\(error)")
    #expect(throws: PetitionsError.self) { try never.checkedDeadline(from: try Day(parsing: "1920-03-04"), within: Span(3, .workingDays)) }
}

@Test func aCalendarWithoutAWorkingDayForSixtyDaysIsRefused() throws {
    let everyDay = (1...12).flatMap { m in
        (1...Day.daysIn(month: m, year: 2024)).map { String(format: "[[holiday]]\ndate = \"%02d-%02d\"\nname = \"Rest\"\n", m, $0) }
    }
    let error = try #require(throws: PetitionsError.self) { try CalendarFile.parse(everyDay.joined(), source: "rest.toml") }
    #expect(error.message.contains("rest.toml") && error.message.contains("60 days in a row"), "\(error)")
    // Sixty one-off days in a row over a new year, with weekends.
    var text = ""
    var d = try Day(parsing: "1920-12-01")
    for _ in 0..<61 {
        text += "[[holiday]]\ndate = \"\(d)\"\nname = \"Strike\"\n"
        d = d.adding(days: 1)
    }
    #expect(throws: PetitionsError.self) { try CalendarFile.parse(text, source: "strike.toml") }
    // Fifty-nine are allowed.
    let shorter = text.components(separatedBy: "[[holiday]]\n").dropFirst().prefix(40).map { "[[holiday]]\n" + $0 }.joined()
    _ = try CalendarFile.parse(shorter, source: "ok.toml")
}
