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
        @Option(parsing: .unconditional, help: "The letter waiting for a reply (id).", transform: OptionWord.id("--letter")) var letter: Int64

        func run() throws {
            let asOf = ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.reminder(letter: letter), asOf: asOf, sources: ruleOptions.sources)))
        }
    }
}
