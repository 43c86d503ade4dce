import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionerCommand {
    struct DependantCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dependant", abstract: "Add a dependant to a petitioner's household, or remove one.",
            subcommands: [Add.self, Remove.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "add",
                abstract: "Add a dependant to a petitioner's household (a dependant.added event).",
                discussion:
                    "Example:\n  petitions petitioner dependant add petr-kropotkin \\\n      --name \"Sofia Kropotkina\" --category incapacitated")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var output: FormatOptions
            @Argument(help: "The petitioner (handle or id).") var petitioner: String
            @Option(parsing: .unconditional, help: "The dependant's name.") var name: String
            @Option(parsing: .unconditional, help: "The category they count as (default dependant).") var category: String?
            @Option(parsing: .unconditional, help: "The day of the change (YYYY-MM-DD; default today).") var on: String?

            func run() throws {
                let change = ChangeHousehold(.add, person: petitioner, name: name, category: category, on: try day(on, "--on"))
                let (p, _, warnings) = try change.runChecked(in: ledger.workspace)
                for w in warnings { Output.warn(w) }
                if output.format == .text { print("Added \(name) to the household of \(p.handle).") }
                try PartyOutput.show(p, output.format)
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "remove",
                abstract: "Remove a dependant from a petitioner's household (a dependant.removed event).",
                discussion: "Example:\n  petitions petitioner dependant remove petr-kropotkin \\\n      --name \"Sofia Kropotkina\"")
            @OptionGroup var ledger: LedgerOptions
            @OptionGroup var output: FormatOptions
            @Argument(help: "The petitioner (handle or id).") var petitioner: String
            @Option(parsing: .unconditional, help: "The dependant's name.") var name: String
            @Option(parsing: .unconditional, help: "Their category, when two dependants share the name.") var category: String?
            @Option(parsing: .unconditional, help: "The day of the change (YYYY-MM-DD; default today).") var on: String?

            func run() throws {
                let change = ChangeHousehold(.remove, person: petitioner, name: name, category: category, on: try day(on, "--on"))
                let (p, removed, warnings) = try change.runChecked(in: ledger.workspace)
                for w in warnings { Output.warn(w) }
                if output.format == .text { print("Removed \(removed ?? name) from the household of \(p.handle).") }
                try PartyOutput.show(p, output.format)
            }
        }
    }
}
