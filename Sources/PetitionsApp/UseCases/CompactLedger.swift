import PetitionsDomain
import PetitionsStore

/// Drops the content of removed attachments, rebuilds the search index and gives free pages back to the file system.
public struct CompactLedger: UseCase {
    public init() {}

    public func run(in workspace: Workspace) throws -> CompactResult {
        try workspace.amending { try $0.compact() }
    }
}
