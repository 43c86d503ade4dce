import ArgumentParser
import PetitionsApp
import Foundation

/// `petitions backup FILE`: a consistent copy of the ledger while other commands write.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger to a file, consistently, while other commands go on writing.",
        discussion: """
        SQLite's online backup copies one snapshot of the ledger into a new file readable by its owner only \
        (mode 0600); an existing file is replaced only with --force. Check the copy with \
        `petitions --db FILE verify`.

        Example:
          petitions backup backups/dmitrov-1920-03-04.sqlite
        """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: ArgumentHelp("The backup file to create.", valueName: "file")) var file: String
    @Flag(help: "Replace an existing file.") var force = false

    func run() throws {
        let r = try ledger.run(BackupLedger(file: file, force: force))
        switch output.format {
        case .json:
            try Output.json(r)
        case .text:
            print("Backed up \(r.ledger) to \(r.backup).")
        }
    }
}

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
            print(problems.isEmpty ? "Ledger OK" : (["The ledger has \(problems.count) problem\(problems.count == 1 ? "" : "s"):"] + problems).joined(separator: "\n  "))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
