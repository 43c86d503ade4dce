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
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The delivery's id.", valueName: "delivery")) var deliveryWords: [String]
        /// `deliveryWords` as one word: see `single(_:_:)`.
        var delivery: String { get throws { try single(deliveryWords, "delivery") } }
        func run() throws {
            let d = try ledger.run(ShowDelivery(delivery: try id(delivery, "delivery")))
            try DeliveryOutput.one(d, verb: "Delivery", output.format)
        }
    }
}
