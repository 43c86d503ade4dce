import PetitionsDomain

/// Lists letters, oldest first: of one petition, from or to one party, or only those still waiting for a reply.
public struct ListLetters: UseCase {
    public var petition: Int64?
    public var party: String?
    public var waiting: Bool

    public init(petition: Int64? = nil, party: String? = nil, waiting: Bool = false) {
        self.petition = petition
        self.party = party
        self.waiting = waiting
    }

    public func run(in workspace: Workspace) throws -> [Letter] {
        try workspace.reading { try $0.letters(petition: petition, party: party, waiting: waiting) }
    }
}
