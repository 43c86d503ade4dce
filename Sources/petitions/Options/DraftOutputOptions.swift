import ArgumentParser
import Foundation
import PetitionsApp

/// `--template`, `--output`, `--force`: where a draft's words come from and where the letter goes.
struct DraftOutputOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("A Mustache template to use instead of the built-in one (see config/templates/).", valueName: "file"))
    var template: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Write the draft to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "With --output, replace an existing file.") var force = false

    /// Renders the draft and prints it or writes it; nothing is recorded.
    func emit(_ draft: DraftContext) throws {
        if let output { try OutputFile.refuseExisting(output, force: force) }
        let text = try Drafts.render(draft, templatePath: template)
        if let output {
            try OutputFile.write(text, to: output, force: force)
            print(
                "Wrote the \(draft.kind.rawValue) to \(draft.addressee.name) as of \(draft.date) to \(output); record it when sent with `petitions letter send … --from-draft \(output)`."
            )
        } else {
            try StandardOutput.write(Data(text.utf8))
        }
    }
}
