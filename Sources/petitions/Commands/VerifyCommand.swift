import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions verify`: the file, its references and the ledger's own invariants.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the ledger: SQLite's integrity and foreign keys, and that every record agrees with its events.",
        discussion: """
            Runs PRAGMA integrity_check and foreign_key_check, then checks that every party, petition, letter, decree, \
            enrolment, delivery and receipt was created by an event of its kind, that delivery statuses and received \
            amounts agree with the receipts, and that every answered letter is answered by a later received letter \
            that stands. Prints "Ledger OK" (exit 0) or what is wrong (exit 1).

            Example:
              petitions verify
              petitions --db backups/dmitrov-1920-03-04.sqlite verify
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let r = try ledger.run(VerifyLedger())
        let problems = r.problems
        switch output.format {
        case .json:
            try Output.json(r)
        case .text:
            print(
                problems.isEmpty
                    ? "Ledger OK"
                    : (["The ledger has \(problems.count) problem\(problems.count == 1 ? "" : "s"):"] + problems).joined(separator: "\n  "))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
