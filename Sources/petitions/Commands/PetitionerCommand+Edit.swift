import ArgumentParser
import Foundation
import PetitionsApp

extension PetitionerCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a petitioner's name, district, occupation or contact details (a party.updated event; the handle stays).",
            discussion: """
                An empty value clears a field (--district ""). Only the fields given change.

                Example:
                  petitions petitioner edit petr-kropotkin \\
                      --name "Pyotr Kropotkin" --district Dmitrov
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "The petitioner (handle or id).") var petitioner: String
        @Option(parsing: .unconditional, help: "The name.") var name: String?
        @Option(parsing: .unconditional, help: "The district.") var district: String?
        @Option(parsing: .unconditional, help: "The occupation.") var occupation: String?
        @OptionGroup var contact: ContactOptions
        @Option(parsing: .unconditional, help: "A telephone number.") var phone: String?
        @Option(parsing: .unconditional, help: "A note about the person.") var note: String?
        @Option(parsing: .unconditional, help: "The day of the correction (YYYY-MM-DD; default today).") var on: String?

        func run() throws {
            var change = PartyChange(party: petitioner, kinds: [.person])
            change.name = name
            change.district = district
            change.occupation = occupation
            change.address = contact.address
            change.email = contact.email
            change.phone = phone
            change.note = note
            let (correction, warnings) = try EditParty(change: change, on: try day(on, "--on")).runChecked(in: ledger.workspace)
            for w in warnings { Output.warn(w) }
            try CorrectionOutput.party(correction, output.format)
        }
    }
}
