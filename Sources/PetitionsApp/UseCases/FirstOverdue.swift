import PetitionsDomain
import PetitionsRules

/// The first deliveries of the `overdue` listing as of a day, and how many are late in all: the dashboard's table.
/// With the default rules (one overdue_delivery rule, no scope) the count is one SQL count and only the rows shown
/// are judged; other rules need the whole set (`Checker.overdueHead`).
public struct FirstOverdue: UseCase {
    public var asOf: Day
    public var limit: Int
    public var sources: RuleSources

    public init(asOf: Day, limit: Int, sources: RuleSources = RuleSources()) {
        self.asOf = asOf
        self.limit = limit
        self.sources = sources
    }

    public func run(in workspace: Workspace) throws -> ListingHead<OverdueDelivery> {
        try workspace.reading { l in try Checker.overdueHead(ledger: l, context: try workspace.rules(l, sources), asOf: asOf, limit: limit) }
    }
}
