import PetitionsDomain

/// What `BuildReport` refuses before it works anything out: a start after the report's day, a calendar or rules that
/// cannot be read or loaded, and a handle in its scope the ledger does not know. A few lookups and the rules loaded,
/// not the report: what the server's `HEAD` of a report runs, to answer as `GET` would without building it.
public struct CheckReportScope: UseCase {
    public var asOf: Day
    public var scope: ReportScope
    /// The calendar and rules the report would be judged by.
    public var sources: RuleSources

    public init(asOf: Day, scope: ReportScope, sources: RuleSources = RuleSources()) {
        self.asOf = asOf
        self.scope = scope
        self.sources = sources
    }

    public init(_ build: BuildReport) { self.init(asOf: build.asOf, scope: build.scope, sources: build.sources) }

    public func run(in workspace: Workspace) throws {
        try refuseLateStart()
        // In `BuildReport`'s order: the rules are loaded before the scope is resolved.
        _ = try workspace.reading { l in
            _ = try workspace.rules(l, sources)
            return try l.resolve(scope)
        }
    }

    /// A report covers what happened up to its day: a start after it would narrow it to nothing, and the trend would
    /// still list the month of its day.
    func refuseLateStart() throws {
        if let since = scope.since, since > asOf {
            throw PetitionsError.invalid(
                "--since", since.description, "is after the report's day (--as-of \(asOf)); a report covers what happened from --since up to its day")
        }
    }
}
