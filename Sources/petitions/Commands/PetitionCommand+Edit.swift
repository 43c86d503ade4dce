import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a petition's subject, category or intermediary (a petition.updated event).",
            discussion: "Example:\n  petitions petition edit 1 --subject \"January and February provisions\" --no-via")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The petition's id.", valueName: "petition")) var petitionWords: [String]
        /// `petitionWords` as one word: see `single(_:_:)`.
        var petition: String { get throws { try single(petitionWords, "petition") } }
        @Option(parsing: .unconditional, help: "The subject.") var subject: String?
        @Option(parsing: .unconditional, help: "The category (an empty value clears it).") var category: String?
        @Option(parsing: .unconditional, help: "The intermediary it came through (a petitioner's handle or id).") var via: String?
        @Flag(name: .customLong("no-via"), help: "It came through no intermediary.") var noVia = false
        @Option(parsing: .unconditional, help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func validate() throws {
            if via != nil && noVia { throw ValidationError("--via and --no-via contradict each other; give one.") }
        }

        func run() throws {
            let pid = try id(petition, "petition")
            let change = PetitionChange(petition: pid, subject: subject, category: category, via: noVia ? .some(nil) : via.map { .some($0) })
            let on = try day(on, "--on")
            let (result, warnings) = try ledger.run(EditPetition(change: change, on: on)) { _ in
                CheckDates(
                    "the correction is dated", on: on ?? Clock.today(), references: on == nil ? [] : [.petition(pid)], warnAfterToday: on != nil)
            }
            // A correction that changes nothing records nothing: "it is recorded all the same" would not be true.
            for w in warnings where !result.changed.isEmpty { Output.warn(w) }
            try CorrectionOutput.petition(result, output.format)
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note",
            abstract: "Write a case note on a petition (a petition.noted event; listed by petition show).",
            discussion:
                "Example:\n  petitions petition note 1 --on 1920-02-03 \\\n      --text \"Telephoned the supply centre; they promise an answer.\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The petition's id.", valueName: "petition")) var petitionWords: [String]
        /// `petitionWords` as one word: see `single(_:_:)`.
        var petition: String { get throws { try single(petitionWords, "petition") } }
        @Option(parsing: .unconditional, help: "The note.") var text: String
        @Option(parsing: .unconditional, help: "The day of the note (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let pid = try id(petition, "petition")
            let (n, warnings) = try ledger.run(NotePetition(petition: pid, text: text, on: try day(on, "--on"))) {
                CheckDates("the note is dated", on: $0.on, references: [.petition(pid)])
            }
            for w in warnings { Output.warn(w) }
            if output.format == .json { return try Output.json(n) }
            print(hanging("Noted on petition \(pid) (note \(n.id), \(n.on)): ", n.text))
        }
    }
}
