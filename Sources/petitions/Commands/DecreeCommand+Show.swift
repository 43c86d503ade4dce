import ArgumentParser
import Foundation
import PetitionsApp

extension DecreeCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a decree with its enrolments.", discussion: "Example:\n  petitions decree show decree-1918-08-15")
        @OptionGroup var ledger: LedgerOptions
        @OptionGroup var output: FormatOptions
        @Argument(help: "Handle or id.") var decree: String
        func run() throws {
            let dossier = try ledger.run(ShowDecree(decree: decree))
            try DecreeOutput.one(dossier.decree, enrolments: dossier.enrolments, created: false, output.format)
        }
    }
}
