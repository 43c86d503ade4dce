import ArgumentParser
import Foundation
import PetitionsApp

extension CalendarCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show the calendar in force.", discussion: "Example:\n  petitions calendar show")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        func run() throws {
            let ctx = try ledger.run(ShowRules(sources: ruleOptions.sources))
            let c = ctx.engine.calendar
            print("Calendar: \(ctx.calendarSource)")
            print("  weekend: \(c.weekend.sorted().map { WorkCalendar.weekdayNames[$0 - 1] }.joined(separator: ", "))")
            for h in c.holidays { print("  holiday: \(h)") }
        }
    }
}
