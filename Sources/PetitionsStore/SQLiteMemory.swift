import CSQLiteTuning

/// Whether SQLite counts the memory it holds in this process. It does unless a command that writes in bulk (a CSV
/// import) turns the count off before the first ledger is opened: the count takes one process-wide mutex around each
/// of SQLite's allocations and frees, about a sixth of an import of 100,000 petitioners (BENCHMARKS.md, "SQLite's
/// memory count off for imports"). Only a custom SQL rule's run reads the count (its memory budget), and it is refused
/// without it; checking a rule (preparing it, as every recording command does) reads no row and needs no budget.
public enum SQLiteMemory {
    /// Written once, before any thread of ours starts and before SQLite does; read by the sandbox.
    nonisolated(unsafe) private(set) static var counted = true

    /// Turns the count off when SQLite has not started yet in this process; says whether it did. Once SQLite has
    /// started (a ledger was opened), the count stays on.
    @discardableResult
    public static func stopCounting() -> Bool {
        guard counted, petitions_sqlite_stop_counting_memory() == 1 else { return false }
        counted = false
        return true
    }
}
