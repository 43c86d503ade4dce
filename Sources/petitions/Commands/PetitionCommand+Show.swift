import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a petition with its letters and events.", discussion: "Example:\n  petitions petition show 1")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The petition's id.", valueName: "petition")) var petitionWords: [String]
        /// `petitionWords` as one word: see `single(_:_:)`.
        var petition: String { get throws { try single(petitionWords, "petition") } }

        func run() throws {
            let pid = try id(petition, "petition")
            let dossier = try ledger.run(ShowPetition(petition: pid))
            if output.format == .json { return try Output.json(dossier) }
            try PetitionOutput.one(dossier.petition, created: false, .text)
            print("\nLetters:")
            print(LetterOutput.table(dossier.letters))
            if !dossier.notes.isEmpty {
                print("\nNotes:")
                for n in dossier.notes { print(PetitionOutput.noteLine(n)) }
            }
            print("\nEvents:")
            print(EventOutput.table(dossier.events))
        }
    }
}
