import ArgumentParser
import PetitionsApp
import Foundation

struct PetitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "petition", abstract: "Log petitions, change their status, list and show them.",
                                                    subcommands: [Log.self, Status.self, List.self, Show.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a petition from a person or group to an authority.",
            discussion: """
            Example:
              petitions petition log --from dmitrov-post --to sovnarkom --via kropotkin --subject "Provisions not delivered for two months" --on 1920-03-04 --category supply
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The petitioner: a person or group (handle or id).") var from: String
        @Option(help: "The authority petitioned (handle or id).") var to: String
        @Option(help: "What the petition asks.") var subject: String
        @Option(help: "The day it was opened (YYYY-MM-DD).") var on: String
        @Option(help: "An intermediary who carries it (a person).") var via: String?
        @Option(help: "A category, e.g. supply or housing.") var category: String?

        func run() throws {
            let on = try day(on, "--on")
            let p = try ledger.run(LogPetition(from: from, to: to, subject: subject, on: on, via: via, category: category))
            try PetitionOutput.one(p, created: true, output.format)
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a petition's status (open, waiting_on_petitioner, answered, resolved, rejected, withdrawn) as a recorded event.",
            discussion: "Example:\n  petitions petition status 1 --to answered --on 1920-04-02 --note \"Reply from the Commissariat\"")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The petition's id.") var petition: String
        @Option(help: "The new status.") var to: String
        @Option(help: "The day of the change (YYYY-MM-DD).") var on: String
        @Option(help: "A note on the change.") var note: String?

        func run() throws {
            let pid = try id(petition, "petition")
            let status = try PetitionStatus(parsing: to)
            let on = try day(on, "--on")
            let p = try ledger.run(ChangePetitionStatus(petition: pid, to: status, on: on, note: note))
            try PetitionOutput.one(p, created: false, output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List petitions, oldest first.", discussion: "Example:\n  petitions petition list --status open")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "Only petitions of this status.") var status: String?

        func run() throws {
            let s = try status.map { try PetitionStatus(parsing: $0, field: "--status") }
            let list = try ledger.run(ListPetitions(status: s))
            if output.format == .json { return try Output.json(list) }
            var t = TextTable(["ID", "OPENED", "STATUS", "FROM", "TO", "VIA", "SUBJECT"])
            for p in list { t.add([String(p.id), p.opened.description, p.status.rawValue, p.petitioner, p.authority, p.via.orDash, p.subject]) }
            print(t.render())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a petition with its letters and events.", discussion: "Example:\n  petitions petition show 1")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The petition's id.") var petition: String

        func run() throws {
            let pid = try id(petition, "petition")
            let dossier = try ledger.run(ShowPetition(petition: pid))
            if output.format == .json { return try Output.json(dossier) }
            try PetitionOutput.one(dossier.petition, created: false, .text)
            print("\nLetters:")
            print(LetterOutput.table(dossier.letters))
            print("\nEvents:")
            print(EventOutput.table(dossier.events))
        }
    }
}

enum PetitionOutput {
    static func one(_ p: Petition, created: Bool, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(p) }
        let p = p.visible
        print("\(created ? "Logged petition" : "Petition") \(p.id): \(p.subject)")
        print("  from: \(p.petitioner)\(p.via.map { " via \($0)" } ?? "")")
        print("  to: \(p.authority)")
        print("  opened: \(p.opened)")
        print("  status: \(p.status.rawValue)")
        if let c = p.category { print("  category: \(c)") }
    }
}

struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "letter", abstract: "Record letters sent and received; void, list and show them.",
                                                    subcommands: [Send.self, Receive.self, Extend.self, VoidLetter.self, List.self, Show.self])

    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a letter sent from a petitioner (or intermediary) to an authority; it expects a reply unless told otherwise.",
            discussion: """
            Example:
              petitions letter send --from kropotkin --to lenin --on 1920-03-04 --subject "The desperate situation of the Dmitrov postal-telegraph employees" --petition 3 --reply-within "2 weeks"
              petitions letter send --from dmitrov-post --to moscow-supply --on 1920-03-05 --petition 1 --from-draft reminder-1.txt
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The sender: a person or group.") var from: String
        @Option(help: "The authority written to.") var to: String
        @Option(help: "The day it was sent (YYYY-MM-DD).") var on: String
        @Option(help: "Its subject (with --from-draft, default: the draft's Subject: line).") var subject: String?
        @Option(help: "The petition it belongs to (id).") var petition: String?
        @Option(name: .customLong("from-draft"),
                help: ArgumentHelp("The draft it was sent as (petitions draft …): its text is kept in the event, its first paragraph is the summary.", valueName: "file"))
        var fromDraft: String?
        @Option(name: .customLong("reply-within"), help: "When a reply is due, e.g. '20 working days'.") var replyWithin: String?
        @Flag(name: .customLong("no-reply-expected"), help: "No reply is expected.") var noReplyExpected = false
        @Option(help: "post, telegraph, courier or in-person (default post).") var channel: String = "post"
        @Option(help: "A short summary.") var summary: String?
        @Flag(name: .customLong("restarts-clock"), help: "A follow-up that restarts the clock of earlier unanswered letters to the same authority on the petition.")
        var restartsClock = false

        func validate() throws {
            if noReplyExpected && replyWithin != nil {
                throw ValidationError("--reply-within and --no-reply-expected cannot be given together.")
            }
            if subject == nil && fromDraft == nil {
                throw ValidationError("Missing expected argument '--subject <subject>' (or give --from-draft FILE).")
            }
        }

        func run() throws {
            let on = try day(on, "--on")
            let span = try span(replyWithin, "--reply-within")
            let ch = try Channel(parsing: channel)
            let pid = try id(petition, "--petition")
            let l = try ledger.run(SendLetter(from: from, to: to, on: on, subject: subject, petition: pid, replyWithin: span,
                                              expectsReply: !noReplyExpected, channel: ch, summary: summary,
                                              restartsClock: restartsClock, draftPath: fromDraft))
            try LetterOutput.one(l, created: true, output.format)
        }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a letter received from an authority, optionally in reply to a letter sent.",
            discussion: """
            Example:
              petitions letter receive --from narkompochtel --to dmitrov-post --on 1920-04-02 --subject "Provisions dispatched" --in-reply-to 2
            """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "The authority that wrote.") var from: String
        @Option(help: "The person or group written to.") var to: String
        @Option(help: "The day it was received (YYYY-MM-DD).") var on: String
        @Option(help: "Its subject.") var subject: String
        @Option(name: .customLong("in-reply-to"), help: "The letter it answers (id).") var inReplyTo: String?
        @Option(help: "The petition it belongs to (id).") var petition: String?
        @Option(help: "post, telegraph, courier or in-person (default post).") var channel: String = "post"
        @Option(help: "A short summary.") var summary: String?

        func run() throws {
            let on = try day(on, "--on")
            let ch = try Channel(parsing: channel)
            let reply = try id(inReplyTo, "--in-reply-to")
            let pid = try id(petition, "--petition")
            let l = try ledger.run(ReceiveLetter(from: from, to: to, on: on, subject: subject, inReplyTo: reply, petition: pid,
                                                 channel: ch, summary: summary))
            try LetterOutput.one(l, created: true, output.format)
        }
    }

    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extend a letter's reply deadline (e.g. the authority asked for more time), as a recorded event.",
            discussion: "Example:\n  petitions letter extend 1 --by \"20 working days\" --reason \"The centre asked for time to consult Moscow\" --on 1920-02-15")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The letter's id.") var letter: String
        @Option(help: "How much longer, e.g. '10 working days'.") var by: String
        @Option(help: "Why.") var reason: String
        @Option(help: "The day of the extension (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let lid = try id(letter, "letter")
            guard let span = try span(by, "--by") else { return }
            let on = try day(on, "--on") ?? Clock.today()
            let l = try ledger.run(ExtendLetter(letter: lid, by: span, reason: reason, on: on))
            try LetterOutput.one(l, created: false, output.format)
        }
    }

    struct VoidLetter: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "void", abstract: "Void a letter recorded in error (a correction event; nothing is deleted).",
            discussion: "Example:\n  petitions letter void 4 --reason \"Recorded twice\" --on 1920-03-05")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The letter's id.") var letter: String
        @Option(help: "Why it is void.") var reason: String
        @Option(help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let lid = try id(letter, "letter")
            let on = try day(on, "--on") ?? Clock.today()
            let l = try ledger.run(PetitionsApp.VoidLetter(letter: lid, reason: reason, on: on))
            try LetterOutput.one(l, created: false, output.format)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List letters, oldest first.", discussion: "Example:\n  petitions letter list --petition 1")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(help: "Only letters of this petition (id).") var petition: String?
        @Option(help: "Only letters from or to this party.") var party: String?
        @Flag(help: "Only letters still waiting for a reply.") var waiting = false

        func run() throws {
            let pid = try id(petition, "--petition")
            let list = try ledger.run(ListLetters(petition: pid, party: party, waiting: waiting))
            if output.format == .json { return try Output.json(list) }
            print(LetterOutput.table(list))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one letter.", discussion: "Example:\n  petitions letter show 2")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The letter's id.") var letter: String

        func run() throws {
            let l = try ledger.run(ShowLetter(letter: try id(letter, "letter")))
            try LetterOutput.one(l, created: false, output.format)
        }
    }
}

enum LetterOutput {
    static func one(_ l: Letter, created: Bool, _ format: OutputFormat) throws {
        if format == .json { return try Output.json(l) }
        let l = l.visible
        let verb = created ? (l.direction == .sent ? "Recorded letter sent" : "Recorded letter received") : "Letter"
        print("\(verb) \(l.id): \(l.subject)\(l.voided ? " (void)" : "")")
        print("  \(l.from) → \(l.to), \(l.on) by \(l.channel.rawValue)")
        if let p = l.petition { print("  petition: \(p)") }
        if let r = l.inReplyTo { print("  in reply to: letter \(r)") }
        if l.expectsReply {
            print("  reply expected\(l.replyWithin.map { " within \($0)" } ?? "")\(l.replyDue.map { ", due \($0)" } ?? ""): \(l.answeredBy.map { "answered by letter \($0)" } ?? "none yet")")
        }
        if let s = l.summary { print("  summary: \(s)") }
    }

    static func table(_ letters: [Letter]) -> String {
        var t = TextTable(["ID", "DAY", "DIR", "FROM", "TO", "PETITION", "REPLY", "SUBJECT"])
        for l in letters {
            let reply: String
            if l.voided { reply = "void" } else if l.direction == .received { reply = l.inReplyTo.map { "re \($0)" } ?? "-" } else if !l.expectsReply { reply = "none expected" } else { reply = l.answeredBy.map { "by \($0)" } ?? "waiting" }
            t.add([String(l.id), l.on.description, l.direction.rawValue, l.from, l.to, l.petition.map(String.init) ?? "-", reply, l.subject])
        }
        return t.render()
    }
}
