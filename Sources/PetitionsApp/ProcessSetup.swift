import PetitionsStore

/// What a front end sets for its whole process before it opens the first ledger.
public enum ProcessSetup {
    /// For a command that imports CSV rows: SQLite stops counting the memory it holds, a process-wide lock around
    /// each of its allocations (`SQLiteMemory`). Nothing an import does reads the count: only custom SQL rules' memory
    /// budget does, and they refuse to run without it. Does nothing once a ledger has been opened.
    public static func forBulkImport() { SQLiteMemory.stopCounting() }
}
