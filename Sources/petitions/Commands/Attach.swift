import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions attach --letter ID FILE`: keeps a file (the scanned letter) in the ledger with its letter or petition.
struct Attach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach a file (a scanned letter, a photograph) to a letter or a petition; it is stored in the ledger.",
        discussion: """
            The file's bytes go into the ledger itself, once per content (SHA-256), so a backup and an exported event \
            log carry them. Its media type is read from its bytes. Files over max_attachment_mb of the configuration \
            (default 25) are refused, and so are empty files and folders.

            Examples:
              petitions attach --letter 4 scans/reply-1920-03-10.pdf \\
                  --title "Reply, scanned"
              petitions attach --petition 1 photo.jpg
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var output: FormatOptions
    @Option(parsing: .unconditional, help: "The letter to attach it to (id).") var letter: String?
    @Option(parsing: .unconditional, help: "The petition to attach it to (id).") var petition: String?
    @Option(parsing: .unconditional, help: "A title for it (default: none; the file's name is kept).") var title: String?
    @Option(parsing: .unconditional, help: "The day it was attached (YYYY-MM-DD; default today).") var on: String?
    @Argument(help: ArgumentHelp("The file to attach.", valueName: "file")) var file: String

    func run() throws {
        let lid = try id(letter, "--letter")
        let pid = try id(petition, "--petition")
        let on = try day(on, "--on") ?? Clock.today()
        let attach = AttachFile(letter: lid, petition: pid, path: file, title: title, on: on)
        let (a, warnings) = try ledger.run(attach) { _ in attach.dateCheck }
        for w in warnings { Output.warn(w) }
        try AttachmentOutput.one(a, verb: "Attached", output.format)
    }
}
