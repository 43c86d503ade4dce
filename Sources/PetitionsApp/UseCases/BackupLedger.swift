import PetitionsDomain

/// Where a backup was copied from and to.
public struct BackupResult: Encodable, Sendable {
    public var ledger: String
    public var backup: String
    /// Partial copies that killed backups to the same file had left beside it, now removed (said on stderr, not
    /// part of the JSON).
    public var removedPartials: [String] = []

    enum CodingKeys: String, CodingKey { case ledger, backup }
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
        // Elsewhere `-` is standard output, where a ledger file cannot be written: a file named `-` was made instead.
        if OutputPath.isStandardOutput(file) {
            throw PetitionsError(
                "backup: \(quoted(file)) is standard output, and a backup is a ledger file; give the file to create (./- for a file named -).",
                code: .usage)
        }
        return try workspace.reading { l in
            let removed = try l.backup(to: file, overwrite: force)
            return BackupResult(ledger: l.path, backup: file, removedPartials: removed)
        }
    }
}
