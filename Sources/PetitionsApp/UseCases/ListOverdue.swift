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

    /// The whole listing, for a front end that pages or indexes it (the office server).
    public func run(in workspace: Workspace) throws -> [OverdueDelivery] {
        var list: [OverdueDelivery] = []
        try run(in: workspace) { list.append($0) }
        return list
    }

    /// The same listing handed to `emit` one delivery at a time, in order, so that a front end writing it out
    /// (the command line) holds none of it: memory stays flat however many deliveries are late.
    public func run(in workspace: Workspace, emit: (OverdueDelivery) throws -> Void) throws {
        try workspace.reading { l in try Checker.overdue(ledger: l, context: try workspace.rules(l, sources), asOf: asOf, emit: emit) }
    }
}
