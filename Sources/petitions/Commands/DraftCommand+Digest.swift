import ArgumentParser
import Foundation
import PetitionsApp

extension DraftCommand {
    struct Digest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "Draft one letter to an authority covering every overdue item of it: letters and deliveries.",
            discussion: "Example:\n  petitions draft digest --authority moscow-supply --as-of 1920-03-04")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var draft: DraftOutputOptions
        @Option(parsing: .unconditional, help: ArgumentHelp("The authority written to (handle or id).", valueName: "handle")) var authority: String

        func run() throws {
            let asOf = ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.digest(authority: authority), asOf: asOf, sources: ruleOptions.sources)))
        }
    }
}
