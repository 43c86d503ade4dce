import ArgumentParser
import Foundation
import PetitionsApp

extension OfficeCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show the office that keeps the ledger, or another office whose events were merged here.",
            discussion: "Example:\n  petitions office show\n  petitions office show dmitrov")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id of an office (default: this ledger's own, id 0).") var party: String = "0"
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party, kind: .office)), output.format) }
    }
}
