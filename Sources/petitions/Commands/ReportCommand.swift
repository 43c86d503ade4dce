import ArgumentParser
import Foundation
import PetitionsApp

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The status of everything as of a day: supply, arrears, letters, petitions, authorities, trend.",
        discussion: """
            Sections: headline, overdue supply and arrears, unanswered letters, petitions by status, authorities (worst first)
            and trend; each is left out when empty. --authority, --recipient, --decree and --since narrow them.
            CSV prints one section at a time (--section): \(ReportCSV.sections.joined(separator: ", ")).
            --output writes a file readable by its owner only, and never overwrites one without --force.
            --redact replaces the names of persons by initials and ids; authorities and groups stay named.

            Example:
              petitions report --as-of 1920-03-04
              petitions report --as-of 1920-03-04 --format csv \\
                  --section arrears --output arrears.csv
              petitions report --as-of 1920-03-04 --format html --redact \\
                  --output report.html
            """)

    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var formatting: ReportFormatOptions
    @Option(
        parsing: .unconditional, help: ArgumentHelp("The table to print as CSV: \(ReportCSV.sections.joined(separator: ", ")).", valueName: "name"))
    var section: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Write the report to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?
    @Flag(help: "With --output, replace an existing file.") var force = false
    @Option(
        parsing: .unconditional, help: ArgumentHelp("Only letters and petitions to this authority, and deliveries it supplies.", valueName: "handle"))
    var authority: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Only this petitioner or group (with its members): its deliveries, petitions and letters.", valueName: "handle"))
    var recipient: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Only deliveries and arrears under this decree.", valueName: "handle")) var decree: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Only petitions opened, letters sent and periods due on or after this day (YYYY-MM-DD).", valueName: "day"),
        transform: OptionWord.day("--since"))
    var since: Day?
    @Flag(help: "Replace the names of persons (petitioners, dependants, intermediaries) by initials and ids.") var redact = false

    private var format: ReportFormat { formatting.format }

    func run() throws {
        if format == .csv, section == nil {
            throw PetitionsError(
                "--section: CSV prints one table at a time; choose one of \(ReportCSV.sections.joined(separator: ", ")).", code: .usage)
        }
        if let section {
            guard format == .csv else {
                throw PetitionsError(
                    "--section \(quoted(section)): sections apply to --format csv; the \(format.rawValue) report holds every section.", code: .usage)
            }
            guard ReportCSV.sections.contains(section) else {
                throw PetitionsError(
                    "--section: \(quoted(section)) is not a section of the report; choose one of \(ReportCSV.sections.joined(separator: ", ")).",
                    code: .usage)
            }
        }
        let asOf = ruleOptions.day()
        let scope = ReportScope(authority: authority, recipient: recipient, decree: decree, since: since)
        if let output { try OutputFile.refuseExisting(output, force: force) }
        let report = try ledger.run(BuildReport(asOf: asOf, sources: ruleOptions.sources, scope: scope, redact: redact, section: section))
        // Every format is written as it is laid out, in chunks of 64 KiB: JSON member by member and element by element,
        // text, Markdown and HTML block by block and row by row, CSV (one section) row by row. A large report never
        // sits whole in memory as text.
        let write: (FileHandle) throws -> Void
        switch format {
        case .json:
            write = { handle in
                try HouseJSONEncoder().stream(report) { try handle.write(contentsOf: Data($0)) }
                try handle.write(contentsOf: Data("\n".utf8))
            }
        case .text:
            let colour = output == nil && Colour.enabled
            write = { handle in try ReportText.write(report, colour: colour) { try handle.write(contentsOf: Data($0)) } }
        case .markdown:
            write = { handle in try ReportMarkdown.write(report) { try handle.write(contentsOf: Data($0)) } }
        case .csv:
            write = { handle in try ReportCSV.write(report, section: section ?? "") { try handle.write(contentsOf: Data($0)) } }
        case .html:
            write = { handle in try ReportHTML.write(report) { try handle.write(contentsOf: Data($0)) } }
        }
        if let output {
            try OutputFile.write(to: output, force: force, write)
            print("Wrote the report as of \(asOf.longDescription) (\(format.rawValue)\(section.map { ", \($0)" } ?? "")) to \(output).")
        } else {
            try OutputFile.write(to: "-", force: false, write)
        }
    }
}
