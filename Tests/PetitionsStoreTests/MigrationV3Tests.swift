import Foundation
import GRDB
import PetitionsDomain
import Testing

@testable import PetitionsStore

@Suite("Migration v3: the office as a party, receipts that can be voided, case notes")
struct MigrationV3Tests {
    @Test("an initialised ledger of an earlier schema gets its office party (id 0) from the stored office, its other ids unmoved")
    func officePartyFromSetting() throws {
        let (path, folder) = try SchemaTests.firstSchemaLedger(
            """
            INSERT INTO setting(key, value) VALUES ('office', 'Dmitrov');
            INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
            VALUES ('00000000-0000-4000-8000-000000000001', 'ledger.initialized', '1920-03-04', '2026-11-25T00:00:00Z', 'clerk', 'Dmitrov', 'Ledger initialised', '{}');
            INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
            VALUES ('00000000-0000-4000-8000-000000000002', 'authority.added', '1920-03-04', '2026-11-25T00:00:00Z', 'clerk', 'Dmitrov', 'Authority added', '{}');
            INSERT INTO party(kind, handle, name, office, event_id) VALUES ('authority', 'sovnarkom', 'Sovnarkom', 'Dmitrov', 2);
            INSERT INTO event_subject VALUES (2, 'party', 1);
            """)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = try Ledger(
            path: path, context: RecordingContext(actor: "clerk", office: "Dmitrov", today: try Day(parsing: "1920-03-04")), defaultUnits: [])
        let office = try #require(try ledger.officeParty())
        #expect(office.id == 0 && office.kind == .office && office.handle == "dmitrov" && office.name == "Dmitrov")
        #expect(try ledger.party("sovnarkom").id == 1)
        let problems = try ledger.verify()
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("an office handle that another party holds gets a number")
    func officeHandleTaken() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE party (id INTEGER PRIMARY KEY, handle TEXT)")
            try db.execute(sql: "INSERT INTO party(handle) VALUES ('dmitrov')")
            #expect(try Schema.officeHandle(db, "Dmitrov") == "dmitrov-2")
            #expect(try Schema.officeHandle(db, "Отдел №1") == "office")
            #expect(try Schema.officeHandle(db, "Klin office") == "klin-office")
        }
    }
}
