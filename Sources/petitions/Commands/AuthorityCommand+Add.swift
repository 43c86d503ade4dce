import ArgumentParser
import Foundation
import PetitionsApp

extension AuthorityCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record an authority, optionally below a parent and with a default reply window.",
            discussion: """
                Example:
                  petitions authority add \\
                      --name "People's Commissariat of Posts and Telegraphs" \\
                      --handle narkompochtel --parent sovnarkom \\
                      --reply-within "20 working days"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The authority's name.") var name: String
        @Option(parsing: .unconditional, help: "A unique lower-case handle (made from the name when not given).") var handle: String?
        @Option(parsing: .unconditional, help: "The authority above this one (handle or id).") var parent: String?
        @Option(name: .customLong("reply-within"), parsing: .unconditional, help: "Its default reply window, e.g. '20 working days'.")
        var replyWithin: String?
        @Option(parsing: .unconditional, help: "The day it was recorded as of (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let span = try span(replyWithin, "--reply-within")
            let on = try day(on, "--on")
            let p = try ledger.run(AddAuthority(name: name, handle: handle, parent: parent, replyWithin: span, on: on))
            try PartyOutput.created(p, output.format, givenHandle: handle)
        }
    }
}
