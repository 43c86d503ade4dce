import ArgumentParser
import Foundation
import PetitionsApp

/// Options every command that touches the ledger takes.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The ledger file (else $PETITIONS_DB, else $XDG_DATA_HOME/petitions/petitions.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Who is recording (else $PETITIONS_ACTOR, else $USER).", valueName: "name"))
    var actor: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The office recording the events (else $PETITIONS_OFFICE, else the configuration).", valueName: "name"))
    var office: String?

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("A configuration file (else $PETITIONS_CONFIG, else $XDG_CONFIG_HOME/petitions/config.toml).", valueName: "file"))
    var config: String?

    var workspace: Workspace {
        var w = Workspace(databasePath: db, actor: actor, office: office, configPath: config, today: Clock.today())
        w.onCreate = { path in FileHandle.standardError.write(Data("note: created a new ledger at \(path).\n".utf8)) }
        return w
    }

    /// Runs a use case in this ledger's workspace.
    /// A recording use case that creates the ledger says so on stderr, unless `quietly` (`init` says it itself).
    func run<U: UseCase>(_ useCase: U, quietly: Bool = false) throws -> U.Result {
        var w = workspace
        if quietly { w.onCreate = nil }
        return try useCase.run(in: w)
    }

    /// Runs a use case, then a second made from its result (what to warn of about the record just made), on one
    /// opening of the ledger.
    func run<First: UseCase, Then: UseCase>(_ first: First, then: (First.Result) throws -> Then) throws -> (First.Result, Then.Result) {
        try workspace.oneOpening { w in
            let a = try first.run(in: w)
            return (a, try then(a).run(in: w))
        }
    }
}
