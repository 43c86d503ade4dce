import ArgumentParser
import Foundation
import PetitionsApp

extension LetterCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List letters, oldest first.", discussion: "Example:\n  petitions letter list --petition 1")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "Only letters of this petition (id).", transform: OptionWord.id("--petition")) var petition: Int64?
        @Option(parsing: .unconditional, help: "Only letters from or to this party.") var party: String?
        @Flag(help: "Only letters still waiting for a reply.") var waiting = false
        @Option(parsing: .unconditional, help: "Only letters whose subject or summary this search matches (as petitions search does).") var search:
            String?

        func run() throws {
            // Both formats are written as the letters are read: memory stays flat at a million letters.
            try LetterOutput.stream(
                ListLetters(petition: petition, party: party, waiting: waiting, search: search), in: ledger.workspace, output.format)
        }
    }
}
