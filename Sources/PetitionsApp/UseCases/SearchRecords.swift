import PetitionsDomain

/// Finds parties, petitions, letters, notes and attachments by the words of them, best matches first.
public struct SearchRecords: UseCase {
    public var query: String
    public var kind: SearchKind?
    public var limit: Int

    public init(query: String, kind: SearchKind? = nil, limit: Int = 20) {
        self.query = query
        self.kind = kind
        self.limit = limit
    }

    public func run(in workspace: Workspace) throws -> [SearchHit] {
        guard (1...10_000).contains(limit) else {
            throw PetitionsError.invalid("--limit", String(limit), "is not a number of results from 1 to 10000")
        }
        return try workspace.reading { try $0.search(query, kind: kind, limit: limit) }
    }
}
