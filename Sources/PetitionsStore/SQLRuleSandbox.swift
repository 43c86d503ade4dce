import Foundation
import GRDB
import GRDBSQLite
import PetitionsDomain

/// How long a custom SQL rule may run and how much memory it may take before it is stopped.
public struct SQLRuleBudget: Sendable, Equatable {
    /// Wall-clock time for one run, in seconds.
    public var seconds: Double
    /// Memory SQLite may take for one run above what it held before, in bytes.
    public var bytes: Int64
    /// Rows one run may return.
    public var rows: Int

    public init(seconds: Double = 2, bytes: Int64 = 64 << 20, rows: Int = 100_000) {
        self.seconds = seconds
        self.bytes = bytes
        self.rows = rows
    }

    /// 2 seconds, 64 MB, 100,000 rows.
    public static let standard = SQLRuleBudget()

    /// "2 seconds".
    var time: String {
        let s = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "\(s) second\(seconds == 1 ? "" : "s")"
    }
}

/// The guard around one run of a custom SQL rule on its own read-only connection: an authorizer that lets the
/// query read the ledger's tables and call pure functions only, and a progress handler that stops it when it
/// runs past its time or memory budget.
final class SQLRuleSandbox {
    /// Why a run was stopped.
    enum Stop { case time, memory }

    /// Functions a rule may call: deterministic, no file, no extension, no schema.
    static let allowedFunctions: Set<String> = [
        "abs", "avg", "count", "max", "min", "sum", "total", "group_concat", "string_agg", "coalesce", "ifnull", "iif", "if", "nullif",
        "length", "octet_length", "lower", "upper", "ltrim", "rtrim", "trim", "substr", "substring", "replace", "instr", "printf",
        "format", "round", "date", "time", "datetime", "julianday", "strftime", "unixepoch", "timediff", "typeof", "hex", "unhex",
        "quote", "char", "unicode", "like", "glob", "likelihood", "likely", "unlikely", "concat", "concat_ws", "sign",
        "ceil", "ceiling", "floor", "trunc", "mod", "pow", "power", "sqrt", "exp", "ln", "log", "log10", "log2", "pi",
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
        "json", "json_extract", "json_array", "json_object", "json_type", "json_valid", "json_quote", "json_array_length",
        "json_group_array", "json_group_object", "->", "->>",
    ]

    /// Tables a rule may never read: the office's accounts and API tokens (password and token hashes, which
    /// `export events` leaves out too; a rule's messages are shown by `check`, the API and the recorded findings) and
    /// GRDB's record of migrations.
    static let privateTables: Set<String> = ["account", "api_token", "grdb_migrations"]

    /// Tables of the ledger the rule may read.
    private let tables: Set<String>
    private let budget: SQLRuleBudget
    /// The rule's `printf` and `format`, bounded: SQLite's own can run past the budget inside one call.
    private let printf: BoundedPrintf
    private var deadline: UInt64 = 0
    private var memoryCeiling: Int64 = 0
    /// While armed, the authorizer judges and the progress handler counts; GRDB's own statements pass.
    private(set) var armed = false
    /// Why the progress handler stopped the run, if it did.
    private(set) var stopped: Stop?
    /// The first thing the authorizer refused, for the sentence.
    private(set) var refused: String?

    init(tables: Set<String>, budget: SQLRuleBudget) {
        self.tables = tables
        self.budget = budget
        self.printf = BoundedPrintf(length: Int32(clamping: max(1_000, budget.bytes)))
    }

    /// Installs the authorizer and the progress handler on `db`'s connection, which must live no longer than `self`.
    func install(on db: Database) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(
            db.sqliteConnection,
            { context, action, a, b, c, _ in
                guard let context else { return SQLITE_DENY }
                return Unmanaged<SQLRuleSandbox>.fromOpaque(context).takeUnretainedValue()
                    .authorize(action, a.map { String(cString: $0) }, b.map { String(cString: $0) }, c.map { String(cString: $0) })
            }, context)
        // One value may not outgrow the memory budget: a single step such as printf('%.*c', 1e9, 'x') allocates it
        // all at once, before the progress handler is next asked.
        sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_LENGTH, Int32(clamping: max(1_000, budget.bytes)))
        // Nor may one call run past the time budget: `printf('%.*c', 1e9, 'x')` repeats within one step, unstopped.
        printf.install(on: db.sqliteConnection)
        sqlite3_progress_handler(
            db.sqliteConnection, 1_000,
            { context in
                guard let context else { return 1 }
                return Unmanaged<SQLRuleSandbox>.fromOpaque(context).takeUnretainedValue().progress()
            }, context)
    }

    /// Starts the clock and the memory count, and makes the authorizer judge.
    func arm() {
        armed = true
        stopped = nil
        refused = nil
        deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, budget.seconds) * 1e9)
        memoryCeiling = sqlite3_memory_used() + budget.bytes
    }

    func disarm() { armed = false }

    private func progress() -> Int32 {
        guard armed else { return 0 }
        if DispatchTime.now().uptimeNanoseconds > deadline {
            stopped = .time
            return 1
        }
        if sqlite3_memory_used() > memoryCeiling {
            stopped = .memory
            return 1
        }
        return 0
    }

    private func authorize(_ action: Int32, _ a: String?, _ b: String?, _ database: String?) -> Int32 {
        guard armed else { return SQLITE_OK }
        switch action {
        case SQLITE_SELECT, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_READ:
            guard let table = a?.lowercased() else { return deny("reading a table without a name") }
            // No column at all (count(*), or a CTE none of whose columns is used): SQLite names no database then.
            if database == nil, (b ?? "").isEmpty { return SQLITE_OK }
            guard database == "main" else { return deny("reading \(a ?? "?") of \(database ?? "another database")") }
            // The ledger's own tables. Not table-valued functions (json_each, pragma_…): setting them up touches the schema.
            if tables.contains(table) { return SQLITE_OK }
            if SQLRuleSandbox.privateTables.contains(table) { return deny("reading \(a ?? "?") (the office's accounts and tokens)") }
            return deny("reading \(a ?? "?")")
        case SQLITE_FUNCTION:
            if let name = b?.lowercased(), SQLRuleSandbox.allowedFunctions.contains(name) { return SQLITE_OK }
            return deny("the function \(b ?? "?")()")
        default:
            return deny(SQLRuleSandbox.actionName(action, a))
        }
    }

    private func deny(_ what: String) -> Int32 {
        if refused == nil { refused = what }
        return SQLITE_DENY
    }

    private static func actionName(_ action: Int32, _ a: String?) -> String {
        switch action {
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_PRAGMA: return "PRAGMA \(a ?? "")"
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: return "a transaction"
        case SQLITE_INSERT: return "INSERT into \(a ?? "a table")"
        // A table-valued function (`pragma_table_info('account')`, `json_each`) is set up by writing the schema: the
        // rule wrote no UPDATE, and is told what it did use.
        case SQLITE_UPDATE where ["sqlite_master", "sqlite_schema", "sqlite_temp_master"].contains(a?.lowercased() ?? ""):
            return "a table-valued function (pragma_table_info(), json_each() and the like)"
        case SQLITE_UPDATE: return "UPDATE of \(a ?? "a table")"
        case SQLITE_DELETE: return "DELETE from \(a ?? "a table")"
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE, SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX, SQLITE_CREATE_VIEW,
            SQLITE_CREATE_TEMP_VIEW, SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER, SQLITE_CREATE_VTABLE:
            return "CREATE"
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE, SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX, SQLITE_DROP_VIEW,
            SQLITE_DROP_TEMP_VIEW, SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER, SQLITE_DROP_VTABLE:
            return "DROP"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE"
        case SQLITE_REINDEX: return "REINDEX"
        case SQLITE_ANALYZE: return "ANALYZE"
        default: return "an action that is not reading"
        }
    }

    /// SQLite's message about a query that does not prepare or run, in the house's words: the table, column or word it
    /// names is kept, SQLite's own phrasing is not.
    static func reworded(_ message: String?, otherwise: String = "it does not read as SQL") -> String {
        guard let message else { return otherwise }
        let patterns: [(prefix: String, sentence: (String) -> String)] = [
            ("no such table: ", { "it names a table the ledger does not have, '\($0)'" }),
            ("no such column: ", { "it names a column that is not there, '\($0)'" }),
            ("no such function: ", { "it calls a function that does not exist, \($0)()" }),
            ("ambiguous column name: ", { "the column '\($0)' could be in more than one table; name the table" }),
        ]
        for p in patterns where message.hasPrefix(p.prefix) { return p.sentence(String(message.dropFirst(p.prefix.count))) }
        if message.hasPrefix("near \""), let end = message.dropFirst(6).firstIndex(of: "\"") {
            return "it does not read as SQL near '\(message[message.index(message.startIndex, offsetBy: 6)..<end])'"
        }
        if message.contains("syntax error") || message.contains("incomplete input") { return "it does not read as SQL (is it cut short?)" }
        // What goes wrong only when the query runs, in the rule's words.
        let running: [(fragment: String, sentence: String)] = [
            ("malformed JSON", "a JSON function was given text that is not JSON"),
            ("bad JSON path", "a JSON function was given a path it cannot follow"),
            ("integer overflow", "a number grew past the largest integer it can hold"),
            ("JSON cannot hold BLOB", "a JSON function was given a blob"),
            ("too many arguments", "a function was given too many arguments"),
            ("wrong number of arguments", "a function was given the wrong number of arguments"),
            (
                BoundedPrintf.refusal,
                "printf() or format() was given a width or precision over \(Quantity.grouped(Decimal(BoundedPrintf.limit))) characters, more than a sql rule may ask for; make it smaller"
            ),
        ]
        for r in running where message.contains(r.fragment) { return r.sentence }
        return otherwise
    }

    /// The sentence (after "the query ") for a run that failed with `code`, if the sandbox was the cause.
    func problem(resultCode code: ResultCode) -> String? {
        if code == .SQLITE_TOOBIG { stopped = .memory }
        return problem()
    }

    /// The sentence (after "the query ") for a run that was stopped or refused, if it was.
    func problem() -> String? {
        switch stopped {
        case .time?: return "ran for more than \(budget.time), its time budget, and was stopped; make it narrower or cheaper"
        case .memory?: return "took more than \(budget.bytes >> 20) MB, its memory budget, and was stopped; make it narrower or cheaper"
        case nil: return refused.map { "uses \($0), which a sql rule may not; it may only read the ledger's tables and call pure functions" }
        }
    }
}
