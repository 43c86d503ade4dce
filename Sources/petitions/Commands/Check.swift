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
        guard record else { return try stream(asOf: asOf, min: min, fail: fail) }
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

    /// Without `--record`: the findings written as they are handed on (`StreamCheck`), the same bytes as above with
    /// none held whole.
    private func stream(asOf: Day, min: Severity, fail: Severity) throws {
        var findings = try ledger.run(StreamCheck(asOf: asOf, sources: ruleOptions.sources))
        switch format {
        case .json:
            // As `Output.json(CheckResult(...))` writes it: `as_of`, then `findings` one element at a time.
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
            buffer.append(contentsOf: Array("\n  ]\n}\n".utf8))
            try StandardOutput.write(Data(buffer))
        case .csv:
            var out = CSVStream(header: ListingCSV.findingsHeader)
            try findings.each { f in if f.severity >= min { try out.add(ListingCSV.findingRow(f)) } }
            try out.finish()
        case .text:
            let counts = Severity.allCases.reversed().map { s in "\(findings.count(s)) \(s.rawValue)" }.joined(separator: ", ")
            print("Check as of \(asOf.longDescription): \(findings.count) finding\(findings.count == 1 ? "" : "s") (\(counts)).")
            findings.each { f in
                guard f.severity >= min else { return }
                print("- [\(Colour.severity(f.severity))] \(f.rule): \(f.message)")
                print("    next: \(f.action)")
            }
        }
        if findings.contains(atLeast: fail) { throw ExitCode(1) }
    }
}
