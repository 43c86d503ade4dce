import ArgumentParser
import Foundation
import PetitionsApp

/// Every kind of party in one place: `party list` lists them all (or one kind), `party show` shows any one by handle
/// or id, whatever its kind, so a handle found in a letter or an event can be looked up without knowing its kind.
struct PartyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "party", abstract: "List every party (petitioners, groups, authorities, offices) or show any one.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the parties: authorities, groups, petitioners, then offices (or one kind with --kind).",
            discussion: "Example:\n  petitions party list\n  petitions party list --kind group --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(
            parsing: .unconditional, help: "Only this kind: petitioner, group, authority or office.",
            transform: OptionWord.read { try ListParties.kinds(named: $0, field: "--kind") })
        var kind: [PartyKind]?

        func run() throws {
            // Both formats are written as the parties are read: memory stays flat at a million petitioners.
            try PartyOutput.list(ListParties(kinds: kind ?? ListParties.everyKind), in: ledger.workspace, output.format)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one party of any kind, by handle or id.",
            discussion: "Example:\n  petitions party show moscow-supply\n  petitions party show 3 --format json")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var party: String
        func run() throws { try PartyOutput.show(try ledger.run(ShowParty(party: party)), output.format) }
    }
}
