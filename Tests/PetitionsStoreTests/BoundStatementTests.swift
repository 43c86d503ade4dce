import GRDB
import Testing

@testable import PetitionsStore

/// The import's statements bound straight onto SQLite (`Database.execute(bound:)`): what they store, and what they
/// refuse, is what GRDB's arguments store and refuse.
@Suite("Statements bound directly")
struct BoundStatementTests {
    static let insert = "INSERT INTO t(a, b, c) VALUES (?, ?, ?)"

    static func table(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT NOT NULL CHECK (length(a) < 20), b INTEGER, c TEXT) STRICT")
    }

    @Test("values bound directly are stored as given, NULL included, between runs of the same statement with GRDB's arguments")
    func storesWhatIsGiven() throws {
        let queue = try DatabaseQueue()
        let rows = try queue.write { db in
            try Self.table(db)
            try db.execute(cached: Self.insert, ["first", 1, "x"])
            // Nothing of the run before is bound again: the last value is NULL, not "x".
            try db.execute(bound: Self.insert, "Zoë \"Ж\" ☭ 😀", Int64(-7), String?.none)
            try db.execute(cached: Self.insert, ["third", 3, "y"])
            try db.execute(bound: Self.insert, "", Int64?.none, Optional("é\u{301}"))
            try db.execute(bound: Self.insert, "fifth", Int64.max, "z")
            return try Row.fetchAll(db, sql: "SELECT a, b, c FROM t ORDER BY id").map { row -> String in
                let a: String = row[0]
                let b: Int64? = row[1]
                let c: String? = row[2]
                return "\(a)|\(b.map(String.init) ?? "NULL")|\(c ?? "NULL")"
            }
        }
        #expect(rows == ["first|1|x", "Zoë \"Ж\" ☭ 😀|-7|NULL", "third|3|y", "|NULL|é\u{301}", "fifth|\(Int64.max)|z"])
    }

    @Test("a value the table refuses is SQLite's constraint error, and the statement runs again afterwards")
    func refusalIsAConstraintError() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try Self.table(db)
            #expect {
                try db.execute(bound: Self.insert, String(repeating: "x", count: 30), Int64(1), String?.none)
            } throws: { error in
                (error as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT
            }
            try db.execute(bound: Self.insert, "after", Int64(2), String?.none)
            #expect(try String.fetchAll(db, sql: "SELECT a FROM t") == ["after"])
            #expect(try db.exists(bound: "SELECT 1 FROM t WHERE a = ?", "after"))
            #expect(try !db.exists(bound: "SELECT 1 FROM t WHERE a = ?", "before"))
        }
    }
}
