import ArgumentParser
import Foundation
import PetitionsApp

extension AuthorityCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one authority.", discussion: "Example:\n  petitions authority show moscow-supply")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party, kind: .authority)), output.format) }
    }
}
