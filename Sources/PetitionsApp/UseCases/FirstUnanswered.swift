import PetitionsDomain
import PetitionsRules

/// The first letters of the `unanswered` listing as of a day (oldest first), and how many wait in all: the
/// dashboard's table. The count is one SQL count and the rules judge only the rows shown.
public struct FirstUnanswered: UseCase {
    public var asOf: Day
    public var limit: Int
    public var sources: RuleSources

    public init(asOf: Day, limit: Int, sources: RuleSources = RuleSources()) {
        self.asOf = asOf
        self.limit = limit
        self.sources = sources
    }

    public func run(in workspace: Workspace) throws -> ListingHead<UnansweredLetter> {
        try workspace.reading { l in
            try Checker.unansweredHead(ledger: l, context: try workspace.rules(l, sources), asOf: asOf, limit: limit)
        }
    }
}
