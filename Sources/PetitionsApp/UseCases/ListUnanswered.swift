import PetitionsDomain
import PetitionsRules

/// Letters waiting for a reply as of a day, oldest first, including those not yet due unless `overdueOnly`.
public struct ListUnanswered: UseCase {
    public var asOf: Day
    public var sources: RuleSources
    public var overdueOnly: Bool

    public init(asOf: Day, sources: RuleSources = RuleSources(), overdueOnly: Bool = false) {
        self.asOf = asOf
        self.sources = sources
        self.overdueOnly = overdueOnly
    }

    public func run(in workspace: Workspace) throws -> [UnansweredLetter] {
        let list = try workspace.reading { l in try Checker.unanswered(ledger: l, context: try workspace.rules(l, sources), asOf: asOf) }
        return overdueOnly ? list.filter { $0.daysOverdue > 0 } : list
    }
}
