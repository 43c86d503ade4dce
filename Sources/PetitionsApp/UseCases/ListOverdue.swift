import PetitionsDomain
import PetitionsRules

/// Late deliveries as of a day: how late, how serious, what is short.
public struct ListOverdue: UseCase {
    public var asOf: Day
    public var sources: RuleSources

    public init(asOf: Day, sources: RuleSources = RuleSources()) {
        self.asOf = asOf
        self.sources = sources
    }

    public func run(in workspace: Workspace) throws -> [OverdueDelivery] {
        try workspace.reading { l in try Checker.overdue(ledger: l, context: try workspace.rules(l, sources), asOf: asOf) }
    }
}
