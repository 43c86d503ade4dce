import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions backup FILE`: a consistent copy of the ledger while other commands write.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the ledger to a file, consistently, while other commands go on writing.",
        discussion: """
            SQLite's online backup copies one snapshot of the ledger into a new file readable by its owner only \
            (mode 0600); an existing file is replaced only with --force. The folder must exist. Check \
            the copy with `petitions --db FILE verify`.

            Example:
              petitions backup dmitrov-1920-03-04.sqlite
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: ArgumentHelp("The backup file to create.", valueName: "file")) var file: String
    @Flag(help: "Replace an existing file.") var force = false

    func run() throws {
        let r = try ledger.run(BackupLedger(file: file, force: force))
        if !r.removedPartials.isEmpty {
            let n = r.removedPartials.count
            let list = r.removedPartials.joined(separator: ", ")
            FileHandle.standardError.write(
                Data("note: removed \(n) partial cop\(n == 1 ? "y" : "ies") of this backup left by a run that was stopped: \(list)\n".utf8))
        }
        switch output.format {
        case .json:
            try Output.json(r)
        case .text:
            print("Backed up \(r.ledger) to \(r.backup).")
        }
    }
}
