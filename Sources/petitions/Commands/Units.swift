import ArgumentParser
import Foundation
import PetitionsApp

struct Units: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "List the units of measure this ledger knows.", discussion: "Example:\n  petitions units")
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
