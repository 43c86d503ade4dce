import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions compact`: drops what removed attachments left behind.
struct Compact: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Drop the files of removed attachments from the ledger, rebuild the search index, and shrink the file.",
        discussion: """
            A removed attachment keeps its bytes in the ledger (and in exported event logs) until compact drops \
            them; its events stay in the log. Take a backup first if the removed files may be wanted again.

            Example:
              petitions compact
            """)

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let r = try ledger.run(CompactLedger())
        print("Compacted: dropped \(r.contents) removed file\(r.contents == 1 ? "" : "s") (\(Thousands.format(Int(r.bytes))) bytes).")
    }
}
