import GRDB

extension Ledger {
    /// What went wrong, in our words: SQLite's own message ("CHECK constraint failed: to_day >= from_day",
    /// "database is locked") names its tables and columns, which mean nothing to the person at the desk.
    static func plainReason(_ e: DatabaseError) -> String {
        switch e.resultCode {
        case .SQLITE_CONSTRAINT:
            switch e.extendedResultCode {
            case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: return "the ledger already holds that record"
            case .SQLITE_CONSTRAINT_FOREIGNKEY: return "it names a record the ledger does not hold, or one that others still name"
            case .SQLITE_CONSTRAINT_NOTNULL: return "a value it needs is missing"
            default: return "a value is out of range or out of order with what the ledger holds"
            }
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the ledger is busy with another command; try again when it is done"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_IOERR: return "the disk could not be read or written"
        case .SQLITE_NOMEM: return "there is not enough memory"
        case .SQLITE_READONLY: return "the ledger is read-only"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return "the ledger is damaged"
        case .SQLITE_CANTOPEN: return "the file cannot be opened"
        case .SQLITE_INTERRUPT: return "it was interrupted"
        // A table or column dropped with another tool (`sqlite3`): said as such, and where to learn which.
        case .SQLITE_ERROR where e.message.map { $0.contains("no such table") || $0.contains("no such column") } ?? false:
            return "part of its schema is missing (it was changed with another tool); petitions verify names what"
        default: return "an unexpected failure (code \(e.extendedResultCode.rawValue))"
        }
    }
}
