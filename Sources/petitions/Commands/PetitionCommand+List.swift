import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List petitions, oldest first.", discussion: "Example:\n  petitions petition list --status open")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(
            parsing: .unconditional, help: "Only petitions of this status.",
            transform: OptionWord.read { try PetitionStatus(parsing: $0, field: "--status") })
        var status: PetitionStatus?
        @Option(parsing: .unconditional, help: "Only petitions of this party (petitioner, authority or intermediary).") var party: String?
        @Option(parsing: .unconditional, help: "Only petitions whose subject or category this search matches (as petitions search does).") var search:
            String?

        func run() throws {
            let list = try ledger.run(ListPetitions(status: status, party: party, search: search))
            if output.format == .json { return try Output.json(list) }
            var t = TextTable(["ID", "OPENED", "STATUS", "FROM", "TO", "VIA", "SUBJECT"])
            for p in list { t.add([String(p.id), p.opened.description, p.status.rawValue, p.petitioner, p.authority, p.via.orDash, p.subject]) }
            print(t.render())
        }
    }
}
