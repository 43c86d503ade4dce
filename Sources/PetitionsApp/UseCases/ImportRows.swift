import PetitionsDomain

/// Imports petitioners, letters or receipts from a CSV file through the single commands' operations: every row is
/// checked first, and with any bad row nothing is imported unless `skipInvalid`.
public struct ImportRows: UseCase {
    public var kind: ImportKind
    public var path: String
    public var skipInvalid: Bool
    public var rejectsPath: String?
    /// Whether an existing rejects file may be replaced (never the input itself).
    public var replaceRejects: Bool
    /// Whether a file already imported (the same bytes) may be imported once more.
    public var again: Bool
    /// Told the rows done so far, now and then, for a progress bar.
    public var progress: (@Sendable (Int) -> Void)?

    public init(
        kind: ImportKind, path: String, skipInvalid: Bool = false, rejectsPath: String? = nil, replaceRejects: Bool = false, again: Bool = false,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.kind = kind
        self.path = path
        self.skipInvalid = skipInvalid
        self.rejectsPath = rejectsPath
        self.replaceRejects = replaceRejects
        self.again = again
        self.progress = progress
    }

    public func run(in workspace: Workspace) throws -> ImportReport {
        // The rows are read as they are recorded, never all held at once: standard input or a pipe, read once, cannot
        // serve a first import run again on a ledger another process made meanwhile, which is refused instead.
        try workspace.recording(readsInputOnce: path == "-" || !InputFile.isRegular(path)) { l in
            try RowImport.run(
                kind, path: path, ledger: l, skipInvalid: skipInvalid, rejectsPath: rejectsPath, replaceRejects: replaceRejects, again: again
            ) {
                progress?($0)
            }
        }
    }
}
