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
        @Option(parsing: .unconditional, help: "Only the attachments of this letter (id).") var letter: String?
        @Option(parsing: .unconditional, help: "Only the attachments of this petition (id).") var petition: String?

        func run() throws {
            let list = try ledger.run(ListAttachments(letter: try id(letter, "--letter"), petition: try id(petition, "--petition")))
            if output.format == .json { return try Output.json(list) }
            print(AttachmentOutput.table(list))
        }
    }
}
