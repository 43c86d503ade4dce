import ArgumentParser
import Foundation
import PetitionsApp

extension DeliveryCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a delivery with its receipts.", discussion: "Example:\n  petitions delivery show 5")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The delivery's id.") var delivery: String
        func run() throws {
            let d = try ledger.run(ShowDelivery(delivery: try id(delivery, "delivery")))
            try DeliveryOutput.one(d, verb: "Delivery", output.format)
        }
    }
}
