import PetitionsDomain

/// Reads the event log: of one party, one petition, one kind (or kind prefix), from a day on.
public struct ListEvents: UseCase {
    public var party: String?
    public var petition: Int64?
    public var kind: String?
    public var since: Day?

    public init(party: String? = nil, petition: Int64? = nil, kind: String? = nil, since: Day? = nil) {
        self.party = party
        self.petition = petition
        self.kind = kind
        self.since = since
    }

    public func run(in workspace: Workspace) throws -> [Event] {
        try workspace.reading { try $0.events(party: party, petition: petition, kind: kind, since: since) }
    }
}
