import ArgumentParser
import Foundation
import PetitionsApp

struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt", abstract: "Correct receipts of deliveries (their ids are printed by delivery receive and delivery show).",
        subcommands: [VoidReceipt.self])

    struct VoidReceipt: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a receipt recorded in error: it stays listed, voided, and counts for nothing.",
            discussion: """
                Receive again with delivery receive when what came was recorded wrongly.

                Example:
                  petitions receipt void 3 --reason "Recorded against the wrong month"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The receipt's id.", valueName: "receipt")) var receiptWords: [String]
        /// `receiptWords` as one word: see `single(_:_:)`.
        var receipt: String { get throws { try single(receiptWords, "receipt") } }
        @Option(parsing: .unconditional, help: "Why it is void.") var reason: String
        @Option(parsing: .unconditional, help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let rid = try id(receipt, "receipt")
            let d = try ledger.run(PetitionsApp.VoidReceipt(receipt: rid, reason: reason, on: try day(on, "--on")))
            try DeliveryOutput.one(d, verb: "Voided receipt \(rid) of delivery", output.format)
        }
    }
}
