import ArgumentParser
import Foundation
import PetitionsApp

extension AttachmentCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the attachments of a letter, of a petition, or all of them.",
            discussion: "Example:\n  petitions attachment list --letter 4")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "Only the attachments of this letter (id).", transform: OptionWord.id("--letter")) var letter: Int64?
        @Option(parsing: .unconditional, help: "Only the attachments of this petition (id).", transform: OptionWord.id("--petition"))
        var petition: Int64?

        func run() throws {
            let list = try ledger.run(ListAttachments(letter: letter, petition: petition))
            if output.format == .json { return try Output.json(list) }
            print(AttachmentOutput.table(list))
        }
    }
}
