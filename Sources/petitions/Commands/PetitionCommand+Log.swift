import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionCommand {
    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "log",
            abstract: "Log a petition from a person or group to an authority.",
            discussion: """
                Example:
                  petitions petition log --from dmitrov-post \\
                      --to sovnarkom --via petr-kropotkin \\
                      --subject "Provisions not delivered for two months" \\
                      --on 1920-03-04 --category supply
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The petitioner: a person or group (handle or id).") var from: String
        @Option(parsing: .unconditional, help: "The authority petitioned (handle or id).") var to: String
        @Option(parsing: .unconditional, help: "What the petition asks.") var subject: String
        @Option(parsing: .unconditional, help: "The day it was opened (YYYY-MM-DD).") var on: String
        @Option(parsing: .unconditional, help: "An intermediary who carries it (a person).") var via: String?
        @Option(parsing: .unconditional, help: "A category, e.g. supply or housing.") var category: String?

        func run() throws {
            let on = try day(on, "--on")
            let log = LogPetition(from: from, to: to, subject: subject, on: on, via: via, category: category)
            let p = try ledger.run(log)
            for w in try ledger.run(log.dateCheck) { Output.warn(w) }
            try PetitionOutput.one(p, created: true, output.format)
        }
    }
}
