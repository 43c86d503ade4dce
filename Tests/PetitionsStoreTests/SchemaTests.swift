import Foundation
import GRDB
import PetitionsDomain
import PetitionsTestSupport
import Synchronization
import Testing

@testable import PetitionsStore

/// One entry of `sqlite_master`, with its SQL written on one line.
struct SchemaObject: Hashable, CustomStringConvertible {
    let type: String
    let name: String
    let table: String
    let sql: String

    var description: String { "\(type) \(name) on \(table): \(sql)" }
}

/// The schema objects of a database, leaving out SQLite's own and GRDB's migration log.
func schemaObjects(_ db: Database) throws -> [SchemaObject] {
    try Row.fetchAll(
        db,
        sql: """
            SELECT type, name, tbl_name, sql FROM sqlite_master
            WHERE name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'
            ORDER BY type, name
            """
    ).map {
        let sql: String = $0["sql"] ?? ""
        return SchemaObject(
            type: $0["type"], name: $0["name"], table: $0["tbl_name"],
            sql: sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }
}

@Suite("Schema")
struct SchemaTests {
    @Test("the migrations build exactly what schema.sql describes")
    func noDrift() throws {
        let schemaText = try String(contentsOf: repositoryRoot.appendingPathComponent("schema.sql"), encoding: .utf8)
        let reference = try DatabaseQueue()
        try reference.write { db in try db.execute(sql: schemaText) }
        let (expected, expectedID): ([SchemaObject], Int32) = try reference.read { db in
            (try schemaObjects(db), try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
        }

        try withLedger { temporary in
            let queue = try openRaw(temporary.path, readonly: true)
            defer { try? queue.close() }
            let (actual, actualID): ([SchemaObject], Int32) = try queue.read { db in
                (try schemaObjects(db), try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
            }
            #expect(actual.count > 20)
            // Names are unique in sqlite_master, so the two lists are equal when neither has an object the other lacks.
            let missing = Set(expected).subtracting(actual).sorted { $0.name < $1.name }
            let extra = Set(actual).subtracting(expected).sorted { $0.name < $1.name }
            if !missing.isEmpty {
                Issue.record("In schema.sql but not built by the migrations:\n\(missing.map(\.description).joined(separator: "\n"))")
            }
            if !extra.isEmpty {
                Issue.record("Built by the migrations but not in schema.sql:\n\(extra.map(\.description).joined(separator: "\n"))")
            }
            #expect(actual.count == expected.count)
            #expect(actualID == expectedID)
            #expect(actualID == 0x5045_544E)  // "PETN"
        }
    }

    @Test("the index's Greek letters (search_fold_letter) are exactly those a query folds, to the same base letters")
    func greekFoldingAgrees() throws {
        try withLedger { temporary in
            let queue = try openRaw(temporary.path, readonly: true)
            defer { try? queue.close() }
            let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT letter, base FROM search_fold_letter") }
            // By code point: Swift's strings compare canonically, and ά (U+1F71) is ά (U+03AC) to them, not to SQLite.
            let table = Dictionary(
                uniqueKeysWithValues: rows.map { (($0["letter"] as String).unicodeScalars.first?.value ?? 0, $0["base"] as String) })
            #expect(table.count == 240 && table[0x1FC6] == "η" && table[0x1F08] == "Α" && table[0x1F85] == "α")
            for value in Array(0x0370...0x03FF) + Array(0x1F00...0x1FFF) {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
                let letter = String(Character(scalar))
                let folded = SearchText.ftsQuery(letter)
                let expected = table[UInt32(value)] ?? letter
                #expect(Array(folded.unicodeScalars) == Array(expected.unicodeScalars), "U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }

    /// A ledger as the first version left it (only v1 applied), with `rows` written into it, in a folder of its own.
    static func firstSchemaLedger(_ rows: String? = nil) throws -> (path: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("v1.sqlite").path
        let pool = try DatabasePool(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: Schema.v1) }
        try migrator.migrate(pool)
        if let rows { try pool.write { db in try db.execute(sql: rows) } }
        try pool.close()
        return (path, folder)
    }

    @Test("a ledger of the first schema is brought up to date on opening, its rows kept and its constraints as strict")
    func firstSchemaUpgrades() throws {
        let (path, folder) = try Self.firstSchemaLedger(
            """
            INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
            VALUES ('00000000-0000-4000-8000-000000000001', 'authority.added', '1920-03-04', '2026-11-25T00:00:00Z', 'clerk', 'dmitrov', 'Authority added', '{}');
            INSERT INTO party(kind, handle, name, office, event_id) VALUES ('authority', 'sovnarkom', 'Sovnarkom', 'dmitrov', 1);
            INSERT INTO event_subject VALUES (1, 'party', 1);
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Ledger(
            path: path, context: RecordingContext(actor: "clerk", office: "dmitrov", today: try day("1920-03-04")), defaultUnits: [])
        #expect(try ledger.party("sovnarkom").name == "Sovnarkom")
        let queue = try openRaw(path)
        defer { try? queue.close() }
        try queue.write { db in
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == Schema.migrations.map(\.id))
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'event_subject'") ?? ""
            #expect(sql.contains("subject_type = 'party' OR"))
            #expect(throws: DatabaseError.self) { try db.execute(sql: "INSERT INTO event_subject VALUES (1, 'parish', 1)") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE party SET kind = 'clan'") }
            try db.execute(sql: "INSERT INTO event_subject VALUES (1, 'decree', 7)")
        }
    }

    @Test("v6 rebuilds the delivery table with its rows, ids, items and receipts, and never gives an id any event named")
    func deliveryIdsAreNotReused() throws {
        let (path, folder) = try Self.firstSchemaLedger(
            """
            INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
            VALUES ('00000000-0000-4000-8000-000000000001', 'authority.added', '1920-03-04', '2026-11-25T00:00:00Z', 'clerk', 'dmitrov', 'x', '{}');
            INSERT INTO party(kind, handle, name, office, event_id) VALUES ('authority', 'sovnarkom', 'Sovnarkom', 'dmitrov', 1);
            INSERT INTO party(kind, handle, name, office, event_id) VALUES ('group', 'dmitrov-post', 'Dmitrov', 'dmitrov', 1);
            INSERT INTO unit(name, dimension, base) VALUES ('funt', 'mass', 409512410);
            INSERT INTO decree(handle, name, issued, supplier_id, office, event_id) VALUES ('decree-1918', 'Decree', '1918-08-15', 1, 'dmitrov', 1);
            INSERT INTO delivery(id, decree_id, recipient_id, period, due, office, event_id) VALUES (1, 1, 2, '1919-09', '1919-09-01', 'dmitrov', 1);
            INSERT INTO delivery(id, decree_id, recipient_id, period, due, status, office, event_id)
              VALUES (3, 1, 2, '1919-10', '1919-10-01', 'partial', 'dmitrov', 1);
            INSERT INTO delivery_item(delivery_id, commodity, unit, expected, received) VALUES (3, 'wheat', 'funt', 1000, 500);
            INSERT INTO receipt(delivery_id, day, office, event_id) VALUES (3, '1919-10-05', 'dmitrov', 1);
            INSERT INTO event_subject VALUES (1, 'delivery', 9);
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Ledger(path: path, context: RecordingContext(actor: "clerk", office: "dmitrov", today: try day("1920-03-04")), defaultUnits: [])
        let queue = try openRaw(path)
        defer { try? queue.close() }
        try queue.write { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM delivery ORDER BY id") == [1, 3])
            #expect(try String.fetchOne(db, sql: "SELECT status FROM delivery WHERE id = 3") == "partial")
            #expect(try Int64.fetchOne(db, sql: "SELECT received FROM delivery_item WHERE delivery_id = 3") == 500)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'delivery' ORDER BY name")
            #expect(indexes.filter { !$0.hasPrefix("sqlite_autoindex") } == ["delivery_open", "delivery_period", "delivery_recipient"])
            #expect(indexes.contains { $0.hasPrefix("sqlite_autoindex") }, "UNIQUE (decree_id, recipient_id, period) kept")
            try db.execute(
                sql:
                    "INSERT INTO delivery(decree_id, recipient_id, period, due, office, event_id) VALUES (1, 2, '1919-11', '1919-11-01', 'dmitrov', 1)"
            )
            #expect(db.lastInsertedRowID == 10, "above 9, the id an event names though its delivery is gone")
            try db.execute(sql: "DELETE FROM delivery WHERE id = 10")
            try db.execute(
                sql:
                    "INSERT INTO delivery(decree_id, recipient_id, period, due, office, event_id) VALUES (1, 2, '1919-11', '1919-11-01', 'dmitrov', 1)"
            )
            #expect(db.lastInsertedRowID == 11, "a deleted id is not given again")
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql:
                        "INSERT INTO delivery(decree_id, recipient_id, period, due, office, event_id) VALUES (1, 2, '1919-11', '1919-11-01', 'dmitrov', 1)"
                )
            }
        }
    }

    @Test("v8 reads back from an older ledger's event log when each dependant and head-count was in force")
    func householdSpansFromTheLog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-v7-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v7.sqlite").path
        let pool = try DatabasePool(path: path)
        var migrator = DatabaseMigrator()
        for m in Schema.migrations.prefix(while: { $0.id != "v8" }) { migrator.registerMigration(m.id, migrate: m.apply) }
        try migrator.migrate(pool)
        func event(_ n: Int, _ kind: String, _ day: String, _ party: Int, _ payload: String) -> String {
            """
            INSERT INTO event(id, uuid, kind, day, recorded_at, actor, office, summary, payload)
            VALUES (\(n), '00000000-0000-4000-8000-00000000000\(n)', '\(kind)', '\(day)', '2026-11-25T00:00:0\(n)Z', 'clerk', 'dmitrov', 'x', '\(payload)');
            INSERT INTO event_subject VALUES (\(n), 'party', \(party));
            """
        }
        try pool.write { db in
            try db.execute(
                sql: event(
                    1, "petitioner.added", "1919-01-01", 1,
                    #"{"handle":"kropotkin","name":"Kropotkin","dependants":[{"name":"Anna","category":"dependant"}]}"#)
                    + event(2, "group.added", "1919-01-01", 2, #"{"handle":"post","name":"Post","counts":{"employee":125}}"#)
                    + event(3, "dependant.added", "1920-02-01", 1, #"{"person":"kropotkin","name":"Boris","category":"dependant"}"#)
                    + event(4, "dependant.removed", "1920-04-01", 1, #"{"person":"kropotkin","name":"Boris","category":"dependant"}"#)
                    + event(
                        5, "party.updated", "1920-05-01", 2,
                        #"{"handle":"post","kind":"group","before":{"counts":{"employee":125}},"after":{"counts":{"employee":200}}}"#)
                    + event(6, "dependant.added", "1920-06-01", 1, #"{"person":"kropotkin","name":"Sofia","category":"dependant"}"#)
                        + """
                        INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (1, 'person', 'kropotkin', 'Kropotkin', 'dmitrov', 1);
                        INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (2, 'group', 'post', 'Post', 'dmitrov', 2);
                        INSERT INTO dependant(person_id, name, category) VALUES (1, 'Anna', 'dependant'), (1, 'Sofia', 'dependant');
                        INSERT INTO group_count(group_id, category, count) VALUES (2, 'employee', 200);
                        """)
        }
        try pool.close()
        let ledger = try Ledger(
            path: path, context: RecordingContext(actor: "clerk", office: "dmitrov", today: try day("1920-07-01")), defaultUnits: [])
        let scope = try ledger.resolve(ReportScope())
        let counted = try ["1919-06-01", "1920-03-01", "1920-04-01", "1920-05-01", "1920-06-01"].map {
            try ledger.reportCounts(scope, asOf: try day($0)).householdMembers
        }
        // Kropotkin and Anna (recorded with him) and 125; Boris from February to March; 200 from May; Sofia from June.
        #expect(counted == [127, 128, 127, 202, 203], "\(counted)")
    }

    @Test("v9 mends a v8 ledger where a head-count dated before a later one was counted beside it")
    func overlappingHeadCountsMended() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-v8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v8.sqlite").path
        let pool = try DatabasePool(path: path)
        var migrator = DatabaseMigrator()
        for m in Schema.migrations.prefix(while: { $0.id != "v9" }) { migrator.registerMigration(m.id, migrate: m.apply) }
        try migrator.migrate(pool)
        try pool.write { db in
            // What v8's triggers wrote for: group added with 125 employees, 200 from 1 June, then 150 from 1 May
            // (recorded last); a dependant removed on 15 June who was added on 1 July.
            try db.execute(
                sql: """
                    INSERT INTO event(id, uuid, kind, day, recorded_at, actor, office, summary, payload)
                    VALUES (1, '00000000-0000-4000-8000-000000000001', 'petitioner.added', '1919-01-01', '2026-11-25T00:00:01Z', 'clerk', 'dmitrov', 'x',
                            '{"handle":"kropotkin","name":"Kropotkin"}'),
                           (2, '00000000-0000-4000-8000-000000000002', 'group.added', '1919-01-01', '2026-11-25T00:00:02Z', 'clerk', 'dmitrov', 'x',
                            '{"handle":"post","name":"Post","counts":{"employee":125}}');
                    INSERT INTO event_subject VALUES (1, 'party', 1), (2, 'party', 2);
                    INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (1, 'person', 'kropotkin', 'Kropotkin', 'dmitrov', 1);
                    INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (2, 'group', 'post', 'Post', 'dmitrov', 2);
                    INSERT INTO group_count(group_id, category, count) VALUES (2, 'employee', 150);
                    DELETE FROM group_count_span; DELETE FROM dependant_span;
                    INSERT INTO group_count_span(id, group_id, category, count, from_day, to_day) VALUES
                      (1, 2, 'employee', 125, NULL, '1920-06-01'), (2, 2, 'employee', 200, '1920-06-01', '1920-05-01'),
                      (3, 2, 'employee', 150, '1920-05-01', NULL);
                    INSERT INTO dependant_span(id, dependant_id, person_id, name, category, from_day, to_day) VALUES
                      (1, NULL, 1, 'Sofia', 'dependant', '1920-07-01', '1920-06-15');
                    """)
        }
        try pool.close()
        let ledger = try Ledger(
            path: path, context: RecordingContext(actor: "clerk", office: "dmitrov", today: try day("1920-07-01")), defaultUnits: [])
        let scope = try ledger.resolve(ReportScope())
        let counted = try ["1920-04-30", "1920-05-01", "1920-06-01", "1920-07-01"].map {
            try ledger.reportCounts(scope, asOf: try day($0)).householdMembers
        }
        // Kropotkin and 125; the 150 from 1 May (125 no longer beside it, 200 never); Sofia never.
        #expect(counted == [126, 151, 151, 151], "\(counted)")
        let problems = try ledger.verify()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("v11 lists and indexes an older ledger's status-change notes and indexes its persons' dependants")
    func statusNotesAndDependantsFromAnOlderLedger() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-v10-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v10.sqlite").path
        let pool = try DatabasePool(path: path)
        var migrator = DatabaseMigrator()
        for m in Schema.migrations.prefix(while: { $0.id != "v11" }) { migrator.registerMigration(m.id, migrate: m.apply) }
        try migrator.migrate(pool)
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event(id, uuid, kind, day, recorded_at, actor, office, summary, payload) VALUES
                      (1, '00000000-0000-4000-8000-000000000001', 'petitioner.added', '1920-01-01', '2026-11-25T00:00:01Z', 'vera', 'dmitrov', 'x',
                       '{"handle":"yusuf","name":"Amina Yusuf","dependants":[{"name":"Pavel Yusuf","category":"child"}]}'),
                      (2, '00000000-0000-4000-8000-000000000002', 'authority.added', '1920-01-01', '2026-11-25T00:00:02Z', 'vera', 'dmitrov', 'x',
                       '{"handle":"supply","name":"Supply"}'),
                      (3, '00000000-0000-4000-8000-000000000003', 'petition.logged', '1920-01-05', '2026-11-25T00:00:03Z', 'vera', 'dmitrov', 'x',
                       '{"from":"yusuf","to":"supply","subject":"Flour","opened":"1920-01-05"}');
                    INSERT INTO event_subject VALUES (1, 'party', 1), (2, 'party', 2), (3, 'party', 1), (3, 'party', 2);
                    INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (1, 'person', 'yusuf', 'Amina Yusuf', 'dmitrov', 1);
                    INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (2, 'authority', 'supply', 'Supply', 'dmitrov', 2);
                    INSERT INTO dependant(person_id, name, category) VALUES (1, 'Pavel Yusuf', 'child');
                    INSERT INTO petition(id, petitioner_id, authority_id, subject, opened, status, status_since, office, event_id)
                      VALUES (1, 1, 2, 'Flour', '1920-01-05', 'answered', '1920-01-10', 'dmitrov', 3);
                    INSERT INTO event_subject VALUES (3, 'petition', 1);
                    INSERT INTO event(id, uuid, kind, day, recorded_at, actor, office, summary, payload) VALUES
                      (4, '00000000-0000-4000-8000-000000000004', 'petition.status_changed', '1920-01-10', '2026-11-25T00:00:04Z', 'oleg', 'klin', 'x',
                       '{"petition":1,"from":"open","to":"answered","note":"Moscow promised barley"}');
                    INSERT INTO event_subject VALUES (4, 'petition', 1);
                    """)
            // What v10 held: the note only in the event, Pavel not in the index.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM petition_note") == 0)
        }
        try pool.close()
        let ledger = try Ledger(
            path: path, context: RecordingContext(actor: "clerk", office: "dmitrov", today: try day("1920-07-01")), defaultUnits: [])
        let notes = try ledger.notes(petition: 1)
        #expect(notes.count == 1, "\(notes)")
        let tenth = try day("1920-01-10")
        #expect(notes.first?.text == "Moscow promised barley" && notes.first?.on == tenth, "\(notes)")
        #expect(notes.first?.recordedBy == "oleg" && notes.first?.office == "klin", "\(notes)")
        #expect(notes.first?.statusChange == PetitionNote.StatusChange(from: "open", to: "answered"), "\(notes)")
        #expect(try ledger.search("barley").map(\.kind) == [.note])
        #expect(try ledger.search("pavel").map(\.handle) == ["yusuf"])
        let problems = try ledger.verify()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("a ledger of the first schema opened by eight clerks at once is brought up to date once, and every one of them opens it")
    func concurrentUpgrade() throws {
        for round in 0..<5 {
            let (path, folder) = try Self.firstSchemaLedger()
            defer { try? FileManager.default.removeItem(at: folder) }
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do {
                    _ = try Ledger(
                        path: path, context: RecordingContext(actor: "clerk", office: "dmitrov", today: try day("1920-03-04")), defaultUnits: [])
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            #expect(failures.withLock { $0 } == [], "round \(round)")
            let queue = try openRaw(path, readonly: true)
            #expect(try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == Schema.migrations.map(\.id))
            try queue.close()
        }
    }

    @Test("a fresh ledger has its migrations recorded and foreign keys that hold")
    func freshLedgerIsConsistent() throws {
        try withLedger { temporary in
            let queue = try openRaw(temporary.path, readonly: true)
            defer { try? queue.close() }
            let (migrations, violations, journal) = try queue.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
                    try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                    try String.fetchOne(db, sql: "PRAGMA journal_mode")
                )
            }
            #expect(migrations == Schema.migrations.map(\.id))
            #expect(violations == 0)
            #expect(journal == "wal")
        }
    }

    @Test("the ledger schema that --version reports is the last migration a fresh ledger records")
    func reportedSchemaVersion() throws {
        try withLedger { temporary in
            let queue = try openRaw(temporary.path, readonly: true)
            defer { try? queue.close() }
            let migrations = try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(migrations == Schema.migrations.map(\.id))
            #expect(migrations.last == "v\(Ledger.schemaVersion)")
        }
    }
}
