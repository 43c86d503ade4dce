import Foundation
import GRDB
import PetitionsDomain

/// What one row of an import file asks the ledger to record: the same facts the single commands take.
public enum RowRequest: Sendable {
    /// `petitioner add`.
    case petitioner(NewPetitioner)
    /// `letter send` or `letter receive`.
    case letter(NewLetter)
    /// `delivery receive`.
    case receipt(NewReceipt)
}

/// A person to record, as `petitioner add` takes it.
public struct NewPetitioner: Sendable {
    public var name: String
    public var handle: String?
    public var district: String?
    public var occupation: String?
    public var groups: [String]
    public var dependants: [Dependant]
    /// The day recorded as of; today when nil.
    public var on: Day?
    public init(name: String, handle: String?, district: String?, occupation: String?, groups: [String], dependants: [Dependant], on: Day?) {
        self.name = name
        self.handle = handle
        self.district = district
        self.occupation = occupation
        self.groups = groups
        self.dependants = dependants
        self.on = on
    }
}

/// A letter to record, as `letter send` or `letter receive` takes it.
public struct NewLetter: Sendable {
    public var direction: Direction
    public var from: String
    public var to: String
    public var on: Day
    public var subject: String
    public var petition: Int64?
    public var inReplyTo: Int64?
    public var channel: Channel
    public var summary: String?
    public var expectsReply: Bool
    public var replyWithin: Span?
    /// The row's own id in an exported file (its `id` column), by which a later row of the file replies to it.
    public var rowID: Int64?
    /// The `id` of the earlier row of the same file whose letter this one answers (an exported file's `in_reply_to`,
    /// which names the ledger the file came from, not this one).
    public var inReplyToRow: Int64?
    public init(
        direction: Direction, from: String, to: String, on: Day, subject: String, petition: Int64?, inReplyTo: Int64?,
        channel: Channel, summary: String?, expectsReply: Bool, replyWithin: Span?, rowID: Int64? = nil, inReplyToRow: Int64? = nil
    ) {
        self.direction = direction
        self.from = from
        self.to = to
        self.on = on
        self.subject = subject
        self.petition = petition
        self.inReplyTo = inReplyTo
        self.channel = channel
        self.summary = summary
        self.expectsReply = expectsReply
        self.replyWithin = replyWithin
        self.rowID = rowID
        self.inReplyToRow = inReplyToRow
    }
}

/// A receipt to record, as `delivery receive` takes it.
public struct NewReceipt: Sendable {
    public var decree: String
    public var recipient: String
    public var period: Period
    public var on: Day
    public var quantities: [String]
    public var note: String?
    public init(decree: String, recipient: String, period: Period, on: Day, quantities: [String], note: String?) {
        self.decree = decree
        self.recipient = recipient
        self.period = period
        self.on = on
        self.quantities = quantities
        self.note = note
    }
}

/// Why one row cannot be recorded: its line and one sentence per problem, each naming the field
/// the way the single commands do (`--on '1920-02-30' does not exist…`).
public struct RowProblem: Error, Sendable {
    public var line: Int
    public var messages: [String]
    public init(line: Int, messages: [String]) {
        self.line = line
        self.messages = messages
    }
}

/// A row read from an import file: the line it starts on and what it asks for, or why it cannot be recorded.
public protocol ImportRow {
    var line: Int { get }
    var request: Result<RowRequest, RowProblem> { get }
    /// Set on a last row when the file could not be read to its end: the import stops and writes nothing.
    var stop: PetitionsError? { get }
}

/// What a bulk import did.
public struct ImportOutcome: Sendable {
    /// Rows read (blank lines aside).
    public var rows = 0
    /// Rows recorded (zero when nothing was committed).
    public var imported = 0
    /// Rows that could not be recorded.
    public var rejected = 0
    /// The problems of the first rejected rows, in file order, up to the limit asked for.
    public var problems: [RowProblem] = []
    /// Whether anything was written: false when a row was bad and bad rows were not to be skipped.
    public var committed = false
}

extension Ledger {
    // MARK: - Bulk import

    /// Records every row in one IMMEDIATE transaction, each through the same operation as its single command,
    /// with one event per row and an `import.completed` event at the end. Every row is tried, so that every
    /// problem is found; the operations check before they write, so a refused row leaves no trace (one refused
    /// after writing stops the import: nothing is written). With a bad row and `skipInvalid` false, nothing is
    /// written; with `skipInvalid`, the good rows are. `rejected` hears of each bad row as it is found;
    /// `progress` hears how many rows were read, every few thousand rows.
    public func importRows<Rows: Sequence>(
        _ what: String, source: String, rows: Rows, skipInvalid: Bool, problemLimit: Int = 20, digest: String? = nil, again: Bool = false,
        searchIndexAtEnd: Bool = true, progress: (Int) -> Void = { _ in },
        rejected: (Rows.Element, RowProblem) throws -> Void = { _, _ in }
    ) throws -> ImportOutcome
    where Rows.Element: ImportRow {
        guard let writer else {
            throw PetitionsError("The ledger \(path) is read-only; nothing was recorded.", code: .noPermission)
        }
        var outcome = ImportOutcome()
        try Ledger.translate {
            try writer.writeWithoutTransaction { db in
                // A large import touches the same index pages again and again: keep them in memory (up to 512 MiB)
                // instead of spilling them to the WAL and reading them back.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = -524288")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
                // The parties rows name (the same few groups, decrees, authorities again and again) are looked up
                // once per import: nothing an import does changes a party that exists.
                lookups.begin()
                defer { lookups.end() }
                try db.inTransaction(.immediate) {
                    if let digest, !again,
                        let earlier = try Row.fetchOne(
                            db,
                            sql: Ledger.importedDigestSQL, arguments: [LedgerEvent.Kind.importCompleted.rawValue, digest])
                    {
                        let day: String = earlier["day"]
                        let actor: String = earlier["actor"]
                        throw PetitionsError(
                            "\(source) was already imported on \(day) by \(ControlCharacters.visible(actor)) (the same file, byte for byte); "
                                + "nothing was imported. Add --again to import it once more.")
                    }
                    // The new parties and letters go into the search index set by set after the last row (see
                    // `SearchIndexDeferral`), in this transaction; a rollback brings the triggers back as they were.
                    let deferral = searchIndexAtEnd ? try SearchIndexDeferral(db) : nil
                    // Every event of one import carries the moment it started.
                    let recordedAt = Ledger.timestamp(context.now())
                    var uuids = UUIDSource()
                    var fileLetters = FileLetters()
                    for row in rows {
                        if let stop = row.stop { throw stop }
                        outcome.rows += 1
                        if outcome.rows % 4096 == 0 { progress(outcome.rows) }
                        var problem: RowProblem?
                        switch row.request {
                        case .failure(let p):
                            problem = p
                        case .success(let request):
                            let changes = db.totalChangesCount
                            do {
                                try record(db, request, stamp: newStamp(recordedAt: recordedAt, uuid: uuids.next()), letters: &fileLetters)
                                outcome.imported += 1
                            } catch {
                                let message = try Ledger.rowMessage(error)
                                // The operations check everything before they write. A row refused after part of it
                                // was written cannot be undone alone: stop, and write nothing at all.
                                guard db.totalChangesCount == changes else {
                                    throw PetitionsError(
                                        "\(source) line \(row.line): \(message) The row was refused after part of it was written, so nothing was imported."
                                    )
                                }
                                problem = RowProblem(line: row.line, messages: [message])
                            }
                        }
                        if let problem {
                            outcome.rejected += 1
                            if outcome.problems.count < problemLimit { outcome.problems.append(problem) }
                            try rejected(row, problem)
                        }
                    }
                    progress(outcome.rows)
                    if outcome.rejected > 0 && !skipInvalid {
                        outcome.imported = 0
                        return .rollback
                    }
                    // Nothing taken (every row left out, or none there): nothing is recorded, not even that the file was
                    // imported, so the same file imports once its rows can be (the group a row names added, say) without
                    // --again. The import still ran to its end.
                    if outcome.imported == 0 {
                        outcome.committed = true
                        return .rollback
                    }
                    try deferral?.finish(db)
                    let event = ImportCompleted(
                        what: what, source: source, rows: Int64(outcome.rows), imported: Int64(outcome.imported),
                        rejected: Int64(outcome.rejected), digest: digest)
                    try appendEvent(
                        db, event.event, day: context.today, subjects: [],
                        summary: "Imported \(outcome.imported) \(what) from \(source)"
                            + (outcome.rejected > 0 ? " (\(Wording.count(outcome.rejected, "row")) rejected)" : ""),
                        stamp: newStamp(recordedAt: recordedAt))
                    outcome.committed = true
                    return .commit
                }
            }
        }
        return outcome
    }

    /// The search index's insert triggers on `party` and `letter`, set aside for one import and put back at its end.
    ///
    /// SQLite 3.40's FTS5 writes its pending terms to disk as a new segment at every statement savepoint, and every
    /// INSERT that fires a trigger writing the index opens one: with the triggers, each row of an import became a
    /// segment of its own, to be merged again and again (a fifth of the instructions of `import petitioners`,
    /// `sqlite3VtabSavepoint`). Without them the rows go in as before, and one `INSERT … SELECT` from `search_folded`
    /// (the triggers' own query) indexes every party and letter added since the import began, in id order, before
    /// the triggers are created again from their own SQL; the index then holds what the triggers would have put
    /// there, which `verify` checks. No row of an import changes a title or body of a record already indexed. The
    /// trigger that indexes a person again when a dependant is added (v11) is set aside too: the dependants an import
    /// adds are those of the persons it adds, whose entries, made at the end, hold them.
    struct SearchIndexDeferral {
        /// The triggers set aside (name, SQL), and the last party and letter ids before the import.
        private var triggers: [(name: String, sql: String)] = []
        private let lastParty: Int64
        private let lastLetter: Int64

        init(_ db: Database) throws {
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
                      AND name IN ('search_party_insert', 'search_letter_insert', 'search_dependant_insert')
                    ORDER BY name
                    """)
            {
                triggers.append((row["name"], row["sql"]))
            }
            lastParty = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM party") ?? 0
            lastLetter = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM letter") ?? 0
            for t in triggers { try db.execute(sql: "DROP TRIGGER \(t.name)") }
        }

        /// Indexes what the import added and puts the triggers back. The text is folded by `SearchFold` (the view's
        /// folding in Swift, a seventh of its instructions) unless the ledger's fold table is not what it expects.
        func finish(_ db: Database) throws {
            let fold = try SearchFold(db)?.function(named: "petitions_search_fold")
            if let fold { db.add(function: fold) }
            defer { if let fold { db.remove(function: fold) } }
            let from =
                fold == nil
                ? "SELECT key, kind, ref, title, body FROM search_folded"
                : "SELECT key, kind, ref, petitions_search_fold(title), petitions_search_fold(body) FROM search_source"
            for t in triggers {
                guard t.name != "search_dependant_insert" else {
                    try db.execute(sql: t.sql)
                    continue
                }
                let (kind, last) = t.name == "search_party_insert" ? ("party", lastParty) : ("letter", lastLetter)
                try db.execute(
                    sql: "INSERT INTO search(rowid, kind, ref, title, body) \(from) WHERE kind = ? AND ref > ?", arguments: [kind, last])
                try db.execute(sql: t.sql)
            }
        }
    }

    /// The letters an import made, by the `id` its row had in the file (an exported file's own numbering).
    struct FileLetters {
        var ids: [Int64: Int64] = [:]

        /// The letter made from the file's row `row`, which must come before the row that names it.
        func letter(row: Int64) throws -> Int64 {
            guard let id = ids[row] else {
                throw PetitionsError(
                    "--in-reply-to \(quoted(String(row))) is the id of no earlier row of this file: in an exported file (one with an id column) in_reply_to names the row of the letter answered, which must come before the reply."
                )
            }
            return id
        }
    }

    /// Records one row's request through the operation its single command uses; a letter's row id is kept in `letters`.
    func record(_ db: Database, _ request: RowRequest, stamp: EventStamp, letters: inout FileLetters) throws {
        if case .letter(let l) = request, let row = l.rowID, letters.ids[row] != nil {
            throw PetitionsError.invalid("--id", String(row), "is the id of an earlier row of this file too; each row has an id of its own")
        }
        switch request {
        case .petitioner(let p):
            try refuseNewPetitioner(handle: p.handle, dependants: p.dependants, on: p.on)
            _ = try transaction(db, stamp: stamp).addPetitioner(
                name: p.name, handle: p.handle, district: p.district, occupation: p.occupation, groups: p.groups,
                dependants: p.dependants, on: p.on ?? context.today)
        case .letter(let l):
            switch l.direction {
            case .sent:
                let id = try transaction(db, stamp: stamp).sendLetter(
                    from: l.from, to: l.to, on: l.on, subject: l.subject, petition: l.petition, replyWithin: l.replyWithin,
                    expectsReply: l.expectsReply, channel: l.channel, summary: l.summary, restartsClock: false)
                if let row = l.rowID { letters.ids[row] = id }
            case .received:
                let inReplyTo = try l.inReplyToRow.map { try letters.letter(row: $0) } ?? l.inReplyTo
                let id = try transaction(db, stamp: stamp).receiveLetter(
                    from: l.from, to: l.to, on: l.on, subject: l.subject, inReplyTo: inReplyTo, petition: l.petition,
                    channel: l.channel, summary: l.summary)
                if let row = l.rowID { letters.ids[row] = id }
            }
        case .receipt(let r):
            _ = try transaction(db, stamp: stamp).receiveDelivery(
                decree: r.decree, recipient: r.recipient, period: r.period, on: r.on, quantities: r.quantities,
                note: r.note)
        }
    }

    /// The sentence for a row the ledger refused. A constraint names what SQLite refused; anything else
    /// (a full disk, a lost file) is not the row's fault and stops the import.
    static func rowMessage(_ error: Error) throws -> String {
        if let e = error as? PetitionsError { return e.message }
        if let e = error as? DatabaseError, e.resultCode == .SQLITE_CONSTRAINT {
            return "The ledger refused the row (\(Ledger.plainReason(e)))."
        }
        throw error
    }
}

/// Version 7 UUIDs (RFC 9562: 48 bits of Unix time in milliseconds, then random bits) in lower case, with the
/// random bits drawn from the system generator a block at a time: a bulk import makes a million of them.
struct UUIDSource {
    private var block: [UInt8]
    private var used: Int

    init(blockSize: Int = 4096) {
        block = [UInt8](repeating: 0, count: max(16, blockSize / 8 * 8))
        used = block.count
    }

    mutating func next() -> String {
        if used + 10 > block.count {
            // One read of the kernel's generator a block (the system generator makes a call every 8 bytes).
            let fd = open("/dev/urandom", O_RDONLY)
            let got = fd < 0 ? -1 : block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if fd >= 0 { close(fd) }
            if got != block.count {
                var generator = SystemRandomNumberGenerator()
                block.withUnsafeMutableBytes { raw in
                    for i in stride(from: 0, to: raw.count, by: 8) {
                        raw.storeBytes(of: generator.next() as UInt64, toByteOffset: i, as: UInt64.self)
                    }
                }
            }
            used = 0
        }
        defer { used += 10 }
        let ms = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: ms >> (8 * (5 - i))) }
        for i in 0..<10 { bytes[6 + i] = block[used + i] }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return Ledger.uuidText(bytes)
    }
}
