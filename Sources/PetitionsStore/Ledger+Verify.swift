import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Verify

    /// The event kinds that may create a row of each table: every record points at the event that made it.
    static let creatingKinds: [(table: String, check: String)] = [
        (
            "party",
            "(t.kind = 'authority' AND e.kind = '\(LedgerEvent.Kind.authorityAdded.rawValue)') OR (t.kind = 'group' AND e.kind = '\(LedgerEvent.Kind.groupAdded.rawValue)') OR (t.kind = 'person' AND e.kind = '\(LedgerEvent.Kind.petitionerAdded.rawValue)') OR (t.kind = 'office' AND e.kind = '\(LedgerEvent.Kind.ledgerInitialized.rawValue)')"
        ),
        ("petition", "e.kind = '\(LedgerEvent.Kind.petitionLogged.rawValue)'"),
        (
            "letter",
            "(t.direction = 'sent' AND e.kind = '\(LedgerEvent.Kind.letterSent.rawValue)') OR (t.direction = 'received' AND e.kind = '\(LedgerEvent.Kind.letterReceived.rawValue)')"
        ),
        ("letter_extension", "e.kind = '\(LedgerEvent.Kind.letterExtended.rawValue)'"),
        ("decree", "e.kind = '\(LedgerEvent.Kind.decreeAdded.rawValue)'"),
        ("enrolment", "e.kind = '\(LedgerEvent.Kind.enrolmentAdded.rawValue)'"),
        ("delivery", "e.kind = '\(LedgerEvent.Kind.deliveryScheduled.rawValue)'"),
        ("receipt", "e.kind = '\(LedgerEvent.Kind.deliveryReceived.rawValue)'"),
        (
            "petition_note",
            "e.kind = '\(LedgerEvent.Kind.petitionNoted.rawValue)' OR e.kind = '\(LedgerEvent.Kind.petitionStatusChanged.rawValue)'"
        ),
        ("attachment", "e.kind = '\(LedgerEvent.Kind.attachmentAdded.rawValue)'"),
    ]

    /// Every stored day, period and span: (table, the expression naming a row, column, what it holds).
    /// A value that does not parse would be read back as some default (the first supported day or month).
    static let typedColumns: [(table: String, row: String, column: String, kind: StoredValueKind)] = [
        ("event", "id", "day", .day), ("petition", "id", "opened", .day),
        ("letter", "id", "day", .day), ("letter", "id", "reply_due", .day), ("letter", "id", "reply_within", .span),
        ("letter_extension", "id", "day", .day), ("letter_extension", "id", "span", .span),
        ("petition_pause", "petition_id", "from_day", .day), ("petition_pause", "petition_id", "to_day", .day),
        ("party", "id", "reply_within", .span), ("decree", "id", "issued", .day),
        ("decree", "id", "effective_from", .day), ("decree", "id", "effective_to", .day),
        ("enrolment", "id", "from_day", .day), ("enrolment", "id", "to_day", .day),
        ("delivery", "id", "period", .period), ("delivery", "id", "due", .day), ("receipt", "id", "day", .day),
        ("dependant_span", "id", "from_day", .day), ("dependant_span", "id", "to_day", .day),
        ("group_count_span", "id", "from_day", .day), ("group_count_span", "id", "to_day", .day),
    ]

    /// What a stored text column holds.
    enum StoredValueKind: String {
        case day, period, span

        /// Whether `text` parses as this kind of value.
        func parses(_ text: String) -> Bool {
            switch self {
            case .day: return (try? Day(parsing: text)) != nil
            case .period: return (try? Period(parsing: text)) != nil
            case .span: return (try? Span(parsing: text)) != nil
            }
        }
    }

    /// Checks the file (`PRAGMA integrity_check`), its references (`PRAGMA foreign_key_check`) and the ledger's
    /// own invariants: every record was created by an event of the right kind; derived delivery statuses and
    /// received amounts agree with the receipts; a letter is answered only by a later received letter that
    /// stands. Returns one sentence per problem; none means the ledger is sound.
    /// `checkingFile: false` leaves out the integrity check, for a caller that ran `fileProblems(path:)` first. A
    /// check that SQLite stops because the file is damaged is reported as a problem, not thrown.
    public func verify(limit: Int = 200, checkingFile: Bool = true) throws -> [String] {
        try Ledger.translate {
            do { return try checkRecords(limit: limit, checkingFile: checkingFile) } catch let e as DatabaseError
                where e.resultCode == .SQLITE_CORRUPT
            {
                return [Ledger.damageProblem]
            }
        }
    }

    /// The ledger file read as SQLite pages: `PRAGMA integrity_check` on a connection that only reads, each fault in
    /// our words. A file that is missing, empty, or not an SQLite file at all has none here: opening the ledger
    /// says what is wrong with it.
    public static func fileProblems(path: String, limit: Int = 200) throws -> [String] {
        try requireRegularFile(path)
        guard fileSize(path) > 0, access(path, R_OK) == 0, let handle = FileHandle(forReadingAtPath: path) else { return [] }
        let header = handle.readData(ofLength: 16)
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { return [] }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let q = try DatabaseQueue(path: lookingLocation(path), configuration: config)
            defer { try? q.close() }
            let faults = try q.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(\(limit))") }
            if faults == ["ok"] { return [] }
            return [describeFaults(faults)]
        } catch let e as DatabaseError where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_IOERR, .SQLITE_FORMAT].contains(e.resultCode) {
            return [damageProblem]
        } catch let e as DatabaseError {
            throw PetitionsError("The ledger \(Ledger.shown(path)) could not be checked (\(describe(e.resultCode))).", code: .ioError)
        }
    }

    /// The one sentence for a file SQLite cannot read far enough to check.
    static let damageProblem =
        "file: the ledger file is damaged (part of it does not read as a database), so its records could not be checked; restore it from a backup"

    /// What SQLite's integrity check found, as one sentence naming the damaged pages.
    static func describeFaults(_ faults: [String]) -> String {
        var pages: [String] = []
        for line in faults {
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" })
            for (i, w) in words.enumerated() where w.lowercased() == "page" && i + 1 < words.count && Int(words[i + 1]) != nil {
                if !pages.contains(String(words[i + 1])) { pages.append(String(words[i + 1])) }
            }
        }
        let count = faults.filter { !$0.hasPrefix("***") }.count
        let shownPages = pages.prefix(10).joined(separator: ", ") + (pages.count > 10 ? " and \(pages.count - 10) more" : "")
        return "file: the ledger file is damaged: \(count) fault\(count == 1 ? "" : "s") in its pages"
            + (pages.isEmpty ? "" : " (page\(pages.count == 1 ? "" : "s") \(shownPages))") + "; restore it from a backup"
    }

    /// A result code in words, for the rare failure that is not damage.
    static func describe(_ code: ResultCode) -> String {
        switch code.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "it is busy with another command"
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return "it cannot be opened"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_NOMEM: return "out of memory"
        default: return "error \(code.primaryResultCode.rawValue)"
        }
    }

    // Longer than 60 lines on purpose: a checklist of independent queries, each adding its problems; kept in one place so it reads as the list README gives.
    func checkRecords(limit: Int, checkingFile: Bool) throws -> [String] {
        try reader.read { db in
            var problems: [String] = []
            func add(_ s: String) { if problems.count < limit { problems.append(s) } }

            if checkingFile {
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(\(limit))")
                if integrity != ["ok"] { add(Ledger.describeFaults(integrity)) }
            }
            let schema = try schemaProblems(db)
            for p in schema.problems { add(p) }
            // Without one of its tables, the records cannot be checked: the queries below would fail on it.
            if schema.missing { return problems }

            for r in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = r["table"]
                let parent: String = r["parent"]
                let rowid: Int64? = r["rowid"]
                add("\(table)\(rowid.map { " \($0)" } ?? ""): refers to \(Wording.a(parent)) that does not exist")
            }

            for (table, rowName, column, kind) in Ledger.typedColumns {
                // Distinct values first: a million deliveries share a few hundred periods.
                var bad: [String] = []
                let values = try Row.fetchCursor(db, sql: "SELECT DISTINCT \(column) FROM \(table) WHERE \(column) IS NOT NULL")
                while let r = try values.next() {
                    let value = r[0] as DatabaseValue
                    guard let text = String.fromDatabaseValue(value), kind.parses(text) else {
                        bad.append(String.fromDatabaseValue(value) ?? value.description)
                        continue
                    }
                }
                for text in bad {
                    for r in try Row.fetchAll(
                        db, sql: "SELECT \(rowName) FROM \(table) WHERE CAST(\(column) AS TEXT) = ? LIMIT \(limit)", arguments: [text])
                    {
                        add("\(table) \(r[0] as Int64): its \(column) \(quoted(text)) is not \(Wording.a(kind.rawValue))")
                    }
                }
            }

            // An authority above itself (a chain that comes back round) would be walked without end by the chain shown.
            for handle in try authoritiesAboveThemselves(db).prefix(limit) {
                add("authority \(handle): is above itself in its own chain; give one of the chain another parent (authority edit --parent)")
            }

            for table in ["group_count", "enrolment_count"] {
                for r in try Row.fetchAll(
                    db, sql: "SELECT category, count FROM \(table) WHERE count > ? LIMIT \(limit)", arguments: [HeadCount.maximum])
                {
                    add(
                        "\(table): the head-count \(r["count"] as Int64) of \(r["category"] as String) is more than \(Quantity.grouped(Decimal(HeadCount.maximum))), the most one category may count"
                    )
                }
            }
            for (table, column) in [("ration", "amount"), ("delivery_item", "expected"), ("delivery_item", "received"), ("receipt_item", "amount")] {
                for r in try Row.fetchAll(
                    db, sql: "SELECT \(column) AS n, commodity FROM \(table) WHERE \(column) > ? LIMIT \(limit)", arguments: [Quantity.maximumBase])
                {
                    add("\(table): the \(column) \(r["n"] as Int64) base units of \(r["commodity"] as String) is more than can be counted")
                }
            }

            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT lower(uuid) AS u, group_concat(id, ', ') AS ids FROM event GROUP BY lower(uuid) HAVING count(*) > 1 LIMIT \(limit)
                    """)
            {
                add("events \(r["ids"] as String): share the uuid \(r["u"] as String); an event's uuid must be its own")
            }
            // The moment orders a merge and decides its conflicts: one that is not a moment (an import before this
            // version took `yesterday`) is named.
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, recorded_at FROM event
                    WHERE recorded_at NOT GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z' LIMIT \(limit)
                    """)
            {
                add("event \(r["id"] as Int64): its recorded_at \(quoted(r["recorded_at"] as String)) is not a moment in UTC (YYYY-MM-DDTHH:MM:SSZ)")
            }

            for (table, check) in Ledger.creatingKinds {
                for r in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.id, t.event_id, e.kind FROM \(table) t LEFT JOIN event e ON e.id = t.event_id
                        WHERE e.id IS NULL OR NOT (\(check)) LIMIT \(limit)
                        """)
                {
                    let id: Int64 = r["id"]
                    let eventID: Int64 = r["event_id"]
                    if let kind = r["kind"] as String? {
                        add("\(table) \(id): was created by event \(eventID), \(Wording.a(kind)) event, which cannot create it")
                    } else {
                        add("\(table) \(id): its event \(eventID) is not in the log")
                    }
                }
            }

            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.status, CASE WHEN min(i.received >= i.expected) = 1 THEN 'complete' WHEN max(i.received) > 0 THEN 'partial' ELSE 'pending' END AS derived
                    FROM delivery d JOIN delivery_item i ON i.delivery_id = d.id WHERE d.status <> 'cancelled'
                    GROUP BY d.id HAVING d.status <> derived LIMIT \(limit)
                    """)
            {
                add("delivery \(r["id"] as Int64): its status is \(r["status"] as String) but its receipts make it \(r["derived"] as String)")
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id FROM delivery d WHERE d.status = 'cancelled' AND NOT EXISTS (
                      SELECT 1 FROM event_subject s JOIN event e ON e.id = s.event_id
                      WHERE s.subject_type = 'delivery' AND s.subject_id = d.id
                        AND e.kind IN ('\(LedgerEvent.Kind.deliveryCancelled.rawValue)', '\(LedgerEvent.Kind.enrolmentEnded.rawValue)',
                                       '\(LedgerEvent.Kind.receiptVoided.rawValue)')) LIMIT \(limit)
                    """)
            {
                add(
                    "delivery \(r["id"] as Int64): is cancelled but no event cancelled it (delivery.cancelled, or enrol end or a receipt's void after the enrolment)"
                )
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT i.delivery_id, i.commodity, i.received, coalesce((
                      SELECT sum(ri.amount) FROM receipt rc JOIN receipt_item ri ON ri.receipt_id = rc.id
                      WHERE rc.delivery_id = i.delivery_id AND ri.commodity = i.commodity AND rc.voided = 0), 0) AS receipts
                    FROM delivery_item i WHERE i.received <> receipts LIMIT \(limit)
                    """)
            {
                add(
                    "delivery \(r["delivery_id"] as Int64): \(r["received"] as Int64) base units of \(r["commodity"] as String) recorded as received, but its receipts add up to \(r["receipts"] as Int64)"
                )
            }
            for r in try Row.fetchAll(
                db,
                sql: """
                    SELECT l.id, l.day, l.answered_by, a.id AS aid, a.direction, a.voided, a.day AS aday FROM letter l LEFT JOIN letter a ON a.id = l.answered_by
                    WHERE l.answered_by IS NOT NULL AND (a.id IS NULL OR a.direction <> 'received' OR a.voided <> 0 OR a.day < l.day) LIMIT \(limit)
                    """)
            {
                let id: Int64 = r["id"]
                let by: Int64 = r["answered_by"]
                if (r["aid"] as Int64?) == nil {
                    add("letter \(id): is answered by letter \(by), which does not exist")
                } else if (r["direction"] as String) != "received" {
                    add("letter \(id): is answered by letter \(by), which was sent, not received")
                } else if (r["voided"] as Int64) != 0 {
                    add("letter \(id): is answered by letter \(by), which is void")
                } else {
                    add("letter \(id): is answered by letter \(by) of \(r["aday"] as String), before it was written on \(r["day"] as String)")
                }
            }
            for p in try recordEventProblems(db, limit: limit) { add(p) }
            for p in try householdSpanProblems(db, limit: limit) { add(p) }
            for p in try statusNoteProblems(db, limit: limit) { add(p) }
            for p in try searchIndexProblems(db, limit: limit) { add(p) }
            for p in try attachmentContentProblems(db) { add(p) }
            return problems
        }
    }

    /// A letter's day and subject, and a petition's opening day, against the event that created it (its day, as a
    /// merge replays it, and the subject in its payload). Nothing corrects
    /// them (a letter is voided, never edited; `petition edit` changes a subject, not the day it was logged), so a
    /// difference is a record changed behind the ledger's back, with `sqlite3`: every listing shows the changed value,
    /// while an export carries, and the other office merges, what the event says. One pass over each table.
    func recordEventProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        let letters = try Row.fetchAll(
            db,
            sql: """
                SELECT l.id, l.day, l.subject, e.id AS event, e.day AS said_day,
                  json_extract(e.payload, '$.subject') AS said_subject
                FROM letter l JOIN event e ON e.id = l.event_id
                WHERE l.day IS NOT said_day OR l.subject IS NOT said_subject LIMIT \(limit)
                """)
        for r in letters {
            let (id, event): (Int64, Int64) = (r["id"], r["event"])
            let (day, saidDay): (String, String?) = (r["day"], r["said_day"])
            let (subject, saidSubject): (String, String?) = (r["subject"], r["said_subject"])
            let what =
                day != saidDay
                ? "its day \(day) is not \(saidDay ?? "none"), the day its event \(event) recorded"
                : "its subject \(quoted(subject)) is not \(saidSubject.map(quoted) ?? "none"), the subject its event \(event) recorded"
            problems.append("letter \(id): \(what); it was changed outside petitions (restore it from a backup)")
        }
        let petitions = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, p.opened, e.id AS event, e.day AS said
                FROM petition p JOIN event e ON e.id = p.event_id WHERE p.opened IS NOT said LIMIT \(limit)
                """)
        for r in petitions {
            let said: String? = r["said"]
            problems.append(
                "petition \(r["id"] as Int64): its day opened \(r["opened"] as String) is not \(said ?? "none"), the day its event \(r["event"] as Int64) recorded; it was changed outside petitions (restore it from a backup)"
            )
        }
        return problems
    }

    /// Each attachment's stored bytes against the size and SHA-256 recorded for them: bytes changed in the file were
    /// handed out by `attachment get` and exported, and the other office refused the log as changed in transit. One
    /// content at a time, so that memory holds one file, not all of them.
    func attachmentContentProblems(_ db: Database) throws -> [String] {
        var damaged: [String] = []
        let contents = try Row.fetchCursor(db, sql: "SELECT sha256, size, bytes FROM attachment_content ORDER BY id")
        while let r = try contents.next() {
            let bytes: Data = r["bytes"]
            let size: Int64 = r["size"]
            if Int64(bytes.count) != size || Ledger.sha256(bytes) != r["sha256"] { damaged.append(r["sha256"]) }
        }
        var problems: [String] = []
        for sha in damaged {
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM attachment WHERE sha256 = ? ORDER BY id", arguments: [sha])
            let which = ids.isEmpty ? "content \(sha) (no attachment uses it)" : "attachment \(ids.map(String.init).joined(separator: ", "))"
            problems.append("\(which): the stored bytes do not match the size and SHA-256 recorded for them; the file was damaged")
        }
        return problems
    }
}
