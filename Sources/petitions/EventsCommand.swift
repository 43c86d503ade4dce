import ArgumentParser
import PetitionsApp

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read the event log: everything recorded, with who recorded it and the day it happened.",
        discussion: "Example:\n  petitions events --party dmitrov-post --since 1920-01-01\n  petitions events --kind letter --format json")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Option(help: "Only events concerning this party.") var party: String?
    @Option(help: "Only events of this petition (and its letters).") var petition: String?
    @Option(help: "Only events of this kind (e.g. letter.sent, or letter for every letter event).") var kind: String?
    @Option(help: "Only events on or after this day.") var since: String?

    func run() throws {
        let pid = try id(petition, "--petition")
        let since = try day(since, "--since")
        let list = try ledger.run(ListEvents(party: party, petition: pid, kind: kind, since: since))
        if output.format == .json { return try Output.json(list) }
        print(EventOutput.table(list))
    }
}

enum EventOutput {
    static func table(_ list: [Event]) -> String {
        var t = TextTable(["ID", "DAY", "KIND", "ACTOR", "OFFICE", "WHAT"])
        for e in list { t.add([String(e.id), e.day.description, e.kind, e.actor, e.office, e.summary]) }
        return t.render()
    }
}

struct Units: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the units of measure this ledger knows.", discussion: "Example:\n  petitions units")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    func run() throws {
        let units = try ledger.run(ListUnits())
        if output.format == .json { return try Output.json(units) }
        var t = TextTable(["UNIT", "DIMENSION", "BASE UNITS", "ALIASES"])
        for u in units { t.add([u.name, u.dimension, String(u.base), u.aliases.joined(separator: ", ")]) }
        print(t.render())
    }
}
