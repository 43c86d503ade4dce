import GRDB
import GRDBSQLite

/// A value bound straight onto a prepared SQLite statement (`sqlite3_bind_*`): text, an integer, or NULL for nil.
protocol DirectBinding {
    /// Binds this value as parameter `index` (from 1) of `statement`; returns SQLite's result code.
    func bindDirectly(_ statement: SQLiteStatement, at index: CInt) -> CInt
}

/// SQLite copies what is bound this way before the call returns (`SQLITE_TRANSIENT`).
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension String: DirectBinding {
    /// Binds the text as a C string: its own NUL-terminated bytes (a short text's copied to the stack), where GRDB's
    /// binding made a C string on the heap for each text first. Like GRDB's, SQLite copies it and measures it itself,
    /// so that it keeps the terminating NUL (a text bound with its count alone was copied once more inside SQLite).
    func bindDirectly(_ statement: SQLiteStatement, at index: CInt) -> CInt {
        withCString { sqlite3_bind_text(statement, index, $0, -1, transient) }
    }
}

extension Int64: DirectBinding {
    func bindDirectly(_ statement: SQLiteStatement, at index: CInt) -> CInt { sqlite3_bind_int64(statement, index, self) }
}

extension Optional: DirectBinding where Wrapped: DirectBinding {
    func bindDirectly(_ statement: SQLiteStatement, at index: CInt) -> CInt {
        switch self {
        case .some(let value): value.bindDirectly(statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}

extension Database {
    /// Runs a statement of fixed SQL, prepared once per connection and reused, with `values` bound straight onto
    /// SQLite's statement in order (`sqlite3_bind_*`, see `DirectBinding`).
    ///
    /// For the statements a bulk import runs once or more per row. `execute(cached:_:)` builds `StatementArguments`
    /// from an array literal of boxed values, checks them against the statement's parameters and binds them through
    /// nested closures, each text copied to a C string first: about 5,500 instructions a statement, which this does
    /// not spend. `values` must match the statement's parameters one for one (a debug build checks the count). A
    /// failure is the `DatabaseError` GRDB throws, with the same result code (a constraint is `SQLITE_CONSTRAINT`).
    func execute<each Value: DirectBinding>(bound sql: String, _ values: repeat each Value) throws {
        try boundStatement(sql, repeat each values).execute()
    }

    /// Whether a query of fixed SQL (`SELECT 1 FROM … WHERE …`) finds a row, its values bound as `execute(bound:)` binds them.
    func exists<each Value: DirectBinding>(bound sql: String, _ values: repeat each Value) throws -> Bool {
        try Bool.fetchOne(boundStatement(sql, repeat each values)) == true
    }

    /// The cached statement of `sql` with `values` bound onto its SQLite statement.
    private func boundStatement<each Value: DirectBinding>(_ sql: String, _ values: repeat each Value) throws -> Statement {
        let statement = try cachedStatement(sql: sql)
        // Resets the statement, clears its bindings and leaves GRDB no arguments of its own: run without arguments, it
        // would otherwise bind again the last ones another caller gave this cached statement.
        statement.setUncheckedArguments(StatementArguments())
        let handle = statement.sqliteStatement
        var index: CInt = 0
        for value in repeat each values {
            index += 1
            let code = value.bindDirectly(handle, at: index)
            guard code == SQLITE_OK else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: sql)
            }
        }
        assert(index == sqlite3_bind_parameter_count(handle), "\(index) values for the parameters of \(sql)")
        return statement
    }
}
