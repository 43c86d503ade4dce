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
        return try workspace.recording { try EventMerge.run(path: path, maps: maps, ledger: $0, attachmentMB: limit) }
    }
}
