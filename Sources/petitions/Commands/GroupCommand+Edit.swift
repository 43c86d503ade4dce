import ArgumentParser
import Foundation
import PetitionsApp

extension GroupCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a group's name, district or head-counts (a party.updated event; the handle stays).",
            discussion: """
                --count sets the head-count of one category; the other categories keep theirs.
                --count CATEGORY=0 removes that category's head-count.

                Example:
                  petitions group edit dmitrov-post --count employee=130 --district Dmitrov
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The group (handle or id).") var group: String
        @Option(parsing: .unconditional, help: "The name.") var name: String?
        @Option(parsing: .unconditional, help: "The district (an empty value clears it).") var district: String?
        @Option(parsing: .unconditionalSingleValue, help: "A head-count to set, CATEGORY=N; N=0 removes the category (repeatable).") var count:
            [String] = []
        @Option(parsing: .unconditional, help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            var change = PartyChange(party: group, kinds: [.group])
            change.name = name
            change.district = district
            change.counts = count.isEmpty ? nil : try count.map { try HeadCount(parsing: $0, allowsZero: true) }
            let (correction, warnings) = try EditParty(change: change, on: try day(on, "--on")).runChecked(in: ledger.workspace)
            for w in warnings { Output.warn(w) }
            try CorrectionOutput.party(correction, output.format)
            let set = (change.counts ?? []).filter { $0.count > 0 }.map(\.category)
            for w in try ledger.run(UnrationedCategories(set, .headCounts)) { Output.warn(w) }
        }
    }

    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "join",
            abstract: "Make a petitioner a member of a group (a group.joined event).",
            discussion: "Example:\n  petitions group join dmitrov-post --member petr-kropotkin --from 1920-02-01")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The group (handle or id).") var group: String
        @Option(parsing: .unconditional, help: "The petitioner joining (handle or id).") var member: String
        @Option(parsing: .unconditional, help: "The first day of membership (YYYY-MM-DD; default today).") var from: String?

        func run() throws {
            let join = ChangeMembership(.join, group: group, member: member, on: try day(from, "--from"))
            let (g, warnings) = try join.runChecked(in: ledger.workspace)
            for w in warnings { Output.warn(w) }
            if output.format == .text { print("\(member) joined \(g.handle).") }
            try PartyOutput.show(g, output.format)
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "leave",
            abstract: "End a petitioner's membership of a group (a group.left event).",
            discussion: "Example:\n  petitions group leave dmitrov-post --member petr-kropotkin --on 1920-06-30")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The group (handle or id).") var group: String
        @Option(parsing: .unconditional, help: "The petitioner leaving (handle or id).") var member: String
        @Option(parsing: .unconditional, help: "The day the membership ends (YYYY-MM-DD).") var on: String

        func run() throws {
            let last: Day = try day(on, "--on")
            let (g, warnings) = try ChangeMembership(.leave, group: group, member: member, on: last).runChecked(in: ledger.workspace)
            for w in warnings { Output.warn(w) }
            if output.format == .text { print("\(member) left \(g.handle).") }
            try PartyOutput.show(g, output.format)
        }
    }
}
