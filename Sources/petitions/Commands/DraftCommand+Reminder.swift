import ArgumentParser
import Foundation
import PetitionsApp

extension DraftCommand {
    struct Reminder: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reminder",
            abstract: "Draft a reminder of one letter still waiting for a reply, to the authority it was sent to.",
            discussion: "Example:\n  petitions draft reminder --letter 1 --as-of 1920-03-04 \\\n      --output reminder-1.txt")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var draft: DraftOutputOptions
        @Option(parsing: .unconditional, help: "The letter waiting for a reply (id).") var letter: String

        func run() throws {
            let lid = try id(letter, "--letter")
            let asOf = try ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.reminder(letter: lid), asOf: asOf, sources: ruleOptions.sources)))
        }
    }
}
