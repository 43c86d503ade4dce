import PetitionsDomain

/// Every user of the office server, by name.
public struct ListUsers: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> [Account] {
        try workspace.reading { try $0.accounts() }
    }
}
