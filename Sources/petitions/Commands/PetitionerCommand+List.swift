import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionerCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List petitioners.", discussion: "Example:\n  petitions petitioner list --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try PartyOutput.list(ListParties(kind: .person), in: ledger.workspace, output.format) }
    }
}
