import ArgumentParser
import Foundation
import PetitionsApp

struct OfficeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "The office that keeps the ledger: what drafts sign with and the report's header names.",
        subcommands: [Set.self, Show.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the office's name, address, e-mail and the signature drafts sign with.",
            discussion: """
                The office is a party of kind office (its handle is the office name given to init); its name, address and
                e-mail change by a party.updated event, the signature by a setting.changed event.

                Example:
                  petitions office set \\
                      --name "Dmitrov district petitions office" \\
                      --address "Dmitrov, Sovetskaya 4" \\
                      --signature "A. Yusuf, clerk"
                """)
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Option(parsing: .unconditional, help: "The office's name.") var name: String?
        @OptionGroup var contact: ContactOptions
        @Option(parsing: .unconditional, help: "What drafts sign with (an empty value removes it).") var signature: String?

        func run() throws {
            guard name != nil || contact.address != nil || contact.email != nil || signature != nil else {
                throw PetitionsError("office set: say what to set: give --name, --address, --email or --signature.", code: .usage)
            }
            let s = try ledger.run(SetOffice(name: name, address: contact.address, email: contact.email, signature: signature))
            if output.format == .json { return try Output.json(s) }
            // As the edit commands say it: the values given were those held, and no event was recorded.
            if s.changed.isEmpty { print("Nothing to set: office \(s.office.handle) already holds these values.") }
            print("Office \(s.office.handle): \(s.office.name)")
            if let a = s.office.address { print(hanging("  address: ", a)) }
            if let e = s.office.email { print("  email: \(e)") }
            if let sig = s.signature {
                print(hanging("  signature: ", sig))
            } else if s.changed.contains("signature") {
                print("  signature: removed; drafts show [signature] where it goes")
            }
        }
    }
}
