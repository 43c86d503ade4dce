import ArgumentParser
import Foundation
import PetitionsApp

extension GroupCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a group (a collective petitioner) with optional head-counts by category.",
            discussion: """
                Example:
                  petitions group add \\
                      --name "Postal-telegraph employees of the Dmitrov district" \\
                      --handle dmitrov-post --district Dmitrov \\
                      --count employee=125 --count incapacitated=140
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The group's name.") var name: String
        @Option(parsing: .unconditional, help: "A unique lower-case handle (made from the name when not given).") var handle: String?
        @Option(parsing: .unconditional, help: "Its district.") var district: String?
        @Option(parsing: .unconditionalSingleValue, help: "A head-count, CATEGORY=N (repeatable).") var count: [String] = []
        @Option(parsing: .unconditional, help: "The day it was recorded as of (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let counts = try count.map { try HeadCount(parsing: $0) }
            let on = try day(on, "--on")
            let p = try ledger.run(AddGroup(name: name, handle: handle, district: district, counts: counts, on: on))
            try PartyOutput.created(p, output.format, givenHandle: handle)
            for w in try ledger.run(UnrationedCategories(counts.map(\.category), .headCounts)) { Output.warn(w) }
        }
    }
}
