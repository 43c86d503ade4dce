import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// Runs `body` on a fresh temporary ledger and removes it afterwards.
func withLedger<T>(_ body: (TemporaryLedger) throws -> T) throws -> T {
    let temporary = try TemporaryLedger()
    defer { temporary.remove() }
    return try body(temporary)
}

/// A day from a literal known to be valid in these tests.
func day(_ text: String) throws -> Day { try Day(parsing: text) }

/// A period from a literal known to be valid in these tests.
func period(_ text: String) throws -> Period { try Period(parsing: text) }

/// The repository's root folder, found from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Opens a database file with a connection of our own, outside the ledger.
func openRaw(_ path: String, readonly: Bool = false) throws -> DatabaseQueue {
    var config = GRDB.Configuration()
    config.readonly = readonly
    return try DatabaseQueue(path: path, configuration: config)
}

/// Every row of every table of the ledger file, to show that a failed command changed nothing.
func snapshot(_ path: String) throws -> [String: [Row]] {
    let queue = try openRaw(path, readonly: true)
    defer { try? queue.close() }
    return try queue.read { db in
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        var out: [String: [Row]] = [:]
        for t in tables {
            out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \(t.quotedDatabaseIdentifier)").sorted { $0.description < $1.description }
        }
        return out
    }
}

/// A context for opening ledgers directly, like the one `TemporaryLedger` uses.
func testContext() -> RecordingContext {
    RecordingContext(actor: "tester", office: "test", today: TemporaryLedger.today, now: { TemporaryLedger.now })
}

/// The ledger's authorities, group, persons, petition and decree that several tests share.
struct Scene {
    let ledger: Ledger
    let authority: Party
    let supplier: Party
    let group: Party
    let person: Party
    let petition: Petition

    init(_ ledger: Ledger) throws {
        self.ledger = ledger
        authority = try ledger.addAuthority(
            name: "Moscow Soviet", handle: "moscow-soviet", parent: nil, replyWithin: Span(20, .workingDays), on: day("1919-12-01"))
        supplier = try ledger.addAuthority(name: "Narkomprod", handle: "narkomprod", parent: nil, replyWithin: nil, on: day("1919-12-01"))
        group = try ledger.addGroup(
            name: "Dmitrov Cooperative", handle: nil, district: "Dmitrov",
            counts: [HeadCount(category: "employee", count: 125), HeadCount(category: "incapacitated", count: 140)], on: day("1919-12-02"))
        person = try ledger.addPetitioner(
            name: "Pëtr Kropotkin", handle: nil, district: "Dmitrov", occupation: "writer", groups: [],
            dependants: [], on: day("1919-12-02"))
        petition = try ledger.logPetition(
            from: person.handle, to: authority.handle, subject: "Firewood for the museum", on: day("1920-01-10"), via: nil, category: "fuel")
    }
}
