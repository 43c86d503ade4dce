import PetitionsDomain
import PetitionsRules

/// Every finding of every rule as of a day, and what was recorded of them: what `check --format json` prints
/// (`as_of`, `findings`, and `recorded` when asked to record), and the API's `check` too.
public struct CheckResult: Encodable, Sendable {
    public var asOf: Day
    /// Every finding, most serious first.
    public var findings: [Finding]
    /// What appeared or cleared since the last recorded check, when asked to record.
    public var recorded: RecordedCheck?

    public init(asOf: Day, findings: [Finding], recorded: RecordedCheck?) {
        self.asOf = asOf
        self.findings = findings
        self.recorded = recorded
    }
}

/// Runs every rule as of a day; with `record`, writes the findings raised and cleared since the last recorded check.
public struct RunCheck: UseCase {
    public var asOf: Day
    public var sources: RuleSources
    public var record: Bool

    public init(asOf: Day, sources: RuleSources = RuleSources(), record: Bool = false) {
        self.asOf = asOf
        self.sources = sources
        self.record = record
    }

    public func run(in workspace: Workspace) throws -> CheckResult {
        let l = try workspace.open(readOnly: !record, mustExist: true)
        let findings = try Checker.findings(ledger: l, context: try workspace.rules(l, sources), asOf: asOf)
        let recorded = record ? try Checker.record(findings, ledger: l, asOf: asOf) : nil
        return CheckResult(asOf: asOf, findings: findings, recorded: recorded)
    }
}

/// Every finding as a front end that writes them as they come receives them, and what was recorded of them.
public struct StreamedCheck {
    /// Every finding, most serious first, handed on one at a time (`CheckFindings.each`).
    public var findings: CheckFindings
    /// What appeared or cleared since the last recorded check, when asked to record.
    public var recorded: RecordedCheck?
}

/// Runs every rule as of a day, for a front end that writes the findings as they come (`check`): the late
/// deliveries' findings are worded one at a time (`Checker.streamedFindings`), so a ledger with a million late
/// deliveries is not held as a million findings. With `record`, they are recorded the same way before they are handed
/// back (the same events as `RunCheck` writes).
public struct StreamCheck: UseCase {
    /// The same request as `RunCheck`'s: the day, the rules and calendar, and whether to record.
    public var check: RunCheck

    public init(asOf: Day, sources: RuleSources = RuleSources(), record: Bool = false) {
        check = RunCheck(asOf: asOf, sources: sources, record: record)
    }

    public func run(in workspace: Workspace) throws -> StreamedCheck {
        let l = try workspace.open(readOnly: !check.record, mustExist: true)
        var findings = try Checker.streamedFindings(ledger: l, context: try workspace.rules(l, check.sources), asOf: check.asOf)
        let recorded = check.record ? try Checker.record(&findings, ledger: l, asOf: check.asOf) : nil
        return StreamedCheck(findings: findings, recorded: recorded)
    }
}
