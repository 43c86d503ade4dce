import PetitionsDomain

/// Merges another office's exported event log into this ledger, by UUID: whole or not at all.
public struct MergeEvents: UseCase {
    public var path: String
    /// "THEIRS=OURS" handle maps.
    public var maps: [String]

    public init(path: String, maps: [String] = []) {
        self.path = path
        self.maps = maps
    }

    public func run(in workspace: Workspace) throws -> MergeResult {
        let limit = try Configuration.load(path: workspace.resolvedConfigPath).maxAttachmentMB
        // Read whole before the ledger is opened: a first merge that finds the ledger made meanwhile by another
        // process merges again into that one, and standard input (or a pipe) gives its bytes only once.
        let log = try EventMerge.readLog(path: path, maps: maps, attachmentMB: limit)
        return try workspace.recording { try EventMerge.merge(log, into: $0) }
    }
}
