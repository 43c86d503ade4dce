import ArgumentParser
import Foundation
import PetitionsApp

struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol",
        abstract: "Enrol a recipient in a decree (enrol add, the default), or end an enrolment (enrol end).",
        discussion: """
            `petitions enrol --decree …` is `petitions enrol add --decree …`; see `petitions enrol add --help` for its options.

            Example:
              petitions enrol --decree decree-1918-08-15 \\
                  --recipient dmitrov-post --count employee=125
              petitions enrol end --decree decree-1918-08-15 \\
                  --recipient dmitrov-post --on 1920-06-30
            """,
        subcommands: [Add.self, End.self], defaultSubcommand: Add.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Enrol a recipient (group or person) in a decree, with head-counts per category.",
            discussion: """
                Without --count, the head-counts come from the group's counts and its members' households (each member as
                --member-category, each dependant by category), or from a person's own household. Without --member-category,
                a person counts in the decree's category when the decree has only one; otherwise --count is needed.

                Example:
                  petitions enrol --decree decree-1918-08-15 \\
                      --recipient dmitrov-post --count employee=125 \\
                      --count incapacitated=140 --from 1919-09-01
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The decree (handle or id).") var decree: String
        @Option(parsing: .unconditional, help: "The recipient: a group or person.") var recipient: String
        @Option(parsing: .unconditionalSingleValue, help: "A head-count, CATEGORY=N (repeatable).") var count: [String] = []
        @Option(parsing: .unconditional, help: "First day enrolled (default: the decree's start).") var from: String?
        @Option(parsing: .unconditional, help: "Last day enrolled.") var to: String?
        @Option(
            name: .customLong("member-category"), parsing: .unconditional,
            help: "The category each member person counts as (without it, the decree's category when it has only one).")
        var memberCategory: String?

        func run() throws {
            let counts = try count.map { try HeadCount(parsing: $0) }
            let from = try day(from, "--from")
            let to = try day(to, "--to")
            let (e, warnings) = try ledger.run(
                EnrolRecipient(decree: decree, recipient: recipient, counts: counts, from: from, to: to, memberCategory: memberCategory)
            ) { CheckDates("the enrolment starts on", on: $0.from, references: [.decree($0.decree)], warnAfterToday: false) }
            for w in warnings { Output.warn(w) }
            if output.format == .json { return try Output.json(e) }
            print("Enrolled \(e.recipient) in \(e.decree) from \(e.from)\(e.to.map { " to \($0)" } ?? "") (enrolment \(e.id))")
            print("  counts: \(e.counts.map { "\($0.category)=\($0.count)" }.joined(separator: ", "))")
        }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end",
            abstract: "End an enrolment on a day (an enrolment.ended event): no deliveries for later periods.",
            discussion: """
                Deliveries already scheduled for later periods that nothing has come for are unscheduled. \
                Enrolling again from a later day works as a new enrolment.

                Example:
                  petitions enrol end --decree decree-1918-08-15 \\
                      --recipient dmitrov-post --on 1920-06-30
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The decree (handle or id).") var decree: String
        @Option(parsing: .unconditional, help: "The recipient: a group or person.") var recipient: String
        @Option(parsing: .unconditional, help: "The last day enrolled (YYYY-MM-DD).") var on: String

        func run() throws {
            let ended = try ledger.run(EndEnrolment(decree: decree, recipient: recipient, on: try day(on, "--on")))
            let e = ended.enrolment
            if output.format == .json { return try Output.json(e) }
            print("Ended the enrolment of \(e.recipient) in \(e.decree) on \(e.to.map { $0.description } ?? on) (enrolment \(e.id))")
            if ended.unscheduled.isEmpty && ended.cancelled.isEmpty {
                print("  no delivery of a later period was scheduled")
            }
            if !ended.unscheduled.isEmpty {
                print("  unscheduled the deliveries of \(ended.unscheduled.joined(separator: ", ")) (nothing had come for them)")
            }
            if !ended.cancelled.isEmpty {
                print("  cancelled the deliveries of \(ended.cancelled.joined(separator: ", ")) (their every receipt was voided)")
            }
        }
    }
}
