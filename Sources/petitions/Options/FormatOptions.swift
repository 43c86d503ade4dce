import ArgumentParser
import Foundation
import PetitionsApp

/// `--format text|json`.
struct FormatOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Output format: text or json (default: text).", valueName: "format"), completion: OutputFormat.completion,
        transform: OutputFormat.option("--format"))
    var format: OutputFormat = .text
}
