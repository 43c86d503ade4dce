import ArgumentParser
import Foundation
import PetitionsApp

extension CalendarCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a calendar file in the ledger (checked first), and recompute the due days it changes.",
            discussion: "Example:\n  petitions calendar set config/calendars/rsfsr-1920.toml")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The calendar file (TOML).") var file: String
        @Option(parsing: .unconditional, help: "The day of the change (default today).") var on: String?
        func run() throws {
            let on = try day(on, "--on") ?? Clock.today()
            let context = try ledger.run(StoreRules(.calendar, file: file, on: on))
            let calendar = context.engine.calendar
            let days = calendar.weekend.sorted().map { WorkCalendar.weekdayNames[$0 - 1] }.joined(separator: ", ")
            // `weekend = []` (every weekday a working day) printed "weekend , 0 holidays".
            let weekend = days.isEmpty ? "no weekend days" : "weekend \(days)"
            print("Stored the calendar of \(file) in the ledger: \(weekend), \(Wording.count(calendar.holidays.count, "holiday")).")
        }
    }
}
