import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Change a petition's status (open, waiting_on_petitioner, answered, resolved, rejected, withdrawn) as a recorded event.",
            discussion: "Example:\n  petitions petition status 1 --to answered --on 1920-04-02 \\\n      --note \"Reply from the Commissariat\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The petition's id.", valueName: "petition")) var petitionWords: [String]
        /// `petitionWords` as one word: see `single(_:_:)`.
        var petition: String { get throws { try single(petitionWords, "petition") } }
        @Option(parsing: .unconditional, help: "The new status.", transform: OptionWord.read { try PetitionStatus(parsing: $0, field: "--to") })
        var to: PetitionStatus
        @Option(parsing: .unconditional, help: "The day of the change (YYYY-MM-DD).") var on: String
        @Option(parsing: .unconditional, help: "A note on the change.") var note: String?

        func run() throws {
            let pid = try id(petition, "petition")
            let on = try day(on, "--on")
            let change = ChangePetitionStatus(petition: pid, to: to, on: on, note: note)
            let p = try ledger.run(change)
            try PetitionOutput.one(p, created: false, output.format)
        }
    }
}
