import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

@Suite("Ledger file")
struct LedgerFileTests {
    /// Opens the ledger at `path` as the program would.
    func open(_ path: String) throws -> Ledger {
        try Ledger(path: path, context: testContext(), defaultUnits: try UnitsFile.defaults())
    }

    /// The names of the files in `directory`.
    func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("a new ledger is readable and writable by its owner only")
    func mode0600() throws {
        try withLedger { temporary in
            let attributes = try FileManager.default.attributesOfItem(atPath: temporary.path)
            let mode = try #require(attributes[.posixPermissions] as? NSNumber).intValue
            #expect(mode & 0o777 == 0o600)
        }
    }

    @Test("a missing folder is created, for its owner only")
    func createsFolder() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("data/petitions/ledger.sqlite").path
        let ledger = try open(path)
        _ = try ledger.addAuthority(name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: nil, on: day("1919-12-01"))
        let folder = try FileManager.default.attributesOfItem(atPath: (path as NSString).deletingLastPathComponent)
        #expect(try #require(folder[.posixPermissions] as? NSNumber).intValue & 0o777 == 0o700)
        #expect(try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue & 0o777 == 0o600)
    }

    @Test("a file that is not SQLite is refused and left byte for byte unchanged")
    func notSQLite() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("notes.sqlite")
        let content = Data("hello".utf8)
        try content.write(to: url)
        let error = try #require(throws: PetitionsError.self) { try open(url.path) }
        #expect(error.message.contains(url.path))
        #expect(error.message.contains("not a petitions ledger"))
        #expect(try Data(contentsOf: url) == content)
        #expect(try files(in: directory) == ["notes.sqlite"])
    }

    @Test("an SQLite database that is not a ledger is refused and left byte for byte unchanged")
    func foreignSQLite() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("accounts.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE account(id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO account(owner) VALUES ('Kropotkin')")
        }
        try queue.close()
        let content = try Data(contentsOf: url)

        let error = try #require(throws: PetitionsError.self) { try open(url.path) }
        #expect(error.message.contains("not a petitions ledger"))
        #expect(try Data(contentsOf: url) == content)
        #expect(try files(in: directory) == ["accounts.sqlite"])
    }

    @Test("a ledger written by a newer version is refused")
    func newerLedger() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do {
            let ledger = try open(path)
            _ = try ledger.addAuthority(name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: nil, on: day("1919-12-01"))
        }
        let queue = try openRaw(path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99')") }
        try queue.close()

        let error = try #require(throws: PetitionsError.self) { try open(path) }
        #expect(error.message.contains("newer"))
        #expect(error.message.contains("v99"))

        let check = try openRaw(path, readonly: true)
        defer { try? check.close() }
        let (migrations, parties) = try check.read { db in
            (
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM party")
            )
        }
        #expect(migrations.first == "v1" && migrations.last == "v99" && migrations.contains("v\(Ledger.schemaVersion)"), "\(migrations)")
        #expect(parties == 1)
    }

    @Test("a newer ledger missing one of this version's migrations is refused before that migration is applied")
    func newerLedgerNotMigrated() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do { _ = try open(path) }
        // As a newer version branching off before this one's last migration would leave it: that migration's row gone,
        // a migration this version does not know in its place.
        let last = "v\(Ledger.schemaVersion)"
        let queue = try openRaw(path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last])
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99')")
        }
        try queue.close()
        let before = try snapshot(path)

        let error = try #require(throws: PetitionsError.self) { try open(path) }
        #expect(error.message.contains("newer version of petitions (schema v99)"), "\(error.message)")
        #expect(try snapshot(path) == before)
    }

    @Test("a newer ledger is refused by a reading command too, and left unchanged")
    func newerLedgerRead() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do { _ = try open(path) }
        let queue = try openRaw(path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99')") }
        try queue.close()
        let before = try snapshot(path)

        let error = try #require(throws: PetitionsError.self) {
            try Ledger(path: path, context: testContext(), defaultUnits: try UnitsFile.defaults(), readOnly: true)
        }
        #expect(error.message.contains("newer version of petitions (schema v99)"), "\(error.message)")
        #expect(try snapshot(path) == before)
    }

    @Test("an SQLite database in WAL mode whose tables are still only in its log is refused and left unchanged")
    func foreignSQLiteInWAL() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("accounts.sqlite")
        let other = try DatabasePool(path: url.path)
        try other.write { db in
            try db.execute(sql: "CREATE TABLE account(id INTEGER PRIMARY KEY, owner TEXT); INSERT INTO account(owner) VALUES ('Kropotkin')")
        }
        let before = try other.read { db in try Row.fetchAll(db, sql: "SELECT * FROM account") }

        let error = try #require(throws: PetitionsError.self) { try open(url.path) }
        #expect(error.message.contains("not a petitions ledger"), "\(error.message)")
        #expect(try other.read { db in try Row.fetchAll(db, sql: "SELECT * FROM account") } == before)
        #expect(try other.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") } == ["account"])
        try other.close()
    }

    @Test("a ledger reopened keeps what was recorded")
    func reopen() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do {
            let ledger = try open(path)
            _ = try ledger.addAuthority(name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: Span(20, .workingDays), on: day("1919-12-01"))
        }
        let again = try open(path)
        #expect(try again.party("moscow-soviet").replyWithin == Span(20, .workingDays))
        #expect(try again.events().map(\.kind) == ["authority.added"])
    }

    @Test("the units stored in a ledger win over a different units file when it is reopened")
    func storedUnitsWin() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        do { _ = try open(path) }
        let onlyGrams = [MeasureUnit(name: "g", dimension: "mass", base: 1_000_000)]
        let ledger = try Ledger(path: path, context: testContext(), defaultUnits: onlyGrams)
        #expect(ledger.units.unit(named: "funt")?.base == 409_512_410)
        #expect(ledger.units.unit(named: "pood") != nil)
    }

    @Test("an empty file left by an interrupted first run becomes a ledger")
    func emptyFile() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("ledger.sqlite").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o644]))
        let ledger = try open(path)
        _ = try ledger.addAuthority(name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: nil, on: day("1919-12-01"))
        #expect(try ledger.parties(kind: .authority).map(\.handle) == ["moscow-soviet"])
        // A 0644 file that became a ledger holds personal data: its owner's only, like a new ledger.
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test("a folder, the root, a symlink to a folder or a FIFO as the ledger is refused with a sentence naming it")
    func notARegularFile() throws {
        let directory = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let link = directory.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory.path)
        let fifo = directory.appendingPathComponent("fifo.sqlite").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [directory.path, "/", link, fifo, "/dev/null"] {
            let error = try #require(throws: PetitionsError.self) { try open(path) }
            #expect(error.code == .noInput, "\(path): \(error)")
            #expect(error.message.contains("'\(path)'"), "\(path): \(error)")
        }
    }
}
