import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionerCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one petitioner.", discussion: "Example:\n  petitions petitioner show petr-kropotkin")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party, kind: .person)), output.format) }
    }
}
