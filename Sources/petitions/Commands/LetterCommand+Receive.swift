import ArgumentParser
import Foundation
import PetitionsApp

extension LetterCommand {
    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "receive",
            abstract: "Record a letter received (from an authority, a petitioner to the office…), optionally in reply to a letter sent.",
            discussion: """
                Example:
                  petitions letter receive --from narkompochtel \\
                      --to dmitrov-post --on 1920-04-02 \\
                      --subject "Provisions dispatched" --in-reply-to 2
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "Who wrote: an authority, a petitioner, a group or the office (handle or id).") var from: String
        @Option(parsing: .unconditional, help: "Who it went to (handle or id); one of the two is an authority or the office.") var to: String
        @Option(parsing: .unconditional, help: "The day it was received (YYYY-MM-DD).") var on: String
        @Option(parsing: .unconditional, help: "Its subject.") var subject: String
        @Option(name: .customLong("in-reply-to"), parsing: .unconditional, help: "The letter it answers (id).") var inReplyTo: String?
        @Option(parsing: .unconditional, help: "The petition it belongs to (id).") var petition: String?
        @Option(
            parsing: .unconditional, help: "post, telegraph, courier or in-person. (default: post)",
            transform: OptionWord.read { try Channel(parsing: $0) })
        var channel = Channel.post
        @Option(parsing: .unconditional, help: "A short summary.") var summary: String?

        func run() throws {
            let on = try day(on, "--on")
            let reply = try id(inReplyTo, "--in-reply-to")
            let pid = try id(petition, "--petition")
            let checked = try ledger.run(
                ReceiveLetter(
                    from: from, to: to, on: on, subject: subject, inReplyTo: reply, petition: pid,
                    channel: channel, summary: summary
                ).checked)
            for w in checked.warnings { Output.warn(w) }
            try LetterOutput.one(checked.letter, created: true, output.format)
        }
    }
}
