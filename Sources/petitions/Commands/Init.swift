import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions init`: creates the ledger (mode 0600) and records the office.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the ledger and record the office that keeps it.",
        discussion: "Example:\n  petitions --db dmitrov.sqlite init --office dmitrov")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let r = try ledger.run(InitLedger(on: Clock.today()), quietly: true)
        switch output.format {
        case .json:
            try Output.json(r)
        case .text:
            print(
                r.created
                    ? "Initialised the ledger \(r.path) for office \(r.office)." : "The ledger \(r.path) is already initialised (office \(r.office))."
            )
        }
    }
}
