import ArgumentParser
import Foundation
import PetitionsApp

extension LetterCommand {
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send",
            abstract:
                "Record a letter sent between two parties, one an authority or the office (a petitioner to an authority, the office to a petitioner…); it expects a reply unless told otherwise.",
            discussion: """
                Example:
                  petitions letter send --from petr-kropotkin --to sovnarkom \\
                      --on 1920-03-04 \\
                      --subject "Two months without provisions" \\
                      --petition 3 --reply-within "2 weeks"
                  petitions letter send --from dmitrov-post \\
                      --to moscow-supply --on 1920-03-05 --petition 1 \\
                      --from-draft reminder-1.txt
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "Who wrote: a petitioner, a group, an intermediary, an authority or the office (handle or id).")
        var from: String
        @Option(parsing: .unconditional, help: "Who it went to (handle or id); one of the two is an authority or the office.") var to: String
        @Option(parsing: .unconditional, help: "The day it was sent (YYYY-MM-DD).") var on: String
        @Option(parsing: .unconditional, help: "Its subject (with --from-draft, default: the draft's Subject: line).") var subject: String?
        @Option(parsing: .unconditional, help: "The petition it belongs to (id).") var petition: String?
        @Option(
            name: .customLong("from-draft"), parsing: .unconditional,
            help: ArgumentHelp(
                "The draft it was sent as (petitions draft …): its text is kept in the event, its first paragraph is the summary.", valueName: "file")
        )
        var fromDraft: String?
        @Option(name: .customLong("reply-within"), parsing: .unconditional, help: "When a reply is due, e.g. '20 working days'.") var replyWithin:
            String?
        @Flag(name: .customLong("no-reply-expected"), help: "No reply is expected.") var noReplyExpected = false
        @Option(
            parsing: .unconditional, help: "post, telegraph, courier or in-person. (default: post)",
            transform: OptionWord.read { try Channel(parsing: $0) })
        var channel = Channel.post
        @Option(parsing: .unconditional, help: "A short summary.") var summary: String?
        @Flag(
            name: .customLong("restarts-clock"),
            help: "A follow-up that restarts the clock of earlier unanswered letters to the same authority on the petition.")
        var restartsClock = false

        func validate() throws {
            if noReplyExpected && replyWithin != nil {
                throw ValidationError("--reply-within and --no-reply-expected cannot be given together.")
            }
            if subject == nil && fromDraft == nil {
                throw PetitionsError(
                    "letter send: --subject is required (or --from-draft FILE); `petitions letter send --help` lists the options.", code: .usage)
            }
        }

        func run() throws {
            let on = try day(on, "--on")
            let span = try span(replyWithin, "--reply-within")
            let pid = try id(petition, "--petition")
            let checked = try ledger.run(
                SendLetter(
                    from: from, to: to, on: on, subject: subject, petition: pid, replyWithin: span,
                    expectsReply: !noReplyExpected, channel: channel, summary: summary,
                    restartsClock: restartsClock, draftPath: fromDraft
                ).checked)
            for w in checked.warnings { Output.warn(w) }
            try LetterOutput.one(checked.letter, created: true, output.format)
        }
    }
}
