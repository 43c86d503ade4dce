import ArgumentParser
import Foundation
import PetitionsApp

/// `petitions export`: records as CSV or JSON, the event log as JSON Lines, streamed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export petitioners, letters, deliveries or petitions (CSV or JSON), or the whole event log (JSON Lines).",
        discussion: """
            CSV cells that begin with =, +, - or @ are defused with a leading ' as in reports. The event log, one event a \
            line with its UUID, office, actor, days and payload, is what `petitions import events` merges into another \
            ledger (README: "JSON Lines events"). --output writes a file readable by its owner only.

            Example:
              petitions export petitioners --format csv > petitioners.csv
              petitions export deliveries --format json
              petitions export events --format jsonl --output dmitrov-events.jsonl
            """)

    @OptionGroup var ledger: LedgerOptions
    @Argument(
        help: ArgumentHelp("petitioners, letters, deliveries, petitions or events.", valueName: "what"), completion: ExportKind.completion,
        transform: ExportKind.option("export")) var what: ExportKind
    @Option(
        help: ArgumentHelp("csv or json for records (default csv); jsonl for events (the default for them).", valueName: "format"),
        completion: ExportFormat.completion, transform: ExportFormat.option("--format")) var format: ExportFormat?
    @Option(parsing: .unconditional, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file")) var output:
        String?
    @Flag(help: "With --output, replace an existing file.") var force = false

    func run() throws {
        try ledger.run(ExportRecords(what: what, format: format, output: output, force: force))
    }
}
