import ArgumentParser
import Foundation
import PetitionsApp

struct Enrol: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Enrol a recipient (group or person) in a decree, with head-counts per category.",
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
        let e = try ledger.run(
            EnrolRecipient(decree: decree, recipient: recipient, counts: counts, from: from, to: to, memberCategory: memberCategory))
        if output.format == .json { return try Output.json(e) }
        print("Enrolled \(e.recipient) in \(e.decree) from \(e.from)\(e.to.map { " to \($0)" } ?? "") (enrolment \(e.id))")
        print("  counts: \(e.counts.map { "\($0.category)=\($0.count)" }.joined(separator: ", "))")
    }
}
