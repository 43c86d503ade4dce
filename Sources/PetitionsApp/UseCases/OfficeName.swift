import PetitionsDomain

/// The name of the office that keeps the ledger, as `init --office` or `office set --name` left it; nil for a
/// ledger without an office party.
public struct OfficeName: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> String? {
        try workspace.reading { try $0.officeParty()?.name }
    }
}
