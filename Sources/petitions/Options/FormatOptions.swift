import ArgumentParser
import Foundation
import PetitionsApp

/// `--format text|json`.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}
