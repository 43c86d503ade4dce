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
    @OptionGroup var output: TableFormatOptions
    @Option(
        name: .customLong("min-severity"), parsing: .unconditional,
        help: "Show only findings at least this serious: warning, overdue or critical. (default: warning)",
        transform: OptionWord.read { try Severity(parsing: $0, field: "--min-severity") })
    var minSeverity = Severity.warning
    @Option(
        name: .customLong("fail-on"), parsing: .unconditional, help: "Exit 1 when a finding is at least this serious. (default: overdue)",
        transform: OptionWord.read { try Severity(parsing: $0, field: "--fail-on") })
    var failOn = Severity.overdue
    @Flag(help: "Record findings raised and cleared since the last recorded check as events.") var record = false

    /// The findings written as they are handed on (`StreamCheck`), none held whole; with `--record` they are recorded
    /// first, the same way.
    func run() throws {
        let min = minSeverity
        let asOf = ruleOptions.day()
        let result = try ledger.run(StreamCheck(asOf: asOf, sources: ruleOptions.sources, record: record))
        var findings = result.findings
        switch output.format {
        case .json:
            // As `Output.json(CheckResult(...))` writes it: `as_of`, then `findings` one element at a time, then `recorded`.
            let encoder = HouseJSONEncoder()
            var buffer = Array("{\n  \"as_of\" : ".utf8)
            buffer.reserveCapacity(1 << 17)
            try encoder.append(asOf, to: &buffer, depth: 1)
            buffer.append(contentsOf: Array(",\n  \"findings\" : [\n".utf8))
            var first = true
            try findings.each { f in
                guard f.severity >= min else { return }
                buffer.append(contentsOf: Array((first ? "    " : ",\n    ").utf8))
                first = false
                try encoder.append(f, to: &buffer, depth: 2)
                if buffer.count > 1 << 16 {
                    try StandardOutput.write(Data(buffer))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer.append(contentsOf: Array("\n  ]".utf8))
            if let recorded = result.recorded {
                buffer.append(contentsOf: Array(",\n  \"recorded\" : ".utf8))
                try encoder.append(recorded, to: &buffer, depth: 1)
            }
            buffer.append(contentsOf: Array("\n}\n".utf8))
            try StandardOutput.write(Data(buffer))
        case .csv:
            var out = CSVStream(header: ListingCSV.findingsHeader)
            try findings.each { f in if f.severity >= min { try out.add(ListingCSV.findingRow(f)) } }
            try out.finish()
        case .text:
            // The header counts what is listed: with --min-severity, the findings below it are only said to be left out.
            let shown = Severity.allCases.reversed().filter { $0 >= min }
            let total = shown.reduce(0) { $0 + findings.count($1) }
            let counts = shown.map { s in "\(Thousands.format(findings.count(s))) \(s.rawValue)" }.joined(separator: ", ")
            let hidden = findings.count - total
            let left = hidden == 0 ? "" : "; \(Thousands.format(hidden)) less serious than \(min.rawValue) not shown"
            print("Check as of \(asOf.longDescription): \(Thousands.format(total)) finding\(total == 1 ? "" : "s") (\(counts))\(left).")
            findings.each { f in
                guard f.severity >= min else { return }
                print("- [\(Colour.severity(f.severity))] \(f.rule): \(f.message)")
                print("    next: \(f.action)")
            }
            if let recorded = result.recorded {
                print("Recorded: \(Thousands.format(recorded.raised)) raised, \(Thousands.format(recorded.cleared)) cleared.")
            }
        }
        if findings.contains(atLeast: failOn) { throw ExitCode(1) }
    }
}
