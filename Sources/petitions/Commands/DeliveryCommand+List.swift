import ArgumentParser
import Foundation
import PetitionsApp

extension DeliveryCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List deliveries by period.", discussion: "Example:\n  petitions delivery list --status pending")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "Only this period (YYYY-MM).") var period: String?
        @Option(parsing: .unconditional, help: "Only this status: pending, partial, complete or cancelled.") var status: String?
        @Option(parsing: .unconditional, help: "Only this decree.") var decree: String?
        @Option(parsing: .unconditional, help: "Only this recipient.") var recipient: String?

        func run() throws {
            let p = try period.map { try Period(parsing: $0, field: "--period") }
            let s = try status.map { try DeliveryStatus(parsing: $0) }
            let list = try ledger.run(ListDeliveries(period: p, status: s, decree: decree, recipient: recipient))
            if output.format == .json { return try Output.json(list) }
            print(DeliveryOutput.table(list))
        }
    }
}
