import ArgumentParser
import Foundation
import PetitionsApp

extension LetterCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one letter.", discussion: "Example:\n  petitions letter show 2")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The letter's id.", valueName: "letter")) var letterWords: [String]
        /// `letterWords` as one word: see `single(_:_:)`.
        var letter: String { get throws { try single(letterWords, "letter") } }

        func run() throws {
            let l = try ledger.run(ShowLetter(letter: try id(letter, "letter")))
            try LetterOutput.one(l, created: false, output.format)
        }
    }
}
