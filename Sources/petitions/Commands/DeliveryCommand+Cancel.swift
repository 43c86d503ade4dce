import ArgumentParser
import Foundation
import PetitionsApp

extension DeliveryCommand {
    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel",
            abstract: "Cancel a scheduled delivery as a recorded event.",
            discussion:
                "Example:\n  petitions delivery cancel --decree decree-1918-08-15 \\\n      --recipient dmitrov-post --period 1919-09 \\\n      --reason \"Scheduled in error\" --on 1920-03-04"
        )
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The decree (handle or id).") var decree: String
        @Option(parsing: .unconditional, help: "The recipient.") var recipient: String
        @Option(parsing: .unconditional, help: "The period (YYYY-MM).") var period: String
        @Option(parsing: .unconditional, help: "Why.") var reason: String
        @Option(parsing: .unconditional, help: "The day of the cancellation (default today).") var on: String?

        func run() throws {
            let p = try Period(parsing: period, field: "--period")
            let on = try day(on, "--on") ?? Clock.today()
            let d = try ledger.run(CancelDelivery(decree: decree, recipient: recipient, period: p, on: on, reason: reason))
            try DeliveryOutput.one(d, verb: "Cancelled delivery", output.format)
        }
    }
}
