import PetitionsDomain

/// Lists the decrees.
public struct ListDecrees: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> [Decree] {
        try workspace.reading { try $0.decrees() }
    }
}
