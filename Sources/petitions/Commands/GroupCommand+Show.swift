import ArgumentParser
import Foundation
import PetitionsApp

extension GroupCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one group.", discussion: "Example:\n  petitions group show dmitrov-post")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party, kind: .group)), output.format) }
    }
}
