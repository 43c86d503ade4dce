import ArgumentParser
import Foundation
import PetitionsApp

extension RulesCommand {
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Store a rules file in the ledger (checked first), and recompute the due days it changes.",
            discussion: "Example:\n  petitions rules set config/rules.toml")
        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The rules file (TOML).") var file: String
        @Option(parsing: .unconditional, help: "The day of the change (default today).") var on: String?
        func run() throws {
            let on = try day(on, "--on") ?? Clock.today()
            _ = try ledger.run(StoreRules(.rules, file: file, on: on))
            print("Stored the rules of \(file) in the ledger.")
        }
    }
}
