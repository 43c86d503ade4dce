import PetitionsDomain

/// How many petitions there are of each status (a status none has is absent): the dashboard's counts.
public struct CountPetitions: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> [PetitionStatus: Int] {
        try workspace.reading { try $0.petitionCounts() }
    }
}
