import ArgumentParser
import PetitionsDomain

extension Petitions {}

/// `petitions init`: creates the ledger (mode 0600) and records the office.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the ledger and record the office that keeps it.",
        discussion: "Example:\n  petitions --db dmitrov.sqlite init --office dmitrov")
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let l = try ledger.open()
        let created = try l.initialize(on: Clock.today())
        let office = try l.setting("office") ?? l.context.office
        switch output.format {
        case .json:
            struct Result: Encodable { var path: String; var office: String; var created: Bool }
            try Output.json(Result(path: l.path, office: office, created: created))
        case .text:
            print(created ? "Initialised the ledger \(l.path) for office \(office)." : "The ledger \(l.path) is already initialised (office \(office)).")
        }
    }
}
