import ArgumentParser
import Foundation
import PetitionsApp

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every rule as of a day; exit 1 when a finding reaches --fail-on (for cron and scripts).",
        discussion: """
            Exit status: 0 when no finding reaches --fail-on (default overdue), 1 when one does.
            --record writes each finding that appeared, changed or cleared since the last recorded check as an event.

            Example:
              petitions check --as-of 1920-03-04 --min-severity overdue --record
            """)
    @OptionGroup var ledger: LedgerOptions
    @OptionGroup var ruleOptions: RuleOptions
    @Option(help: "Output format: text, json or csv.") var format: TableFormat = .text
    @Option(
        name: .customLong("min-severity"), parsing: .unconditional, help: "Show only findings at least this serious: warning, overdue or critical.")
    var minSeverity: String = "warning"
    @Option(name: .customLong("fail-on"), parsing: .unconditional, help: "Exit 1 when a finding is at least this serious.") var failOn: String =
        "overdue"
    @Flag(help: "Record findings raised and cleared since the last recorded check as events.") var record = false

    func run() throws {
        let min = try Severity(parsing: minSeverity, field: "--min-severity")
        let fail = try Severity(parsing: failOn, field: "--fail-on")
        let asOf = try ruleOptions.day()
        let result = try ledger.run(RunCheck(asOf: asOf, sources: ruleOptions.sources, record: record))
        let all = result.findings
        let recorded = result.recorded
        // With every finding shown (the default, warning and up), the listing is not copied: at a million letters
        // the findings are the largest thing this command holds.
        let shown = all.allSatisfy { $0.severity >= min } ? all : all.filter { $0.severity >= min }
        switch format {
        case .json:
            try Output.json(CheckResult(asOf: asOf, findings: shown, recorded: recorded))
        case .csv:
            print(try ListingCSV.findings(shown), terminator: "")
        case .text:
            let counts = Severity.allCases.reversed().map { s in "\(all.filter { $0.severity == s }.count) \(s.rawValue)" }.joined(separator: ", ")
            print("Check as of \(asOf.longDescription): \(all.count) finding\(all.count == 1 ? "" : "s") (\(counts)).")
            for f in shown {
                print("- [\(Colour.severity(f.severity))] \(f.rule): \(f.message)")
                print("    next: \(f.action)")
            }
            if let recorded { print("Recorded: \(recorded.raised) raised, \(recorded.cleared) cleared.") }
        }
        if all.contains(where: { $0.severity >= fail }) { throw ExitCode(1) }
    }
}
