import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Verify: the schema

    /// A table, index or trigger as `sqlite_master` holds it.
    struct SchemaObject: Equatable {
        var type: String
        var sql: String
    }

    /// The tables, indexes and triggers of `db` by name, without SQLite's own.
    static func schemaObjects(_ db: Database) throws -> [String: SchemaObject] {
        var objects: [String: SchemaObject] = [:]
        for r in try Row.fetchAll(
            db, sql: "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
        {
            objects[r["name"]] = SchemaObject(type: r["type"], sql: r["sql"])
        }
        return objects
    }

    /// The schema the migrations build, on a database in memory.
    static func builtSchema() throws -> [String: SchemaObject] {
        let built = try DatabaseQueue()
        try Ledger.migrator.migrate(built)
        return try built.read { try schemaObjects($0) }
    }

    /// What of the schema the migrations built is missing or changed (with `sqlite3` or another tool), and the triggers
    /// petitions did not make: a dropped `event_no_update` trigger left the log open to edits without a word, and a
    /// dropped table failed every command with "an unexpected failure". `missing` is whether a table or view is gone,
    /// so that the records cannot be checked.
    func schemaProblems(_ db: Database) throws -> (problems: [String], missing: Bool) {
        let built = try Ledger.builtSchema()
        let here = try Ledger.schemaObjects(db)
        var problems: [String] = []
        var missing = false
        let advice = "the ledger was changed with another tool; restore it from a backup"
        for (name, object) in built.sorted(by: { $0.key < $1.key }) {
            guard let found = here[name] else {
                if object.type == "table" || object.type == "view" { missing = true }
                problems.append("schema: the \(object.type) \(name) is missing; \(advice)")
                continue
            }
            if found != object { problems.append("schema: the \(object.type) \(name) is not as petitions made it; \(advice)") }
        }
        for (name, object) in here.sorted(by: { $0.key < $1.key }) where built[name] == nil && object.type == "trigger" {
            problems.append("schema: the trigger \(name) was not made by petitions and runs on every change; \(advice)")
        }
        return (problems, missing)
    }
}
