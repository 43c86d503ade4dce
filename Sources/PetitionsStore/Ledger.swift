import Foundation
import GRDB
import PetitionsDomain

/// Who is recording, for which office, and when: everything an event needs besides its facts.
public struct RecordingContext: Sendable {
    public var actor: String
    public var office: String
    /// The moment of recording, injected so tests can fix it.
    public var now: @Sendable () -> Date
    /// The day used when a command is not given one.
    public var today: Day

    public init(actor: String, office: String, today: Day, now: @escaping @Sendable () -> Date = { Date() }) {
        self.actor = actor
        self.office = office
        self.today = today
        self.now = now
    }
}

/// The identity of one event: its UUID, when it was written, by whom and for which office. A command of this
/// ledger gets a new one; an event merged from another office's log keeps its own.
struct EventStamp: Sendable {
    var uuid: String
    var recordedAt: String
    var actor: String
    var office: String
}

/// The ledger: one SQLite file, opened through GRDB, whose every write is one transaction that appends its event.
/// A `Sendable` facade over a private database reader and writer: nothing about it changes once opened. Who
/// records and how reply due days are worked out are given when it is opened, or by `recording(as:dueDays:)`,
/// which returns another facade over the same database.
public final class Ledger: Sendable {
    /// Where the ledger lives.
    public let path: String
    let reader: any DatabaseReader
    let writer: (any DatabaseWriter)?
    /// Units of measure known to this ledger.
    public let units: UnitCatalog
    /// Who records, for which office, and today.
    public let context: RecordingContext
    /// Works out a waiting letter's reply due day (the rules and calendar in force), given by the application.
    /// Letters recorded without it get no stored due day, and `rules apply` fills them in later.
    let dueDays: (any ReplyDeadlines)?
    /// Parties and decrees already resolved by reference during one bulk import.
    let lookups = LookupCache()
    /// Reads go through the writer's connection (one command in its own process): a reader's connection would parse
    /// the schema again, 6.5 of the 105 million instructions of a `letter send`. A server keeps its readers.
    let readsOnWriter: Bool

    /// Another facade over the same open database, recording as `context` and working out due days with `dueDays`.
    public func recording(as context: RecordingContext? = nil, dueDays: (any ReplyDeadlines)?) -> Ledger {
        Ledger(
            path: path, reader: reader, writer: writer, units: units, context: context ?? self.context, dueDays: dueDays,
            readsOnWriter: readsOnWriter)
    }

    private init(
        path: String, reader: any DatabaseReader, writer: (any DatabaseWriter)?, units: UnitCatalog,
        context: RecordingContext, dueDays: (any ReplyDeadlines)?, readsOnWriter: Bool
    ) {
        self.path = path
        self.reader = reader
        self.writer = writer
        self.units = units
        self.context = context
        self.dueDays = dueDays
        self.readsOnWriter = readsOnWriter
    }

    /// The schema version this program writes: its migrations are `v1` … `vN`, and this is N (the highest number, as
    /// branches add migrations with numbers given out in advance).
    public static var schemaVersion: Int { Schema.migrations.compactMap { Int($0.id.dropFirst()) }.max() ?? Schema.migrations.count }

    /// Opens (and creates on first use) the ledger at `path`.
    /// A file that is not a petitions ledger, or was written by a newer version, is refused and left untouched.
    // Longer than 60 lines on purpose: opening is one sequence: refuse, create or inspect, open, migrate, read the units.
    /// `mappedBytes`: how much of the file SQLite reads through a memory map (`PRAGMA mmap_size`) instead of copying
    /// each page it reads; 0 (the default, for one command) reads by copying. A long-lived server gives more: after
    /// every write its readers' page caches are dropped and the pages read again, and a map saves the copies.
    /// `readsOnWriter`: one command in its own process, reading on the connection it writes with (see the property).
    public init(
        path: String, context: RecordingContext, defaultUnits: [MeasureUnit], readOnly: Bool = false, mappedBytes: Int64 = 0,
        readsOnWriter: Bool = false
    ) throws {
        self.path = path
        self.context = context
        self.dueDays = nil
        try Ledger.requireRegularFile(path)
        let exists = try !Ledger.createIfMissing(path: path)
        if exists { try Ledger.inspect(path: path) }
        let writable = access(path, W_OK) == 0 && access(FilePaths.folder(of: path).isEmpty ? "." : FilePaths.folder(of: path), W_OK) == 0
        // A read-only -shm or -wal left beside a writable ledger stops writing, not reading: read it read-only.
        let leftover = exists ? Ledger.readOnlyCompanion(path) : nil
        if readOnly && exists && (!writable || leftover != nil) {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(10)
            if mappedBytes > 0 { config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(mappedBytes)") } }
            let queue = try Ledger.wrap(path) { try DatabaseQueue(path: Ledger.readOnlyLocation(path), configuration: config) }
            try Ledger.wrap(path) { try queue.read { try Ledger.refuseNewer($0, path: path) } }
            reader = queue
            writer = nil
        } else {
            if let leftover { throw Ledger.leftover(leftover, of: path) }
            guard writable else {
                throw PetitionsError("The ledger \(Ledger.shown(path)) is read-only (or its folder is); nothing was recorded.", code: .noPermission)
            }
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.foreignKeysEnabled = true
            if mappedBytes > 0 { config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(mappedBytes)") } }
            let database = try Ledger.wrap(path) { try Ledger.connect(path, configuration: config, oneConnection: readsOnWriter) }
            try Ledger.wrap(path) {
                try database.writeWithoutTransaction { try Ledger.refuseNewer($0, path: path) }
                do {
                    try Ledger.migrator.migrate(database)
                } catch {
                    // Another process opening the same ledger at the same moment (clerks starting work after an
                    // upgrade) may have applied the same migration between this one's check and its write: this
                    // one's attempt was rolled back. The other may still be applying later ones, so this one tries
                    // again from where the ledger now is, a few times, before it gives up.
                    var lastError = error
                    for _ in 0..<8 where (try? database.read { try Ledger.migrator.hasCompletedMigrations($0) }) != true {
                        do { try Ledger.migrator.migrate(database) } catch { lastError = error }
                    }
                    guard (try? database.read { try Ledger.migrator.hasCompletedMigrations($0) }) == true else { throw lastError }
                }
            }
            reader = database
            writer = database
        }
        self.readsOnWriter = readsOnWriter && writer != nil
        // On the writer's connection when there is one: a recording command then opens no reader's connection (and
        // parses the schema once, not twice).
        let stored = try writer.map { try $0.writeWithoutTransaction { try Ledger.storedUnits($0) } } ?? reader.read { try Ledger.storedUnits($0) }
        if stored.isEmpty {
            units = try UnitCatalog(defaultUnits)
            if let writer {
                try writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        if try Ledger.storedUnits(db).isEmpty {
                            for u in defaultUnits {
                                try db.execute(
                                    sql: "INSERT INTO unit(name, dimension, base) VALUES (?, ?, ?)",
                                    arguments: [u.name, u.dimension, u.base])
                            }
                        }
                        return .commit
                    }
                }
            }
        } else {
            // Stored units win: the ledger stays self-describing; aliases come from the defaults.
            let aliases = Dictionary(defaultUnits.map { ($0.name, $0.aliases) }, uniquingKeysWith: { a, _ in a })
            units = try UnitCatalog(
                stored.map { MeasureUnit(name: $0.name, dimension: $0.dimension, base: $0.base, aliases: aliases[$0.name] ?? []) })
        }
    }

    // MARK: - Transactions and events

    /// Runs `body` as one IMMEDIATE transaction: all of it is recorded, or none of it.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard let writer else {
            throw PetitionsError("The ledger \(Ledger.shown(path)) is read-only; nothing was recorded.", code: .noPermission)
        }
        var result: T?
        try translate {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
            }
        }
        guard let result else { throw PetitionsError("The transaction produced no result.", code: .software) }
        return result
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        guard readsOnWriter, let writer else { return try translate { try reader.read(body) } }
        // Reentrant: a read asked for inside a write (a due day looked up while recording) reads what that write sees.
        return try translate {
            try writer.unsafeReentrantWrite { db in
                if db.isInsideTransaction { return try body(db) }
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw PetitionsError("The read produced no result.", code: .software) }
                return result
            }
        }
    }

    /// Runs `body`, which must run a single statement, outside a transaction: SQLite reads one statement from one
    /// snapshot by itself. The office server asks a few such lookups on every request (the last event, a token), and
    /// the BEGIN and COMMIT around each, parsed anew every time, cost more than the lookup.
    func readStatement<T>(_ body: (Database) throws -> T) throws -> T {
        try translate { try reader.unsafeRead(body) }
    }

    /// How a sentence about a damaged ledger begins (`verify` reports it as a problem instead of failing).
    static func damagedPrefix(_ path: String) -> String { "The ledger \(Ledger.shown(path)) is damaged" }
    static let damagedAdvice = ": part of the file does not read as a database; run petitions verify, and restore it from a backup."

    /// Runs `body`, turning SQLite's errors into sentences about this ledger.
    func translate<T>(_ body: () throws -> T) throws -> T {
        try Ledger.translate {
            do { return try body() } catch let e as DatabaseError where e.resultCode == .SQLITE_CORRUPT {
                throw PetitionsError(Ledger.damagedPrefix(path) + Ledger.damagedAdvice, code: .ioError)
            } catch let e as DatabaseError where e.resultCode == .SQLITE_READONLY {
                guard let companion = Ledger.readOnlyCompanion(path) else { throw e }
                throw Ledger.leftover(companion, of: path)
            }
        }
    }

    static func translate<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError {
            switch e.resultCode {
            case .SQLITE_CORRUPT:
                throw PetitionsError("The ledger is damaged\(damagedAdvice)", code: .ioError)
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw PetitionsError(
                    "The ledger is busy with another command (waited 10 seconds); try again when it is done; nothing was recorded.", code: .ioError)
            case .SQLITE_READONLY:
                throw PetitionsError("The ledger is read-only; nothing was recorded.", code: .noPermission)
            case .SQLITE_CONSTRAINT:
                throw PetitionsError("The ledger refused the change (\(Ledger.plainReason(e))); nothing was recorded.", code: .dataError)
            default:
                throw PetitionsError("The ledger could not complete the command: \(Ledger.plainReason(e)).", code: .ioError)
            }
        }
    }

    /// Appends an event in the current transaction and returns its id. Without a stamp, the event is this
    /// ledger's own, recorded now; with one, it keeps the identity it was given (another office's merged event).
    @discardableResult
    func appendEvent(
        _ db: Database, _ event: LedgerEvent, day: Day, subjects: [Subject], summary: String,
        stamp: EventStamp? = nil
    ) throws -> Int64 {
        let json = try event.payloadText()
        // Decoded only on the rare paths: the text holds a control character (named by its key), or it is longer than
        // the shortest limit (no value can be longer than the payload that holds it).
        let control = Ledger.escapesControlCharacter(json)
        if control || json.utf8.count > TextLimits.line || Ledger.mayHoldLineBreak(json),
            case .object(let payload)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        {
            if control { try Ledger.refuseControlCharacters(in: payload) }
            try Ledger.refuseLongText(in: payload)
        }
        return try insertEvent(
            db, stamp: stamp ?? newStamp(), kind: event.kind, day: day.description, summary: summary, payloadJSON: json,
            subjects: subjects)
    }

    /// Inserts one event row exactly as given, with its subjects.
    @discardableResult
    func insertEvent(
        _ db: Database, stamp: EventStamp, kind: LedgerEvent.Kind, day: String, summary: String, payloadJSON: String,
        subjects: [Subject]
    ) throws -> Int64 {
        try ControlCharacters.refuse(stamp.actor, field: "actor")
        try ControlCharacters.refuse(stamp.office, field: "office")
        try ControlCharacters.refuse(summary, field: "summary")
        try db.execute(
            bound: """
                INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, stamp.uuid, kind.rawValue, day, stamp.recordedAt, stamp.actor, stamp.office, summary, payloadJSON)
        let id = db.lastInsertedRowID
        if subjects.count == 1 {
            try db.execute(
                bound: "INSERT INTO event_subject(event_id, subject_type, subject_id) VALUES (?, ?, ?)", id, subjects[0].type, subjects[0].id)
        } else {
            // Each subject once, in the order given: the few of most events (two parties, a petition, a letter) are looked
            // for among those before them, without hashing a set for each event.
            var seen = Set<Subject>()
            for (i, s) in subjects.enumerated() {
                guard subjects.count > 8 ? seen.insert(s).inserted : !subjects[..<i].contains(s) else { continue }
                try db.execute(bound: "INSERT INTO event_subject(event_id, subject_type, subject_id) VALUES (?, ?, ?)", id, s.type, s.id)
            }
        }
        return id
    }

    /// A stamp for an event this ledger records now: a new UUID, this moment, this actor and office.
    /// `recordedAt` lets a bulk import give all its events the moment it started; `uuid`, its own UUIDs.
    func newStamp(recordedAt: String? = nil, uuid: String? = nil) -> EventStamp {
        EventStamp(
            uuid: uuid ?? Ledger.randomUUID(), recordedAt: recordedAt ?? Ledger.timestamp(context.now()),
            actor: context.actor, office: context.office)
    }

    /// A new UUID in lower case: version 7 (RFC 9562), the moment in milliseconds then random bits, so that
    /// events sort by creation and the UUID index grows at its end instead of at random pages.
    static func randomUUID() -> String {
        var source = UUIDSource(blockSize: 16)
        return source.next()
    }

    /// The text form (8-4-4-4-12 hexadecimal digits) of 16 bytes.
    static func uuidText<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The `recorded_at` form of a moment: ISO 8601 in UTC, to the second (`1920-03-04T10:20:30Z`), as Foundation's
    /// `ISO8601DateFormatter` writes it (the moment taken to the nearest millisecond, then its second). Written here
    /// because the formatter, made for each event, was a quarter of the CPU of recording a letter in the office server
    /// (perf, BENCHMARKS.md).
    static func timestamp(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        // Before 1600 the formatter counts in the Julian calendar; beyond 9999 it writes more digits: it writes those.
        guard seconds.isFinite, seconds >= -11_676_096_000, seconds < 253_402_300_800 else { return ISO8601DateFormatter().string(from: date) }
        let milliseconds = Int64((seconds * 1000).rounded())
        let whole = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let inDay = Int(whole - days * 86_400)
        guard let day = Day(ordinal: Int(days)) else { return ISO8601DateFormatter().string(from: date) }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z"
    }

    // MARK: - Settings

    /// A stored setting of this ledger.
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM setting WHERE key = ?"), arguments: [key]) }
    }

    /// Initialises the ledger: records the office and the `ledger.initialized` event once.
    /// Returns false when it was already initialised.
    @discardableResult
    public func initialize(on day: Day) throws -> Bool {
        try write { db in
            if try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'office'") != nil { return false }
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES ('office', ?)", arguments: [context.office])
            let eventID = try appendEvent(
                db, .ledgerInitialized(LedgerInitialized(office: context.office, units: units.units.map(\.name))), day: day,
                subjects: [], summary: "Ledger initialised for office \(context.office)")
            try addOfficeParty(db, eventID: eventID)
            return true
        }
    }
}

extension Optional where Wrapped == String {
    var json: JSONValue { self.map { .string($0) } ?? .null }
}

extension Optional where Wrapped == Int64 {
    var json: JSONValue { self.map { .int($0) } ?? .null }
}

extension Database {
    /// Runs a statement of fixed SQL, prepared once per connection and reused: bulk imports run the same
    /// few statements a million times.
    func execute(cached sql: String, _ arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
