import PetitionsDomain

/// The units of measure the ledger knows.
public struct ListUnits: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> [MeasureUnit] {
        try workspace.reading { $0.units.units }
    }
}
