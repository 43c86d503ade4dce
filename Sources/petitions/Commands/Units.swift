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
        // A count, thousands separated and to the right as every amount in text; JSON keeps plain digits.
        var t = TextTable(["UNIT", "DIMENSION", "BASE UNITS", "ALIASES"], rightAligned: [2])
        for u in units { t.add([u.name, u.dimension, Thousands.format(Int(u.base)), u.aliases.joined(separator: ", ")]) }
        print(t.render())
    }
}
