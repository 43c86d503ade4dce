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

    /// The whole listing, for a front end that pages or indexes it (the office server).
    public func run(in workspace: Workspace) throws -> [UnansweredLetter] {
        var list: [UnansweredLetter] = []
        try run(in: workspace) { list.append($0) }
        return list
    }

    /// The same listing handed to `emit` one letter at a time, in order (by day sent, then id), so that a front end
    /// writing it out (the command line) holds none of it: memory stays flat however many letters wait.
    public func run(in workspace: Workspace, emit: (UnansweredLetter) throws -> Void) throws {
        try workspace.reading { l in
            try Checker.unanswered(ledger: l, context: try workspace.rules(l, sources), asOf: asOf) { u in
                if !overdueOnly || u.daysOverdue > 0 { try emit(u) }
            }
        }
    }
}
