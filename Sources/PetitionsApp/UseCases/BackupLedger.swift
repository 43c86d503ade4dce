import PetitionsDomain

/// Where a backup was copied from and to.
public struct BackupResult: Encodable, Sendable {
    public var ledger: String
    public var backup: String
}

/// Copies the ledger consistently (SQLite's online backup) into a new file readable by its owner only.
public struct BackupLedger: UseCase {
    public var file: String
    public var force: Bool

    public init(file: String, force: Bool = false) {
        self.file = file
        self.force = force
    }

    public func run(in workspace: Workspace) throws -> BackupResult {
        try workspace.reading { l in
            try l.backup(to: file, overwrite: force)
            return BackupResult(ledger: l.path, backup: file)
        }
    }
}
