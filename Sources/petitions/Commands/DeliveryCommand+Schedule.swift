import ArgumentParser
import Foundation
import PetitionsApp

extension DeliveryCommand {
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schedule",
            abstract: "Schedule one expected delivery per recipient and period (idempotent: a period already scheduled is left alone).",
            discussion: "Example:\n  petitions delivery schedule --decree decree-1918-08-15 --from 1919-09 \\\n      --to 1920-03")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The decree (handle or id).") var decree: String
        @Option(parsing: .unconditional, help: "Only this recipient.") var recipient: String?
        @Option(parsing: .unconditional, help: "First period (YYYY-MM).") var from: String
        @Option(parsing: .unconditional, help: "Last period (YYYY-MM).") var to: String
        @Option(parsing: .unconditional, help: "The day the schedule was recorded as of (default today).") var on: String?

        func run() throws {
            let from = try period(from, "--from")
            let to = try period(to, "--to")
            let on = try day(on, "--on")
            let r = try ledger.run(ScheduleDeliveries(decree: decree, recipient: recipient, from: from, to: to, on: on))
            if output.format == .json { return try Output.json(r) }
            print(
                "Scheduled \(r.scheduled.count) deliver\(r.scheduled.count == 1 ? "y" : "ies")\(r.alreadyScheduled > 0 ? " (\(r.alreadyScheduled) already scheduled, left as they were)" : "")."
            )
            if !r.scheduled.isEmpty { print(DeliveryOutput.table(r.scheduled)) }
        }
    }
}
