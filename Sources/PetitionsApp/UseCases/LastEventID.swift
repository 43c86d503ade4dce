import PetitionsDomain

/// The id of the last event of the ledger: the office server keys its dashboard cache on it.
public struct LastEventID: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> Int64 {
        try workspace.readingFacts { try $0.lastEventID() }
    }
}
