import PetitionsDomain

/// Lists petitions, oldest first: perhaps of one status, of one party (petitioner, authority or intermediary), or
/// those a search matches.
public struct ListPetitions: UseCase {
    public var status: PetitionStatus?
    public var party: String?
    public var search: String?

    public init(status: PetitionStatus? = nil, party: String? = nil, search: String? = nil) {
        self.status = status
        self.party = party
        self.search = search
    }

    public func run(in workspace: Workspace) throws -> [Petition] {
        try workspace.reading { try $0.petitions(status: status, party: party, search: search) }
    }
}
