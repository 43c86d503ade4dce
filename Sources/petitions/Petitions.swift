import ArgumentParser
import Foundation
import PetitionsApp
import PetitionsDomain

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
        version: "0.1.0",
        subcommands: [
            Init.self, AuthorityCommand.self, GroupCommand.self, PetitionerCommand.self, PetitionCommand.self,
            LetterCommand.self, DecreeCommand.self, Enrol.self, DeliveryCommand.self, Events.self, Units.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PetitionsError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            Foundation.exit(error.code.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
