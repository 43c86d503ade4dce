import ArgumentParser
import Foundation
import PetitionsApp

/// `--template`, `--output`, `--force`: where a draft's words come from and where the letter goes.
struct DraftOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A Mustache template to use instead of the built-in one (see config/templates/).", valueName: "file"))
    var template: String?

    @Option(help: ArgumentHelp("Write the draft to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "With --output, replace an existing file.") var force = false

    /// Renders the draft and prints it or writes it; nothing is recorded.
    func emit(_ draft: DraftContext) throws {
        if let output { try OutputFile.refuseExisting(output, force: force) }
        let text = try Drafts.render(draft, templatePath: template)
        if let output {
            try OutputFile.write(text, to: output, force: force)
            print("Wrote the \(draft.kind.rawValue) to \(draft.addressee.name) as of \(draft.date) to \(output); record it when sent with `petitions letter send … --from-draft \(output)`.")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

struct DraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft letters from the ledger: a reminder, an escalation, a digest. A draft records nothing.",
        discussion: """
        Drafts are Mustache templates (config/templates/, built in) filled with the facts as of --as-of: days written out
        in full, quantities in the decree's unit. Edit the draft, send it, then record it with
        `petitions letter send … --from-draft FILE`.
        """,
        subcommands: [Reminder.self, Escalation.self, Digest.self])

    struct Reminder: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a reminder of one letter still waiting for a reply, to the authority it was sent to.",
            discussion: "Example:\n  petitions draft reminder --letter 1 --as-of 1920-03-04 --output reminder-1.txt")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var draft: DraftOutputOptions
        @Option(help: "The letter waiting for a reply (id).") var letter: String

        func run() throws {
            let lid = try id(letter, "--letter")
            let asOf = try ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.reminder(letter: lid), asOf: asOf, sources: ruleOptions.sources)))
        }
    }

    struct Escalation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft a letter taking a petition to the authority above the one that does not answer (or to --to).",
            discussion: """
            It cites the petition's unanswered letters and their days, and the late deliveries and arrears of its
            petitioner under each decree.

            Example:
              petitions draft escalation --petition 1 --as-of 1920-03-04
              petitions draft escalation --petition 1 --to sovnarkom --as-of 1920-03-04
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var draft: DraftOutputOptions
        @Option(help: "The petition (id).") var petition: String
        @Option(help: ArgumentHelp("The authority to write to (default: the one above the petition's authority).", valueName: "handle"))
        var to: String?

        func run() throws {
            let pid = try id(petition, "--petition")
            let asOf = try ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.escalation(petition: pid, to: to), asOf: asOf, sources: ruleOptions.sources)))
        }
    }

    struct Digest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft one letter to an authority covering every overdue item of it: letters and deliveries.",
            discussion: "Example:\n  petitions draft digest --authority moscow-supply --as-of 1920-03-04")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var draft: DraftOutputOptions
        @Option(help: ArgumentHelp("The authority written to (handle or id).", valueName: "handle")) var authority: String

        func run() throws {
            let asOf = try ruleOptions.day()
            try draft.emit(try ledger.run(WriteDraft(.digest(authority: authority), asOf: asOf, sources: ruleOptions.sources)))
        }
    }
}
