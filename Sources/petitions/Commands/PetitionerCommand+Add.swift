import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionerCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a person, with their household; any person can also act as an intermediary.",
            discussion: """
                Example:
                  petitions petitioner add --name "Ivan Petrov" \\
                      --district Dmitrov --occupation telegraphist \\
                      --group dmitrov-post \\
                      --dependant "Maria Petrova:incapacitated" \\
                      --dependant "Olga Petrova:child"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The person's name.") var name: String
        @Option(parsing: .unconditional, help: "A unique lower-case handle (made from the name when not given).") var handle: String?
        @Option(parsing: .unconditional, help: "Their district.") var district: String?
        @Option(parsing: .unconditional, help: "Their occupation.") var occupation: String?
        @Option(parsing: .unconditionalSingleValue, help: "A group they belong to (handle or id; repeatable).") var group: [String] = []
        @Option(parsing: .unconditionalSingleValue, help: "A dependant, \"NAME:CATEGORY\" (repeatable).") var dependant: [String] = []
        @Option(parsing: .unconditional, help: "The day it was recorded as of (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            let deps = try dependant.map { try Dependant(parsing: $0) }
            let on = try day(on, "--on")
            let p = try ledger.run(
                AddPetitioner(
                    name: name, handle: handle, district: district, occupation: occupation,
                    groups: group, dependants: deps, on: on))
            try PartyOutput.created(p, output.format, givenHandle: handle)
        }
    }
}
