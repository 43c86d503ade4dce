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
        @Option(parsing: .unconditional, help: "Only this period (YYYY-MM).", transform: OptionWord.period("--period")) var period: Period?
        @Option(
            parsing: .unconditional, help: "Only this status: pending, partial, complete or cancelled.",
            transform: OptionWord.read { try DeliveryStatus(parsing: $0) })
        var status: DeliveryStatus?
        @Option(parsing: .unconditional, help: "Only this decree.") var decree: String?
        @Option(parsing: .unconditional, help: "Only this recipient.") var recipient: String?

        func run() throws {
            // Both formats are written as the deliveries are read: memory stays flat at a million deliveries.
            try DeliveryOutput.stream(
                ListDeliveries(period: period, status: status, decree: decree, recipient: recipient), in: ledger.workspace, output.format)
        }
    }
}
