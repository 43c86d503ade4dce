import ArgumentParser
import Foundation
import PetitionsApp

extension AuthorityCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List authorities.", discussion: "Example:\n  petitions authority list --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try PartyOutput.list(ListParties(kind: .authority), in: ledger.workspace, output.format) }
    }
}
