import ArgumentParser
import Foundation
import PetitionsApp

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Read the event log: everything recorded, with who recorded it and the day it happened.",
        discussion: "Example:\n  petitions events --party dmitrov-post --since 1920-01-01\n  petitions events --kind letter --format json")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Option(parsing: .unconditional, help: "Only events concerning this party.") var party: String?
    @Option(parsing: .unconditional, help: "Only events of this petition (and its letters).", transform: OptionWord.id("--petition"))
    var petition: Int64?
    @Option(
        parsing: .unconditional, help: "Only events of this kind (e.g. letter.sent, or letter for every letter event).",
        transform: OptionWord.read { try ListEvents.kind(named: $0, field: "--kind") })
    var kind: String?
    @Option(parsing: .unconditional, help: "Only events on or after this day.", transform: OptionWord.day("--since")) var since: Day?

    func run() throws {
        let request = ListEvents(party: party, petition: petition, kind: kind, since: since)
        // Both formats are written as the log is read, one event at a time: memory stays flat at a million events.
        if output.format == .json {
            var out = JSONArrayStream()
            try request.run(in: ledger.workspace) { _, event in try out.add(event) }
            return try out.finish()
        }
        try EventOutput.stream(request, in: ledger.workspace)
    }
}
