import Foundation
import GRDBSQLite

/// `printf()` and `format()` for a custom SQL rule, refusing a width or precision past `limit` before SQLite builds
/// anything. SQLite's own printf repeats `%.*c` one character at a time inside one call, where neither the progress
/// handler nor the length limit stops it (`printf('%.*c', 1000000000, 'x')` runs for most of a minute): so the rule's
/// connection has these in their place, which check the format and then ask SQLite's printf, on a private in-memory
/// connection, for the value.
final class BoundedPrintf {
    /// The largest width or precision a rule's format may give: a finding's message needs nothing near it, and SQLite
    /// repeats that many characters in a few hundredths of a second.
    static let limit = 1_000_000

    /// What the function reports when refusing, for `SQLRuleSandbox.reworded` to put in the house's words.
    static let refusal = "printf width or precision past the limit"

    private var connection: OpaquePointer?
    private var statements: [Int32: OpaquePointer] = [:]
    private let length: Int32

    /// `length`: the longest value the private connection may build, as on the rule's connection.
    init(length: Int32) { self.length = length }

    deinit {
        for s in statements.values { sqlite3_finalize(s) }
        if let connection { sqlite3_close_v2(connection) }
    }

    /// Puts `printf` and `format` in place of SQLite's on `connection`, which must live no longer than `self`.
    func install(on connection: OpaquePointer?) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        for name in ["printf", "format"] {
            sqlite3_create_function_v2(
                connection, name, -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, context,
                { ctx, argc, argv in
                    guard let ctx, let data = sqlite3_user_data(ctx) else { return }
                    Unmanaged<BoundedPrintf>.fromOpaque(data).takeUnretainedValue().call(ctx, argc, argv)
                }, nil, nil, nil)
        }
    }

    private func call(_ ctx: OpaquePointer, _ argc: Int32, _ argv: UnsafeMutablePointer<OpaquePointer?>?) {
        let values = (0..<Int(argc)).map { argv?[$0] }
        if let format = values.first, let text = sqlite3_value_text(format) {
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(format)))
            guard BoundedPrintf.within(bytes, arguments: values.dropFirst().map { sqlite3_value_int64($0) }) else {
                sqlite3_result_error(ctx, BoundedPrintf.refusal, -1)
                return
            }
        }
        guard let statement = statement(argc) else {
            sqlite3_result_error_nomem(ctx)
            return
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (i, v) in values.enumerated() { sqlite3_bind_value(statement, Int32(i + 1), v) }
        if sqlite3_step(statement) == SQLITE_ROW {
            sqlite3_result_value(ctx, sqlite3_column_value(statement, 0))
        } else {
            sqlite3_result_error_code(ctx, sqlite3_errcode(connection))
        }
    }

    /// `SELECT printf(?1, …, ?argc)` on the private connection, opened on first use.
    private func statement(_ argc: Int32) -> OpaquePointer? {
        if let s = statements[argc] { return s }
        if connection == nil {
            guard sqlite3_open_v2(":memory:", &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nil) == SQLITE_OK else { return nil }
            sqlite3_limit(connection, SQLITE_LIMIT_LENGTH, length)
        }
        let sql = "SELECT printf(" + (0..<argc).map { "?\($0 + 1)" }.joined(separator: ", ") + ")"
        var s: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &s, nil) == SQLITE_OK, let s else { return nil }
        statements[argc] = s
        return s
    }

    /// Whether every width and precision of `format` (written, or taken from `arguments` by `*`) is within `limit`,
    /// read as SQLite reads a format: `%`, flags, width, `.` precision, length modifiers, a conversion.
    static func within(_ format: UnsafeBufferPointer<UInt8>, arguments: [Int64]) -> Bool {
        var i = 0
        var next = 0
        func number() -> Int64 {
            if i < format.count, format[i] == UInt8(ascii: "*") {
                i += 1
                defer { next += 1 }
                let n = next < arguments.count ? arguments[next] : 0
                return n == Int64.min ? Int64.max : abs(n)
            }
            var n: Int64 = 0
            while i < format.count, (0x30...0x39).contains(format[i]) {
                n = min(n * 10 + Int64(format[i] - 0x30), Int64(limit) + 1)
                i += 1
            }
            return n
        }
        while i < format.count {
            defer { i += 1 }
            guard format[i] == UInt8(ascii: "%") else { continue }
            i += 1
            while i < format.count, "-+ #!0,".utf8.contains(format[i]) { i += 1 }
            guard number() <= limit else { return false }
            if i < format.count, format[i] == UInt8(ascii: ".") {
                i += 1
                guard number() <= limit else { return false }
            }
            while i < format.count, format[i] == UInt8(ascii: "l") { i += 1 }
            // The conversion: `%%` takes no argument, every other one takes the next.
            if i < format.count, format[i] != UInt8(ascii: "%") { next += 1 }
        }
        return true
    }
}
