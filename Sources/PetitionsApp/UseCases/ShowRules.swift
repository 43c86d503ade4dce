import PetitionsDomain
import PetitionsRules

/// The rules and calendar in force, and where each comes from.
public struct ShowRules: UseCase {
    public var sources: RuleSources

    public init(sources: RuleSources = RuleSources()) { self.sources = sources }

    public func run(in workspace: Workspace) throws -> RuleContext {
        try workspace.reading { l in try workspace.rules(l, sources) }
    }
}
