import ArgumentParser
import Foundation
import PetitionsApp

extension AttachmentCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Take an attachment off its letter or petition (an event; the bytes stay until petitions compact).",
            discussion: "Example:\n  petitions attachment remove 3 --reason \"Attached to the wrong letter\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The attachment's id.", valueName: "attachment")) var attachmentWords: [String]
        /// `attachmentWords` as one word: see `single(_:_:)`.
        var attachment: String { get throws { try single(attachmentWords, "attachment") } }
        @Option(parsing: .unconditional, help: "Why it is removed.") var reason: String
        @Option(parsing: .unconditional, help: "The day of the removal (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let aid = try id(attachment, "attachment")
            let on = try day(on, "--on") ?? Clock.today()
            let a = try ledger.run(RemoveAttachment(id: aid, reason: reason, on: on))
            try AttachmentOutput.one(a, verb: "Removed attachment", output.format)
        }
    }
}
