import PetitionsDomain

/// One party, found by handle or id.
public struct ShowParty: UseCase {
    public var party: String

    public init(party: String) { self.party = party }

    public func run(in workspace: Workspace) throws -> Party {
        try workspace.reading { try $0.party(party) }
    }
}
