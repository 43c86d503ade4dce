import ArgumentParser
import Foundation
import PetitionsApp

extension LetterCommand {
    struct VoidLetter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a letter recorded in error (a correction event; nothing is deleted).",
            discussion: "Example:\n  petitions letter void 4 --reason \"Recorded twice\" --on 1920-03-05")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The letter's id.", valueName: "letter")) var letterWords: [String]
        /// `letterWords` as one word: see `single(_:_:)`.
        var letter: String { get throws { try single(letterWords, "letter") } }
        @Option(parsing: .unconditional, help: "Why it is void.") var reason: String
        @Option(parsing: .unconditional, help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let lid = try id(letter, "letter")
            let on = try day(on, "--on") ?? Clock.today()
            let l = try ledger.run(PetitionsApp.VoidLetter(letter: lid, reason: reason, on: on))
            if output.format != .json {
                print("Voided letter \(l.id) on \(on): it counts for nothing, as of any day, and no reply is expected of it.")
            }
            try LetterOutput.one(l, created: false, output.format)
        }
    }
}
