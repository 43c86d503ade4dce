import ArgumentParser
import Foundation
import PetitionsApp

extension RulesCommand {
    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Recompute every waiting letter's stored due day under the rules and calendar in force.",
            discussion: "Example:\n  petitions rules apply")
        @OptionGroup var ledger: LedgerOptions
        @Option(parsing: .unconditional, help: "The day of the change (default today).") var on: String?
        func run() throws {
            let on = try day(on, "--on") ?? Clock.today()
            let n = try ledger.run(ApplyRules(on: on))
            print("Recomputed due days: \(Thousands.format(n)) changed.")
        }
    }
}
