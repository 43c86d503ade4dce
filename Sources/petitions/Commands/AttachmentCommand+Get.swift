import ArgumentParser
import Foundation
import PetitionsApp

extension AttachmentCommand {
    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get",
            abstract: "Write an attachment's file, byte for byte, to --output or to standard output.",
            discussion: """
                Without --output the bytes go to standard output, which must then be a file or a pipe, not a terminal.

                Examples:
                  petitions attachment get 3 --output reply.pdf
                  petitions attachment get 3 > reply.pdf
                """)
        @OptionGroup var ledger: LedgerOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The attachment's id.", valueName: "attachment")) var attachmentWords: [String]
        /// `attachmentWords` as one word: see `single(_:_:)`.
        var attachment: String { get throws { try single(attachmentWords, "attachment") } }
        @Option(parsing: .unconditional, help: ArgumentHelp("The file to write (created readable by its owner only).", valueName: "file")) var output:
            String?
        @Flag(help: "Replace an existing --output file.") var force = false

        func run() throws {
            let aid = try id(attachment, "attachment")
            if let output, !StandardOutput.means(output) {
                try OutputFile.refuseExisting(output, force: force)
            } else if isatty(STDOUT_FILENO) == 1 {
                throw PetitionsError(
                    "attachment get: standard output is a terminal; give --output FILE or send it to a file (> FILE) or a pipe.", code: .usage)
            }
            let (_, bytes) = try ledger.run(GetAttachment(id: aid))
            if let output, !StandardOutput.means(output) {
                try OutputFile.write(to: output, force: force) { handle in try handle.write(contentsOf: bytes) }
            } else {
                try StandardOutput.write(bytes)
            }
        }
    }
}
