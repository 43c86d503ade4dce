import ArgumentParser
import Foundation
import PetitionsApp

extension DecreeCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a decree: rations per category per period, supplied by an authority.",
            discussion: """
                Example:
                  petitions decree add --handle decree-1918-08-15 \\
                      --name "Decree of 15 August 1918" \\
                      --issued 1918-08-15 --supplier moscow-supply \\
                      --ration "employee: 8 funt wheat" \\
                      --ration "incapacitated: 5 funt wheat"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "A unique lower-case handle.") var handle: String
        @Option(parsing: .unconditional, help: "The decree's name.") var name: String
        @Option(parsing: .unconditional, help: "The day it was issued (YYYY-MM-DD).") var issued: String
        @Option(parsing: .unconditional, help: "The authority that issued it.") var issuer: String?
        @Option(parsing: .unconditional, help: "The authority that supplies what it promises.") var supplier: String
        @Option(parsing: .unconditionalSingleValue, help: "A ration, \"CATEGORY: AMOUNT UNIT COMMODITY\" (repeatable).") var ration: [String] = []
        @Option(
            parsing: .unconditional, help: "How often it falls due (month). (default: month)",
            transform: OptionWord.read { try Frequency(parsing: $0) })
        var every = Frequency.month
        @Option(
            name: .customLong("due-day"), parsing: .unconditional,
            help: "The day of the period a delivery is due (1–31, clamped to the month's end).")
        var dueDay: String = "1"
        @Option(name: .customLong("effective-from"), parsing: .unconditional, help: "First day in force.") var effectiveFrom: String?
        @Option(name: .customLong("effective-to"), parsing: .unconditional, help: "Last day in force.") var effectiveTo: String?

        func run() throws {
            let issued = try day(issued, "--issued")
            let from = try day(effectiveFrom, "--effective-from")
            let to = try day(effectiveTo, "--effective-to")
            let d = try ledger.run(
                AddDecree(
                    handle: handle, name: name, issued: issued, issuer: issuer, supplier: supplier, rations: ration,
                    every: every, dueDay: try wholeNumber(dueDay, "--due-day", "a day of the month from 1 to 31", in: 1...31), effectiveFrom: from,
                    effectiveTo: to))
            try DecreeOutput.one(d, enrolments: [], created: true, output.format)
            for w in try ledger.run(UnrationedCategories(d.rations.map(\.category), .rations(decree: d.handle))) { Output.warn(w) }
        }
    }
}
