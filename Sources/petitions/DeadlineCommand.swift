import ArgumentParser
import PetitionsApp
import PetitionsDomain
import PetitionsRules

/// `petitions deadline`: the due day of a span from a day, on a working calendar; no ledger needed.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Work out when something is due: a span from a day, skipping weekends and holidays.",
        discussion: """
        The start day never counts. 'N working days' counts the next N days that are neither weekend nor holiday; 'N days', 'N weeks' and 'N months' (the same day number, clamped to the month's end) move forward to the next working day when they land on a day off. Something is overdue from the day after its due day.

        The calendar is --calendar FILE, else $PETITIONS_CALENDAR, else Saturday and Sunday off with no holidays. No ledger is needed.

        Example:
          petitions deadline --from 1920-03-04 --within "10 working days" \\
              --calendar config/calendars/rsfsr-1920.toml
          petitions deadline --from 1920-01-31 --within "1 month" --format json
        """)

    @Option(help: ArgumentHelp("The start day (YYYY-MM-DD); it never counts itself.", valueName: "day"))
    var from: String

    @Option(help: ArgumentHelp("The span: e.g. '20 working days', '7 days', '2 weeks' or '1 month'.", valueName: "span"))
    var within: String

    @Option(help: ArgumentHelp("A calendar file (else $PETITIONS_CALENDAR, else Saturday and Sunday off, no holidays).", valueName: "file"))
    var calendar: String?

    @OptionGroup var output: FormatOptions

    func run() throws {
        let from = try day(from, "--from")
        guard let within = try span(within, "--within") else {
            throw PetitionsError.invalid("--within", within, "is not a span")
        }
        let (calendar, path) = try CalendarFile.resolve(option: calendar)
        let deadline = try calendar.checkedDeadline(from: from, within: within)
        if output.format == .json {
            return try Output.json(DeadlineOutput(deadline, calendar: path))
        }
        print(deadline.explanation)
        let days = "\(deadline.calendarDays) calendar day\(deadline.calendarDays == 1 ? "" : "s")"
        print("Overdue from \(deadline.overdueFrom); the due day is \(days) after the start.")
        print("Calendar: \(path ?? "built-in (Saturday and Sunday off, no holidays)")")
        guard !deadline.skipped.isEmpty else { return }
        var table = TextTable(["SKIPPED", "WEEKDAY", "REASON", "NAME"])
        for s in deadline.skipped {
            table.add([s.date.description, WorkCalendar.weekdayName(s.date), s.reason.rawValue, s.name])
        }
        print()
        print(table.render())
    }
}

/// The JSON shape of `petitions deadline`: the deadline and the calendar file it was worked out on.
struct DeadlineOutput: Encodable {
    let from: Day
    let within: Span
    let due: Day
    let skipped: [SkippedDay]
    let calendarDays: Int
    let overdueFrom: Day
    let explanation: String
    /// The calendar file, or null for the built-in calendar.
    let calendar: String?

    init(_ d: Deadline, calendar: String?) {
        from = d.from; within = d.within; due = d.due; skipped = d.skipped
        calendarDays = d.calendarDays; overdueFrom = d.overdueFrom; explanation = d.explanation
        self.calendar = calendar
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from); try c.encode(within, forKey: .within); try c.encode(due, forKey: .due)
        try c.encode(skipped, forKey: .skipped); try c.encode(calendarDays, forKey: .calendarDays)
        try c.encode(overdueFrom, forKey: .overdueFrom); try c.encode(explanation, forKey: .explanation)
        try c.encode(calendar, forKey: .calendar)  // null, not absent, for the built-in calendar
    }

    enum CodingKeys: String, CodingKey {
        case from, within, due, skipped, calendarDays, overdueFrom, explanation, calendar
    }
}
