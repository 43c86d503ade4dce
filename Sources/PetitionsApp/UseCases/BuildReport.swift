import PetitionsDomain
import PetitionsReport

/// The status report as of a day: what is owed, what waits, what the rules find, narrowed to a scope.
public struct BuildReport: UseCase {
    public var asOf: Day
    public var sources: RuleSources
    public var scope: ReportScope
    public var redact: Bool
    /// The one CSV section to be printed (`ReportCSV.sections`), when only it is: the other sections are not worked out.
    public var section: String?

    public init(
        asOf: Day, sources: RuleSources = RuleSources(), scope: ReportScope = ReportScope(), redact: Bool = false, section: String? = nil
    ) {
        self.asOf = asOf
        self.sources = sources
        self.scope = scope
        self.redact = redact
        self.section = section
    }

    public func run(in workspace: Workspace) throws -> StatusReport {
        try CheckReportScope(self).refuseLateStart()
        return try workspace.reading { l in
            try ReportBuilder.build(ledger: l, context: try workspace.rules(l, sources), asOf: asOf, scope: scope, redact: redact, section: section)
        }
    }
}
