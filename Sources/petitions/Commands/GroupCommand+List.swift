import ArgumentParser
import Foundation
import PetitionsApp

extension GroupCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List groups.", discussion: "Example:\n  petitions group list")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        func run() throws { try PartyOutput.list(ListParties(kind: .group), in: ledger.workspace, output.format) }
    }
}
