import PetitionsDomain

/// Lists petitions, oldest first, perhaps of one status only.
public struct ListPetitions: UseCase {
    public var status: PetitionStatus?

    public init(status: PetitionStatus? = nil) { self.status = status }

    public func run(in workspace: Workspace) throws -> [Petition] {
        try workspace.reading { try $0.petitions(status: status) }
    }
}
