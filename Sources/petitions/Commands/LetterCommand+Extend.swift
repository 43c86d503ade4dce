import ArgumentParser
import Foundation
import PetitionsApp

extension LetterCommand {
    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "extend",
            abstract: "Extend a letter's reply deadline (e.g. the authority asked for more time), as a recorded event.",
            discussion:
                "Example:\n  petitions letter extend 1 --by \"20 working days\" \\\n      --reason \"The centre asked for time to consult Moscow\" \\\n      --on 1920-02-15"
        )
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The letter's id.", valueName: "letter")) var letterWords: [String]
        /// `letterWords` as one word: see `single(_:_:)`.
        var letter: String { get throws { try single(letterWords, "letter") } }
        @Option(parsing: .unconditional, help: "How much longer, e.g. '10 working days'.") var by: String
        @Option(parsing: .unconditional, help: "Why.") var reason: String
        @Option(parsing: .unconditional, help: "The day of the extension (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let lid = try id(letter, "letter")
            guard let span = try span(by, "--by") else { return }
            let on = try day(on, "--on") ?? Clock.today()
            let l = try ledger.run(ExtendLetter(letter: lid, by: span, reason: reason, on: on))
            if output.format != .json {
                print("Extended the reply to letter \(l.id) by \(span)\(l.replyDue.map { ": it is now due on \($0)" } ?? "").")
            }
            try LetterOutput.one(l, created: false, output.format)
        }
    }
}
