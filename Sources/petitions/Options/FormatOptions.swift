import ArgumentParser
import Foundation
import PetitionsApp

/// A family of output formats that a command offers as `--format`: its words, and the one used when none is given.
protocol FormatFamily: EnumeratedOption {
    /// The format used without `--format`.
    static var standard: Self { get }
}

extension FormatFamily {
    /// The option's help: "Output format: text, json or csv (default: text)."
    static var help: String {
        let listed = words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        return "Output format: \(listed) (default: \(standard.rawValue))."
    }
}

/// `--format`, declared once for every family: its help, completion and refusal come from the family's words, so that
/// a command says `@OptionGroup var output: FormatOptions` (or `TableFormatOptions`, `ReportFormatOptions`) and
/// nothing more. Before, each command that offered csv or the report's formats spelled the option out again.
struct Formats<Family: FormatFamily>: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp(Family.help, valueName: "format"), completion: Family.completion,
        transform: Family.option("--format"))
    var format: Family = Family.standard
}

/// `--format text|json`: records and listings.
typealias FormatOptions = Formats<OutputFormat>

/// `--format text|json|csv`: findings and listings that a spreadsheet may read (`check`, `overdue`, `unanswered`).
typealias TableFormatOptions = Formats<TableFormat>

/// `--format text|markdown|json|csv|html`: `report`.
typealias ReportFormatOptions = Formats<ReportFormat>

extension OutputFormat: FormatFamily {
    static var standard: OutputFormat { .text }
}

extension TableFormat: FormatFamily {
    static var standard: TableFormat { .text }
}

extension ReportFormat: FormatFamily {
    static var standard: ReportFormat { .text }
}
