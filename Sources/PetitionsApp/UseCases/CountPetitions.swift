import PetitionsDomain

/// How many petitions there are of each status (a status none has is absent): the dashboard's counts. As of a day,
/// only the petitions opened by then, each with the status it had that day, as the report works it out.
public struct CountPetitions: UseCase {
    public var asOf: Day?

    public init(asOf: Day? = nil) { self.asOf = asOf }

    public func run(in workspace: Workspace) throws -> [PetitionStatus: Int] {
        try workspace.reading { ledger in try asOf.map { try ledger.petitionCounts(asOf: $0) } ?? ledger.petitionCounts() }
    }
}
