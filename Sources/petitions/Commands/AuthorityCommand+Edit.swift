import ArgumentParser
import Foundation
import PetitionsApp

extension AuthorityCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct an authority's name, parent, reply window or contact details (a party.updated event; the handle stays).",
            discussion: """
                Example:
                  petitions authority edit moscow-supply \\
                      --reply-within "15 working days" --no-parent
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The authority (handle or id).") var authority: String
        @Option(parsing: .unconditional, help: "The name.") var name: String?
        @Option(parsing: .unconditional, help: "The authority above this one (handle or id).") var parent: String?
        @Flag(name: .customLong("no-parent"), help: "It has no authority above it.") var noParent = false
        @Option(name: .customLong("reply-within"), parsing: .unconditional, help: "Its default reply window, e.g. '20 working days'.")
        var replyWithin: String?
        @Flag(name: .customLong("no-reply-within"), help: "It has no default reply window.") var noReplyWithin = false
        @OptionGroup var contact: ContactOptions
        @Option(parsing: .unconditional, help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func validate() throws {
            if parent != nil && noParent { throw ValidationError("--parent and --no-parent contradict each other; give one.") }
            if replyWithin != nil && noReplyWithin {
                throw ValidationError("--reply-within and --no-reply-within contradict each other; give one.")
            }
        }

        func run() throws {
            var change = PartyChange(party: authority, kinds: [.authority])
            change.name = name
            if noParent { change.parent = .some(nil) } else if let parent { change.parent = .some(parent) }
            if noReplyWithin {
                change.replyWithin = .some(nil)
            } else if let s = try span(replyWithin, "--reply-within") {
                change.replyWithin = .some(s)
            }
            change.address = contact.address
            change.email = contact.email
            let (correction, warnings) = try EditParty(change: change, on: try day(on, "--on")).runChecked(in: ledger.workspace)
            for w in warnings { Output.warn(w) }
            try CorrectionOutput.party(correction, output.format)
        }
    }
}
