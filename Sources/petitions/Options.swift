import ArgumentParser
import Foundation
import PetitionsApp

/// Options every command that touches the ledger takes.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The ledger file (else $PETITIONS_DB, else $XDG_DATA_HOME/petitions/petitions.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Who is recording (else $PETITIONS_ACTOR, else $USER).", valueName: "name"))
    var actor: String?

    @Option(name: .long, help: ArgumentHelp("The office recording the events (else $PETITIONS_OFFICE, else the configuration).", valueName: "name"))
    var office: String?

    @Option(name: .long, help: ArgumentHelp("A configuration file (else $PETITIONS_CONFIG, else $XDG_CONFIG_HOME/petitions/config.toml).", valueName: "file"))
    var config: String?

    var workspace: Workspace {
        Workspace(databasePath: db, actor: actor, office: office, configPath: config, today: Clock.today())
    }

    /// Runs a use case in this ledger's workspace.
    func run<U: UseCase>(_ useCase: U) throws -> U.Result {
        try useCase.run(in: workspace)
    }
}

/// Output formats for records.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|json`.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}

/// The only place that asks the system for today: the local calendar day.
enum Clock {
    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? Day.minimum
    }
}

// MARK: - Parsing words into domain values, with errors naming the option

func day(_ text: String, _ field: String) throws -> Day { try Day(parsing: text, field: field) }
func day(_ text: String?, _ field: String) throws -> Day? { try text.map { try Day(parsing: $0, field: field) } }
func period(_ text: String, _ field: String) throws -> Period { try Period(parsing: text, field: field) }
func span(_ text: String?, _ field: String) throws -> Span? { try text.map { try Span(parsing: $0, field: field) } }

func id(_ text: String, _ field: String) throws -> Int64 {
    guard let n = Int64(text.trimmingCharacters(in: .whitespaces)), n > 0 else {
        throw PetitionsError.invalid(field, text, "is not an id; ids are whole numbers from 1")
    }
    return n
}

func id(_ text: String?, _ field: String) throws -> Int64? { try text.map { try id($0, field) } }
