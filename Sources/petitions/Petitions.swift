import ArgumentParser
import Foundation
import PetitionsApp

/// The `petitions` command: a petition and correspondence tracker over a SQLite ledger.
@main
struct Petitions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petitions",
        abstract: "Track petitions, letters, entitlements and deliveries in a SQLite ledger.",
        discussion: """
            Every change is recorded as an event in an append-only log, with who recorded it and the day it happened.
            The ledger is --db PATH, else $PETITIONS_DB, else $XDG_DATA_HOME/petitions/petitions.sqlite.

            Example:
              petitions --db dmitrov.sqlite init --office dmitrov
              petitions --db dmitrov.sqlite authority add --name "Moscow postal-telegraph supply centre" --handle moscow-supply
            """,
        version: ProductInfo.versionLine(commit: BuildInfo.commit),
        subcommands: [
            Init.self, AuthorityCommand.self, GroupCommand.self, PetitionerCommand.self, PetitionCommand.self,
            LetterCommand.self, DecreeCommand.self, Enrol.self, DeliveryCommand.self, Events.self, Units.self, Overdue.self, Unanswered.self,
            Check.self, RulesCommand.self, CalendarCommand.self,
            DeadlineCommand.self, ReportCommand.self, DraftCommand.self,
            ImportCommand.self, ExportCommand.self, BackupCommand.self, VerifyCommand.self, UserCommand.self, Serve.self,
        ]
    )

    /// Options that every ledger command takes may also come before the subcommand
    /// (`petitions --db x.sqlite init`): they are moved after it, where the subcommand reads them.
    static func hoistingGlobalOptions(_ args: [String]) -> [String] {
        let global: Set<String> = ["--db", "--actor", "--office", "--config"]
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            guard global.contains(name) else { break }
            if a.contains("=") {
                leading.append(a)
                i += 1
            } else if i + 1 < args.count {
                leading += [a, args[i + 1]]
                i += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < args.count else { return args }
        var rest = Array(args[i...])
        // `deadline` reads no ledger: the ledger options a shell alias puts first are not its business.
        if rest.first == "deadline" { return rest }
        if let dashdash = rest.firstIndex(of: "--") { rest.insert(contentsOf: leading, at: dashdash) } else { rest += leading }
        return rest
    }

    static func main() {
        do {
            var command = try parseAsRoot(hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let error as PetitionsError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(error.code.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
