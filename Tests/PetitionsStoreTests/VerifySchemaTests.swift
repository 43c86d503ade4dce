import Foundation
import GRDB
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// `verify` on a ledger whose schema was changed behind its back (with `sqlite3`): each change named, never "an
/// unexpected failure", and a ledger as petitions made it still OK.
@Suite("Verify: the schema")
struct VerifySchemaTests {
    /// The problems `verify` finds after `sql` ran on a fresh ledger's file.
    static func problems(after sql: String) throws -> [String] {
        try withLedger { temporary in
            let raw = try openRaw(temporary.path)
            try raw.write { db in try db.execute(sql: sql) }
            try raw.close()
            return try temporary.ledger.verify()
        }
    }

    @Test("a fresh ledger's schema is as the migrations build it")
    func aFreshLedgerIsOK() throws {
        #expect(try withLedger { try $0.ledger.verify() } == [])
        // An index of one's own speeds a query and changes nothing: it is not a problem.
        #expect(try Self.problems(after: "CREATE INDEX mine ON letter(subject)") == [])
    }

    @Test("a dropped table, a dropped or added trigger and a table changed in sqlite_master are each named")
    func changesToTheSchemaAreNamed() throws {
        let dropped = try Self.problems(after: "DROP TABLE search")
        #expect(
            dropped.contains("schema: the table search is missing; the ledger was changed with another tool; restore it from a backup"), "\(dropped)")
        let trigger = try Self.problems(after: "DROP TRIGGER event_no_update")
        #expect(trigger == ["schema: the trigger event_no_update is missing; the ledger was changed with another tool; restore it from a backup"])
        let added = try Self.problems(after: "CREATE TRIGGER wipe AFTER INSERT ON letter BEGIN DELETE FROM petition_note; END")
        #expect(added.count == 1 && added[0].hasPrefix("schema: the trigger wipe was not made by petitions"), "\(added)")
        let loose = try Self.problems(
            after: "PRAGMA writable_schema = 1; UPDATE sqlite_master SET sql = replace(sql, 'STRICT', '') WHERE name = 'party'")
        #expect(loose == ["schema: the table party is not as petitions made it; the ledger was changed with another tool; restore it from a backup"])
    }

    @Test("a command on a ledger missing a table says its schema is missing part and that verify names what")
    func aMissingTableIsSaidInWords() throws {
        try withLedger { temporary in
            let raw = try openRaw(temporary.path)
            try raw.write { db in try db.execute(sql: "DROP TABLE search") }
            try raw.close()
            let error = try #require(throws: PetitionsError.self) {
                try temporary.ledger.addAuthority(name: "A1", handle: "a1", parent: nil, replyWithin: nil, on: TemporaryLedger.today)
            }
            #expect(
                error.message
                    == "The ledger could not complete the command: part of its schema is missing (it was changed with another tool); petitions verify names what.",
                "\(error)")
        }
    }
}
