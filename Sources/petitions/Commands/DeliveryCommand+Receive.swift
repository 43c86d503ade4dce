import ArgumentParser
import Foundation
import PetitionsApp

extension DeliveryCommand {
    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive",
            abstract: "Record what came for a scheduled delivery (several receipts add up; partial is allowed).",
            discussion:
                "Example:\n  petitions delivery receive --decree decree-1918-08-15 \\\n      --recipient dmitrov-post --period 1919-12 --on 1919-12-06 \\\n      --quantity \"1700 funt wheat\""
        )
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The decree (handle or id).") var decree: String
        @Option(parsing: .unconditional, help: "The recipient.") var recipient: String
        @Option(parsing: .unconditional, help: "The period (YYYY-MM).") var period: String
        @Option(parsing: .unconditional, help: "The day it came (YYYY-MM-DD).") var on: String
        @Option(parsing: .unconditionalSingleValue, help: "\"AMOUNT UNIT COMMODITY\" (repeatable).") var quantity: [String] = []
        @Option(parsing: .unconditional, help: "A note.") var note: String?

        func run() throws {
            let p = try Period(parsing: period, field: "--period")
            let on = try day(on, "--on")
            let d = try ledger.run(RecordReceipt(decree: decree, recipient: recipient, period: p, on: on, quantities: quantity, note: note))
            for w in ReceiptWarnings.check(d, period: p, on: on, today: Clock.today()) { Output.warn(w) }
            let receipt = (d.receipts ?? []).map(\.id).max()
            try DeliveryOutput.one(d, verb: "Recorded receipt \(receipt.map(String.init) ?? "") for delivery", output.format)
        }
    }
}
