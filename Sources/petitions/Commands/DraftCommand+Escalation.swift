import ArgumentParser
import Foundation
import PetitionsApp

extension DraftCommand {
    struct Escalation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalation",
            abstract: "Draft a letter taking a petition to the authority above the one that does not answer (or to --to).",
            discussion: """
                It cites the petition's unanswered letters and their days, and the late deliveries and arrears of its
                petitioner under each decree.

                Example:
                  petitions draft escalation --petition 1 --as-of 1920-03-04
                  petitions draft escalation --petition 1 --to sovnarkom --as-of 1920-03-04
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var draft: DraftOutputOptions
        @Option(parsing: .unconditional, help: "The petition (id).", transform: OptionWord.id("--petition")) var petition: Int64
        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The authority to write to (default: the one above the petition's authority).", valueName: "handle"))
        var to: String?

        func run() throws {
            let asOf = ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.escalation(petition: petition, to: to), asOf: asOf, sources: ruleOptions.sources)))
        }
    }
}
