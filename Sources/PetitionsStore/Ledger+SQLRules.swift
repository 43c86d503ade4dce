import Foundation
import GRDB
import GRDBSQLite
import PetitionsDomain

/// A row returned by a custom SQL rule.
public struct SQLRuleRow: Sendable {
    public var subject: String
    public var severity: String?
    public var message: String
}

extension SQLRuleRow {
    /// The severities a sql rule may give in its `severity` column.
    static let severities: Set<String> = ["warning", "overdue", "critical"]

    /// The row's subject, message and severity: numbers are written as text, NULL is empty; a blob, or a severity
    /// that is not warning, overdue or critical, is refused with a sentence naming the column and the row.
    init(_ row: Row, number: Int) throws {
        func text(_ column: String) throws -> String? {
            guard let value = row[column] as DatabaseValue? else { return nil }
            switch value.storage {
            case .null: return nil
            case .int64(let n): return String(n)
            case .double(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
            case .string(let s): return s
            case .blob: throw PetitionsError("returns a blob in its \(column) column (row \(number)); a sql rule must return text or numbers")
            }
        }
        subject = try text("subject") ?? ""
        let given = try text("message")
        message = given ?? ""
        // A finding says what is wrong in one line: an empty message printed "- [overdue] x: ", and a message of ten
        // million characters was printed whole by `check` (only `check --record` refused it).
        if Ledger.trimmed(message).isEmpty {
            throw PetitionsError(
                "returns \(given == nil ? "NULL" : "an empty text") in its message column (row \(number)); every row needs a message saying what is wrong, e.g. COALESCE(…, 'no reply') AS message"
            )
        }
        if message.utf8.count > TextLimits.line, message.count > TextLimits.line {
            throw PetitionsError(
                "returns a message of \(Quantity.grouped(Decimal(message.count))) characters (row \(number)); a finding's message is one line of at most \(Quantity.grouped(Decimal(TextLimits.line))) characters"
            )
        }
        // Shown by `check` and the API and recorded as findings: no ESC to repaint a terminal, no U+202E to turn a line
        // around, as in any text a clerk records.
        for (column, value) in [("subject", subject), ("message", message)] {
            if let c = ControlCharacters.first(in: value) {
                let what = ControlCharacters.turnsDirection(c) ? "a character that turns the text's direction" : "a control character"
                throw PetitionsError(
                    "returns \(what), \(ControlCharacters.quotable(String(Character(c)))), in its \(column) column (row \(number)); a finding's "
                        + "\(column) may hold no control character nor one that turns the direction of text")
            }
        }
        if let s = try text("severity") {
            let known = s.lowercased()
            guard SQLRuleRow.severities.contains(known) else {
                throw PetitionsError("returns the severity \(quoted(s)) (row \(number)); a severity is warning, overdue or critical")
            }
            severity = known
        } else {
            severity = nil
        }
    }
}

extension Ledger {
    // MARK: - Custom SQL rules

    /// Checks that `query` is one SELECT that only reads; anything else is refused with the reason.
    public func validateSQLRule(_ query: String) throws {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = trimmed.prefix(while: { $0.isLetter }).uppercased()
        guard first == "SELECT" || first == "WITH" else {
            throw PetitionsError("is not a SELECT (it starts with \(quoted(String(trimmed.prefix(20)))))")
        }
        try sandboxed(budget: .standard) { db, sandbox in
            let statement: Statement
            do {
                sandbox.arm()
                defer { sandbox.disarm() }
                statement = try db.makeStatement(sql: trimmed)
            } catch let e as DatabaseError {
                if let problem = sandbox.problem() { throw PetitionsError(problem) }
                throw PetitionsError("is not valid SQL: \(SQLRuleSandbox.reworded(e.message))")
            }
            guard statement.isReadonly else { throw PetitionsError("would write to the ledger") }
            // `:as_of` is the one value a rule is given; any other parameter would have no value when it runs.
            let parameters = sqlite3_bind_parameter_count(statement.sqliteStatement)
            if parameters > 0 {
                for i in 1...parameters {
                    let name = sqlite3_bind_parameter_name(statement.sqliteStatement, i).map { String(cString: $0) }
                    guard name == ":as_of" else {
                        throw PetitionsError(
                            "uses the parameter \(quoted(name ?? "?\(i)")), which has no value; the one parameter a sql rule is given is :as_of, the day it is run for"
                        )
                    }
                }
            }
            let columns = Set(statement.columnNames.map { $0.lowercased() })
            for needed in ["subject", "message"] where !columns.contains(needed) {
                throw PetitionsError("returns no \(needed) column (it returns \(statement.columnNames.joined(separator: ", ")))")
            }
        }
    }

    /// Runs a custom SQL rule on a read-only connection, under an authorizer that lets it read the ledger's
    /// tables and call pure functions only, and within `budget`: a query that runs longer, takes more memory or
    /// returns more rows is stopped and refused with a sentence.
    public func runSQLRule(_ query: String, asOf: Day, budget: SQLRuleBudget = .standard) throws -> [SQLRuleRow] {
        try validateSQLRule(query)
        // The memory budget reads SQLite's count; a process that turned it off (a CSV import, which only prepares the
        // ledger's rules to check them) runs no rule. Preparing needs no budget: it reads no row.
        guard SQLiteMemory.counted else {
            throw PetitionsError("cannot be run by a command that imports rows in bulk; nothing was run", code: .software)
        }
        return try sandboxed(budget: budget) { db, sandbox in
            sandbox.arm()
            defer { sandbox.disarm() }
            do {
                let statement = try db.makeStatement(sql: query.trimmingCharacters(in: .whitespacesAndNewlines))
                if sqlite3_bind_parameter_count(statement.sqliteStatement) > 0 { try statement.setArguments(["as_of": asOf.description]) }
                var out: [SQLRuleRow] = []
                var bytes = 0
                let rows = try Row.fetchCursor(statement)
                while let r = try rows.next() {
                    guard out.count < budget.rows else {
                        throw PetitionsError("returned more than \(budget.rows) rows, its budget; make it narrower")
                    }
                    let row = try SQLRuleRow(r, number: out.count + 1)
                    // What the rows hold counts against the memory budget too: SQLite let go of it, the findings keep it.
                    bytes += row.subject.utf8.count + row.message.utf8.count
                    guard bytes <= budget.bytes else {
                        throw PetitionsError("returned more than \(budget.bytes >> 20) MB of text, its memory budget; make it narrower")
                    }
                    out.append(row)
                }
                return out
            } catch let e as DatabaseError {
                if let problem = sandbox.problem(resultCode: e.resultCode) { throw PetitionsError(problem) }
                // E.g. a function SQLite refuses only when the query runs.
                throw PetitionsError(
                    "failed when run: \(SQLRuleSandbox.reworded(e.message, otherwise: "it could not be worked out (a function was given a value it cannot take)"))"
                )
            }
        }
    }

    /// Runs `body` on a read-only connection of its own, guarded by a sandbox that lives as long as the
    /// connection (SQLite calls back into it until the connection is closed).
    func sandboxed<T>(budget: SQLRuleBudget, _ body: (Database, SQLRuleSandbox) throws -> T) throws -> T {
        let queue = try readOnlyQueue()
        let tables = try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT lower(name) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"))
        }
        let sandbox = SQLRuleSandbox(tables: tables.subtracting(SQLRuleSandbox.privateTables), budget: budget)
        return try withExtendedLifetime(sandbox) {
            defer { try? queue.close() }
            return try queue.read { db in
                sandbox.install(on: db)
                return try body(db, sandbox)
            }
        }
    }

    func readOnlyQueue() throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        return try DatabaseQueue(path: path, configuration: config)
    }
}
