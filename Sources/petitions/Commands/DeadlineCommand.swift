import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions deadline`: the due day of a span from a day, on the calendar in force (the ledger's own when there is
/// one, as for every command); no ledger needed.
struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline",
        abstract: "Work out when something is due: a span from a day, skipping weekends and holidays.",
        discussion: """
            The start day never counts. 'N working days' counts the next N days that are neither weekend nor holiday; 'N days', 'N weeks' and 'N months' (the same day number, clamped to the month's end) move forward to the next working day when they land on a day off. Something is overdue from the day after its due day.

            The calendar is --calendar FILE, else the ledger's own (calendar set; --db as for every command), else $PETITIONS_CALENDAR, else Saturday and Sunday off with no holidays. No ledger is needed: without --db or $PETITIONS_DB and with none at the default path, the ledger's step is skipped. The answer says which calendar it used.

            Example:
              petitions deadline --from 1920-03-04 --within "10 working days" \\
                  --calendar config/calendars/rsfsr-1920.toml
              petitions deadline --from 1920-01-31 --within "1 month" --format json
            """)

    @Option(
        parsing: .unconditional, help: ArgumentHelp("The start day (YYYY-MM-DD); it never counts itself.", valueName: "day"),
        transform: OptionWord.day("--from"))
    var from: Day

    @Option(
        parsing: .unconditional, help: ArgumentHelp("The span: e.g. '20 working days', '7 days', '2 weeks' or '1 month'.", valueName: "span"),
        transform: OptionWord.span("--within"))
    var within: Span

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "A calendar file for this run (else the ledger's, else $PETITIONS_CALENDAR, else Saturday and Sunday off, no holidays).",
            valueName: "file"))
    var calendar: String?

    @OptionGroup var ledger: LedgerOptions

    @OptionGroup var output: FormatOptions

    /// The most skipped days the text lists: a span of years skips hundreds of thousands, which no one reads.
    static let listedSkippedDays = 100

    func run() throws {
        let result = try ledger.run(ComputeDeadline(from: from, within: within, calendar: calendar))
        let deadline = result.deadline
        if output.format == .json {
            return try Output.json(DeadlineOutput(deadline, calendar: result.ledgerPath == nil ? result.calendarPath : "ledger"))
        }
        print(deadline.explanation)
        let days = "\(Thousands.format(deadline.calendarDays)) calendar day\(deadline.calendarDays == 1 ? "" : "s")"
        print("Overdue from \(deadline.overdueFrom); the due day is \(days) after the start.")
        if let l = result.ledgerPath {
            print("Calendar: the ledger's own (calendar set), of \(l)")
        } else {
            print("Calendar: \(result.calendarPath ?? "built-in (Saturday and Sunday off, no holidays)")")
        }
        guard !deadline.skipped.isEmpty else { return }
        var table = TextTable(["SKIPPED", "WEEKDAY", "REASON", "NAME"])
        for s in deadline.skipped.prefix(Self.listedSkippedDays) {
            table.add([s.date.description, WorkCalendar.weekdayName(s.date), s.reason.rawValue, s.name])
        }
        print()
        print(table.render())
        let more = deadline.skipped.count - Self.listedSkippedDays
        if more > 0 {
            print("… and \(Thousands.format(more)) more skipped day\(more == 1 ? "" : "s") (--format json lists them all).")
        }
    }
}
