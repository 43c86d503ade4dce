import PetitionsDomain

/// Recomputes every waiting letter's stored due day under the rules and calendar in force, as one event.
public struct ApplyRules: UseCase {
    public var on: Day

    public init(on: Day) { self.on = on }

    /// How many due days changed.
    public func run(in workspace: Workspace) throws -> Int {
        try workspace.recording { try $0.applyRules(on: on, reason: "rules apply") }
    }
}
