import Foundation
import GRDB
import PetitionsDomain

/// A finding as the store keeps it between recorded checks.
public struct FindingRecord: Sendable, Hashable {
    public var key: String
    public var rule: String
    public var kind: String
    public var subjectType: String
    public var subjectID: Int64
    public var severity: String
    public var message: String
    public init(key: String, rule: String, kind: String, subjectType: String, subjectID: Int64, severity: String, message: String) {
        self.key = key
        self.rule = rule
        self.kind = kind
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.severity = severity
        self.message = message
    }
}

/// A row returned by a custom SQL rule.
public struct SQLRuleRow: Sendable {
    public var subject: String
    public var severity: String?
    public var message: String
}

extension Ledger {
    // MARK: - Facts for the rules

    static let waitingColumns = """
        l.id, l.day, l.clock_start, l.subject, l.petition_id, l.reply_within, l.reply_due,
        f.id AS fid, f.handle AS fh, f.name AS fn, t.id AS tid, t.handle AS th, t.name AS tn, t.reply_within AS tw,
        par.id AS aid, par.handle AS ah, par.name AS an, p.category AS pc, pp.id AS ppid, pp.handle AS pph, pp.name AS ppn,
        (SELECT count(*) FROM letter x WHERE x.petition_id = l.petition_id AND +x.to_id = l.to_id AND x.direction = 'sent'
           AND x.voided = 0 AND x.id <> l.id AND +x.day >= l.day AND x.id > l.id AND +x.day <= :asOf) AS followups
        """
    static let waitingJoins = """
        JOIN party f ON f.id = l.from_id JOIN party t ON t.id = l.to_id LEFT JOIN party par ON par.id = t.parent_id
        LEFT JOIN petition p ON p.id = l.petition_id LEFT JOIN party pp ON pp.id = p.petitioner_id
        """

    /// Sent letters that expect a reply and had none as of `asOf`; with `dueBy`, only those whose stored due day
    /// is on or before it (the stored day is the earliest the reply can be due, so nothing late is missed).
    public func waitingLetters(asOf: Day, dueBy: Day? = nil) throws -> [WaitingLetter] {
        try read { db in try waitingLetters(db, asOf: asOf, dueBy: dueBy, only: nil) }
    }

    /// The first half reads the partial index `letter_waiting` (only letters still waiting); the second starts from the
    /// replies written after the day (`letter_day`, CROSS JOIN keeps that order). The `+` on `l.day`, `x.to_id` and
    /// `x.day` keep SQLite off `letter_day` and `letter_to`, which on 100,000 letters visited every one of them
    /// (EXPLAIN QUERY PLAN; 0.79 s down to 0.011 s in sqlite3 on the medium bench ledger).
    func waitingLetters(_ db: Database, asOf: Day, dueBy: Day?, only ids: [Int64]?) throws -> [WaitingLetter] {
        let due = dueBy.map { _ in " AND (l.reply_due IS NULL OR l.reply_due <= :dueBy)" } ?? ""
        // One letter (a letter sent or received recomputes its own due day) is a parameter, so the statement is
        // prepared once per process: preparing this query anew for each of a million imported letters took two thirds
        // of the import's time.
        let single = ids?.count == 1 ? ids?.first : nil
        let only = single != nil ? " AND l.id = :id" : ids.map { " AND l.id IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
        let sql = """
            SELECT \(Ledger.waitingColumns) FROM letter l \(Ledger.waitingJoins)
            WHERE l.expects_reply = 1 AND l.answered_by IS NULL AND l.voided = 0 AND +l.day <= :asOf\(due)\(only)
            UNION ALL
            SELECT \(Ledger.waitingColumns) FROM letter r CROSS JOIN letter l ON l.answered_by = r.id \(Ledger.waitingJoins)
            WHERE r.day > :asOf AND l.expects_reply = 1 AND l.voided = 0 AND +l.day <= :asOf\(due)\(only)
            """
        var args: [String: DatabaseValueConvertible?] = ["asOf": asOf.description]
        if let dueBy { args["dueBy"] = dueBy.description }
        if let single { args["id"] = single }
        // Columns by position (`waitingColumns`): a lookup by name lower-cases the name on every read. Days, spans and
        // parties repeat from letter to letter, so each distinct one is parsed or read once.
        var text = FactText()
        var letters: [WaitingLetter] = []
        let rows = try Row.fetchCursor(
            ids == nil || single != nil ? db.cachedStatement(sql: sql) : db.makeStatement(sql: sql),
            arguments: StatementArguments(args))
        while let r = try rows.next() {
            let petition: Int64? = r[4]
            let parent: Int64? = r[14]
            let petitioner: Int64? = r[18]
            letters.append(
                WaitingLetter(
                    id: r[0], from: text.party(r, id: 7, handle: 8, name: 9), to: text.party(r, id: 10, handle: 11, name: 12),
                    toParent: parent.map { text.party($0, r, handle: 15, name: 16) },
                    sent: try text.day(r, 1, "day") ?? Day.minimum, clockStart: try text.day(r, 2, "clock_start") ?? Day.minimum,
                    subject: r[3], petition: petition, petitionCategory: r[17],
                    petitioner: petitioner.map { text.party($0, r, handle: 19, name: 20) },
                    ownWithin: try text.span(r, 5, "reply_within"), authorityWithin: try text.span(r, 13, "reply_within"),
                    extensions: [], pauses: [], followUps: r[21]))
        }
        guard !letters.isEmpty else { return [] }
        var extensions: [Int64: [Span]] = [:]
        let extensionRows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT letter_id, span FROM letter_extension WHERE day <= ? ORDER BY id"),
            arguments: [asOf.description])
        while let r = try extensionRows.next() {
            if let s = try text.span(r, 1, "span") { extensions[r[0], default: []].append(s) }
        }
        var pauses: [Int64: [DayRange]] = [:]
        let pauseRows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT petition_id, from_day, to_day FROM petition_pause WHERE from_day <= ?"),
            arguments: [asOf.description])
        while let r = try pauseRows.next() {
            guard let from = try text.day(r, 1, "from_day") else { continue }
            var to = try text.day(r, 2, "to_day")
            if let t = to, t > asOf { to = nil }
            pauses[r[0], default: []].append(DayRange(from: from, to: to))
        }
        if !extensions.isEmpty || !pauses.isEmpty {
            for i in letters.indices {
                letters[i].extensions = extensions[letters[i].id] ?? []
                letters[i].pauses = letters[i].petition.flatMap { pauses[$0] } ?? []
            }
        }
        return letters
    }

    /// Deliveries due before `asOf` and not complete as of that day (receipts after it do not count), not cancelled.
    public func lateDeliveries(asOf: Day) throws -> [LateDelivery] {
        try read { db in
            let columns = """
                d.id, d.period, d.due, k.id AS kid, k.handle AS kh, k.name AS kn, r.id AS rid, r.handle AS rh, r.name AS rn,
                s.id AS sid, s.handle AS sh, s.name AS sn, sp.id AS spid, sp.handle AS sph, sp.name AS spn
                """
            let joins = """
                JOIN decree k ON k.id = d.decree_id JOIN party r ON r.id = d.recipient_id JOIN party s ON s.id = k.supplier_id
                LEFT JOIN party sp ON sp.id = s.parent_id
                """
            // A delivery with a receipt after the day comes first from the second branch (later = 1), so that what
            // it had received is counted as of the day, not as stored now.
            struct Late {
                var id: Int64
                var later: Bool
                var decree, recipient, supplier: PartyName
                var supplierParent: PartyName?
                var period: Period
                var due: Day
            }
            var text = FactText()
            var decrees: [Int64: PartyName] = [:]  // decree ids are not party ids
            var seen = Set<Int64>()
            var late: [Late] = []
            // The two branches one after the other, each by id: the order the UNION of them gave (later first, then by
            // id; the arrears follow it), without SQLite building a temporary index of every row's sixteen columns to
            // remove duplicates (`seen` does that).
            let laterRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(columns), 1 AS later FROM receipt rc JOIN delivery d ON d.id = rc.delivery_id \(joins)
                    WHERE rc.day > :asOf AND d.due < :asOf AND d.status <> 'cancelled' ORDER BY d.id
                    """, arguments: ["asOf": asOf.description])
            let openRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT \(columns), 0 AS later FROM delivery d \(joins) WHERE d.status IN ('pending', 'partial') AND d.due < :asOf ORDER BY d.id
                    """, arguments: ["asOf": asOf.description])
            func nextRow() throws -> Row? { try laterRows.next() ?? openRows.next() }
            while let row = try nextRow() {
                let id: Int64 = row[0]
                guard seen.insert(id).inserted else { continue }
                let kid: Int64 = row[3]
                let decree = decrees[kid] ?? PartyName(id: kid, handle: row[4], name: row[5])
                decrees[kid] = decree
                let parent: Int64? = row[12]
                late.append(
                    Late(
                        id: id, later: (row[15] as Int64) == 1, decree: decree, recipient: text.party(row, id: 6, handle: 7, name: 8),
                        supplier: text.party(row, id: 9, handle: 10, name: 11),
                        supplierParent: parent.map { text.party($0, row, handle: 13, name: 14) },
                        period: try text.period(row, 1, "period") ?? Period(containing: Day.minimum), due: try text.day(row, 2, "due") ?? Day.minimum)
                )
            }
            guard !late.isEmpty else { return [] }

            // What each should bring, in one query for all of them (not one per delivery), by delivery then commodity.
            struct Item {
                var commodity: String
                var unit: String
                var expected: Int64
                var received: Int64
            }
            var items: [Item] = []
            var itemsOf: [Int64: Range<Int>] = [:]
            let ids = "[" + late.map { String($0.id) }.joined(separator: ",") + "]"
            let itemRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT delivery_id, commodity, unit, expected, received FROM delivery_item
                    WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY delivery_id, commodity
                    """, arguments: [ids])
            var current: Int64? = nil
            var first = 0
            while let i = try itemRows.next() {
                let id: Int64 = i[0]
                if id != current {
                    if let current { itemsOf[current] = first..<items.count }
                    current = id
                    first = items.count
                }
                items.append(Item(commodity: i[1], unit: i[2], expected: i[3], received: i[4]))
            }
            if let current { itemsOf[current] = first..<items.count }

            // What those with a receipt after the day had received as of the day, by commodity.
            var receivedAsOf: [Int64: [String: Int64]] = [:]
            let later = late.filter(\.later).map { String($0.id) }
            if !later.isEmpty {
                let receiptRows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT rc.delivery_id, i.commodity, sum(i.amount) AS n FROM receipt rc JOIN receipt_item i ON i.receipt_id = rc.id
                        WHERE rc.delivery_id IN (SELECT value FROM json_each(?)) AND rc.day <= ? GROUP BY rc.delivery_id, i.commodity
                        """, arguments: ["[" + later.joined(separator: ",") + "]", asOf.description])
                while let r = try receiptRows.next() { receivedAsOf[r[0], default: [:]][r[1]] = r[2] }
            }

            var units: [String: MeasureUnit] = [:]
            var out: [LateDelivery] = []
            for d in late {
                let received: [String: Int64]? = d.later ? receivedAsOf[d.id] ?? [:] : nil
                var expectedBase: [String: Int64] = [:]
                var receivedBase: [String: Int64] = [:]
                var unitOf: [String: MeasureUnit] = [:]
                var lines: [DeliveryLine] = []
                for i in items[itemsOf[d.id] ?? 0..<0] {
                    let c = i.commodity
                    let e = i.expected
                    let got = received.map { $0[c] ?? 0 } ?? i.received
                    let u = units[i.unit] ?? unit(i.unit)
                    units[i.unit] = u
                    expectedBase[c] = e
                    receivedBase[c] = got
                    unitOf[c] = u
                    lines.append(
                        DeliveryLine(
                            commodity: c, expected: QuantityValue(Quantity(base: e, unit: u, commodity: c)),
                            received: QuantityValue(Quantity(base: got, unit: u, commodity: c)),
                            shortfall: QuantityValue(Quantity(base: max(0, e - got), unit: u, commodity: c))))
                }
                // Complete as of the day asked: not late.
                if expectedBase.allSatisfy({ (receivedBase[$0.key] ?? 0) >= $0.value }) { continue }
                out.append(
                    LateDelivery(
                        id: d.id, decree: d.decree, recipient: d.recipient, supplier: d.supplier, supplierParent: d.supplierParent,
                        period: d.period, due: d.due, lines: lines, expectedBase: expectedBase, receivedBase: receivedBase, unitOf: unitOf))
            }
            return out
        }
    }

    /// Open petitions and the last day anything happened on them, as of `asOf`.
    public func petitionActivity(asOf: Day) throws -> [PetitionActivity] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.id, p.subject, p.category, p.opened, f.id AS fid, f.handle AS fh, f.name AS fn, a.id AS aid, a.handle AS ah, a.name AS an,
                      max(p.opened,
                          coalesce((SELECT max(e.day) FROM event_subject s JOIN event e ON e.id = s.event_id
                                    WHERE s.subject_type = 'petition' AND s.subject_id = p.id AND e.day <= :asOf), p.opened),
                          coalesce((SELECT max(day) FROM letter WHERE petition_id = p.id AND day <= :asOf AND voided = 0), p.opened)) AS last
                    FROM petition p JOIN party f ON f.id = p.petitioner_id JOIN party a ON a.id = p.authority_id
                    WHERE p.status = 'open' AND p.opened <= :asOf
                    """, arguments: ["asOf": asOf.description]
            ).map { r in
                PetitionActivity(
                    id: r["id"], subject: r["subject"], petitioner: PartyName(id: r["fid"], handle: r["fh"], name: r["fn"]),
                    authority: PartyName(id: r["aid"], handle: r["ah"], name: r["an"]), category: r["category"],
                    opened: try r.day("opened"), lastActivity: try r.day("last"))
            }
        }
    }

    // MARK: - Stored due days

    /// Recomputes the stored reply due day of the given letters (all waiting letters when nil) with `replyDue`.
    func storeReplyDue(_ db: Database, letters ids: [Int64]?) throws -> Int {
        guard let dueDays else { return 0 }
        let letters = try waitingLetters(db, asOf: Day.maximum, dueBy: nil, only: ids)
        let update = try db.cachedStatement(sql: "UPDATE letter SET reply_due = ? WHERE id = ? AND reply_due IS NOT ?")
        var changed = 0
        for var l in letters {
            // An open pause only ever moves the due day later: the stored day stays the earliest it can be.
            l.pauses = l.pauses.filter { $0.to != nil }
            let due = dueDays.replyDue(l).description
            try update.execute(arguments: [due, l.id, due])
            changed += db.changesCount
        }
        return changed
    }

    /// Recomputes every waiting letter's stored due day (after the calendar or the rules changed), as one event.
    public func applyRules(on day: Day, reason: String) throws -> Int {
        try write { db in
            let n = try storeReplyDue(db, letters: nil)
            try appendEvent(
                db, .rulesApplied(RulesApplied(changed: Int64(n), reason: reason)), day: day, subjects: [],
                summary: "Due days recomputed (\(n) changed): \(reason)")
            return n
        }
    }

    /// Stores a setting (the ledger's own calendar or rules) as a recorded event.
    public func storeSetting(_ key: String, value: String?, on day: Day, summary: String) throws {
        try write { db in
            if let value {
                try db.execute(
                    sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
            try appendEvent(db, .settingChanged(SettingChanged(key: key, value: value)), day: day, subjects: [], summary: summary)
            _ = try storeReplyDue(db, letters: nil)
        }
    }

    // MARK: - Deadlines of letters

    /// Extends one letter's reply deadline by `span`, as a recorded event.
    public func extendLetter(_ id: Int64, by span: Span, reason: String, on day: Day) throws -> Letter {
        try write { db in try extendLetter(db, id, by: span, reason: reason, on: day, stamp: newStamp()) }
        return try letter(id)
    }

    /// Extends a letter's deadline in the current transaction under `stamp`.
    func extendLetter(_ db: Database, _ id: Int64, by span: Span, reason: String, on day: Day, stamp: EventStamp) throws {
        let reason = try Ledger.checkName(reason, field: "--reason")
        guard
            let row = try Row.fetchOne(db, sql: "SELECT direction, expects_reply, voided, answered_by, day FROM letter WHERE id = ?", arguments: [id])
        else {
            throw PetitionsError("letter: no letter with id \(id).")
        }
        guard (row["direction"] as String) == "sent", (row["expects_reply"] as Int64) == 1 else {
            throw PetitionsError.invalid("letter", String(id), "expects no reply, so it has no deadline to extend")
        }
        guard (row["voided"] as Int64) == 0 else { throw PetitionsError.invalid("letter", String(id), "is void") }
        guard (row["answered_by"] as Int64?) == nil else { throw PetitionsError.invalid("letter", String(id), "has already been answered") }
        guard day.description >= (row["day"] as String) else {
            throw PetitionsError.invalid("--on", day.description, "is before letter \(id) was sent on \(row["day"] as String)")
        }
        let eventID = try appendEvent(
            db, .letterExtended(LetterExtended(letter: id, by: span.description, reason: reason)), day: day,
            subjects: [Subject("letter", id)], summary: "Deadline of letter \(id) extended by \(span): \(reason)",
            stamp: stamp)
        try db.execute(
            sql: "INSERT INTO letter_extension(letter_id, span, reason, day, event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, span.description, reason, day.description, eventID])
        _ = try storeReplyDue(db, letters: [id])
    }

    // MARK: - Recorded checks

    /// Records each finding that appeared, changed severity or cleared since the last recorded check, as events
    /// on the as-of day. Recording the same findings again writes nothing.
    public func recordFindings(_ findings: [FindingRecord], asOf: Day) throws -> RecordedCheck {
        try write { db in
            var previous: [String: (severity: String, type: String, id: Int64, message: String, rule: String)] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM finding_state") {
                previous[r["key"]] = (r["severity"], r["subject_type"], r["subject_id"], r["message"], r["rule"])
            }
            var raised = 0
            var cleared = 0
            var current = Set<String>()
            for f in findings {
                current.insert(f.key)
                if let p = previous[f.key], p.severity == f.severity { continue }
                let event = FindingRaised(
                    key: f.key, rule: f.rule, kind: f.kind, severity: f.severity, previousSeverity: previous[f.key]?.severity,
                    message: f.message)
                try appendEvent(
                    db, event.event, day: asOf, subjects: Ledger.findingSubjects(f.subjectType, f.subjectID),
                    summary: "[\(f.severity)] \(f.message)")
                try db.execute(
                    sql: """
                        INSERT INTO finding_state(key, rule, kind, subject_type, subject_id, severity, since, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(key) DO UPDATE SET severity = excluded.severity, message = excluded.message
                        """, arguments: [f.key, f.rule, f.kind, f.subjectType, f.subjectID, f.severity, asOf.description, f.message])
                raised += 1
            }
            for (key, p) in previous.sorted(by: { $0.key < $1.key }) where !current.contains(key) {
                try appendEvent(
                    db, .findingCleared(FindingCleared(key: key, rule: p.rule, severity: p.severity, message: p.message)), day: asOf,
                    subjects: Ledger.findingSubjects(p.type, p.id), summary: "Cleared: \(p.message)")
                try db.execute(sql: "DELETE FROM finding_state WHERE key = ?", arguments: [key])
                cleared += 1
            }
            return RecordedCheck(raised: raised, cleared: cleared)
        }
    }

    static func findingSubjects(_ type: String, _ id: Int64) -> [Subject] {
        switch type {
        case "letter", "delivery", "petition", "party", "decree": return [Subject(type, id)]
        case "arrears": return [Subject("party", id)]
        default: return []
        }
    }

    /// Findings raised and cleared per month, from recorded checks.
    public func findingTrend() throws -> [(month: String, raised: Int, cleared: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT substr(day, 1, 7) AS month, sum(kind = '\(LedgerEvent.Kind.findingRaised.rawValue)') AS raised, sum(kind = '\(LedgerEvent.Kind.findingCleared.rawValue)') AS cleared
                    FROM event WHERE kind IN ('\(LedgerEvent.Kind.findingRaised.rawValue)', '\(LedgerEvent.Kind.findingCleared.rawValue)') GROUP BY month ORDER BY month
                    """
            ).map { ($0["month"], $0["raised"], $0["cleared"]) }
        }
    }

    // MARK: - Custom SQL rules

    /// Checks that `query` is one SELECT that only reads; anything else is refused with the reason.
    public func validateSQLRule(_ query: String) throws {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        let first = trimmed.prefix(while: { $0.isLetter }).uppercased()
        guard first == "SELECT" || first == "WITH" else {
            throw PetitionsError("is not a SELECT (it starts with \(quoted(String(trimmed.prefix(20)))))")
        }
        try sandboxed(budget: .standard) { db, sandbox in
            let statement: Statement
            do {
                sandbox.arm()
                defer { sandbox.disarm() }
                statement = try db.makeStatement(sql: trimmed)
            } catch let e as DatabaseError {
                if let problem = sandbox.problem() { throw PetitionsError(problem) }
                throw PetitionsError("is not valid SQL: \(e.message ?? "\(e.resultCode)")")
            }
            guard statement.isReadonly else { throw PetitionsError("would write to the ledger") }
            let columns = Set(statement.columnNames.map { $0.lowercased() })
            for needed in ["subject", "message"] where !columns.contains(needed) {
                throw PetitionsError("returns no \(needed) column (it returns \(statement.columnNames.joined(separator: ", ")))")
            }
        }
    }

    /// Runs a custom SQL rule on a read-only connection, under an authorizer that lets it read the ledger's
    /// tables and call pure functions only, and within `budget`: a query that runs longer, takes more memory or
    /// returns more rows is stopped and refused with a sentence.
    public func runSQLRule(_ query: String, asOf: Day, budget: SQLRuleBudget = .standard) throws -> [SQLRuleRow] {
        try validateSQLRule(query)
        return try sandboxed(budget: budget) { db, sandbox in
            sandbox.arm()
            defer { sandbox.disarm() }
            do {
                let statement = try db.makeStatement(sql: query.trimmingCharacters(in: .whitespacesAndNewlines))
                if statement.sql.contains(":as_of") { statement.arguments = ["as_of": asOf.description] }
                var out: [SQLRuleRow] = []
                var bytes = 0
                let rows = try Row.fetchCursor(statement)
                while let r = try rows.next() {
                    guard out.count < budget.rows else {
                        throw PetitionsError("returned more than \(budget.rows) rows, its budget; make it narrower")
                    }
                    let row = try SQLRuleRow(r, number: out.count + 1)
                    // What the rows hold counts against the memory budget too: SQLite let go of it, the findings keep it.
                    bytes += row.subject.utf8.count + row.message.utf8.count
                    guard bytes <= budget.bytes else {
                        throw PetitionsError("returned more than \(budget.bytes >> 20) MB of text, its memory budget; make it narrower")
                    }
                    out.append(row)
                }
                return out
            } catch let e as DatabaseError {
                if let problem = sandbox.problem(resultCode: e.resultCode) { throw PetitionsError(problem) }
                // E.g. a function SQLite refuses only when the query runs.
                throw PetitionsError("failed when run: \(e.message ?? "\(e.resultCode)")")
            }
        }
    }

    /// Runs `body` on a read-only connection of its own, guarded by a sandbox that lives as long as the
    /// connection (SQLite calls back into it until the connection is closed).
    func sandboxed<T>(budget: SQLRuleBudget, _ body: (Database, SQLRuleSandbox) throws -> T) throws -> T {
        let queue = try readOnlyQueue()
        let tables = try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT lower(name) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"))
        }
        let sandbox = SQLRuleSandbox(tables: tables, budget: budget)
        return try withExtendedLifetime(sandbox) {
            defer { try? queue.close() }
            return try queue.read { db in
                sandbox.install(on: db)
                return try body(db, sandbox)
            }
        }
    }

    func readOnlyQueue() throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
        return try DatabaseQueue(path: path, configuration: config)
    }
}

extension SQLRuleRow {
    /// The severities a sql rule may give in its `severity` column.
    static let severities: Set<String> = ["warning", "overdue", "critical"]

    /// The row's subject, message and severity: numbers are written as text, NULL is empty; a blob, or a severity
    /// that is not warning, overdue or critical, is refused with a sentence naming the column and the row.
    init(_ row: Row, number: Int) throws {
        func text(_ column: String) throws -> String? {
            guard let value = row[column] as DatabaseValue? else { return nil }
            switch value.storage {
            case .null: return nil
            case .int64(let n): return String(n)
            case .double(let x): return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
            case .string(let s): return s
            case .blob: throw PetitionsError("returns a blob in its \(column) column (row \(number)); a sql rule must return text or numbers")
            }
        }
        subject = try text("subject") ?? ""
        message = try text("message") ?? ""
        if let s = try text("severity") {
            let known = s.lowercased()
            guard SQLRuleRow.severities.contains(known) else {
                throw PetitionsError("returns the severity \(quoted(s)) (row \(number)); a severity is warning, overdue or critical")
            }
            severity = known
        } else {
            severity = nil
        }
    }
}

/// Reads the facts' columns by position, parsing each distinct day, period or span once and reading each party
/// once: on a large ledger thousands of rows share them.
private struct FactText {
    private var days: [String: Day] = [:]
    private var periods: [String: Period] = [:]
    private var spans: [String: Span] = [:]
    private var parties: [Int64: PartyName] = [:]

    /// The day in column `i` (named `column` in errors); nil when it is NULL. A value that is not a day is an error
    /// naming it, never a default day.
    mutating func day(_ row: Row, _ i: Int, _ column: String) throws -> Day? {
        try FactText.parsed(row, i, &days, column, "a day") { try Day(parsing: $0) }
    }

    /// The period in column `i`; nil when it is NULL.
    mutating func period(_ row: Row, _ i: Int, _ column: String) throws -> Period? {
        try FactText.parsed(row, i, &periods, column, "a period") { try Period(parsing: $0) }
    }

    /// The span in column `i`; nil when it is NULL.
    mutating func span(_ row: Row, _ i: Int, _ column: String) throws -> Span? {
        try FactText.parsed(row, i, &spans, column, "a span") { try Span(parsing: $0) }
    }

    /// The text in column `i` parsed once per distinct text; nil when it is NULL.
    private static func parsed<T>(
        _ row: Row, _ i: Int, _ known: inout [String: T], _ column: String, _ what: String, _ parse: (String) throws -> T
    ) throws -> T? {
        guard let text: String = row[i] else { return nil }
        if let value = known[text] { return value }
        guard let value = try? parse(text) else {
            throw PetitionsError(
                "The ledger is damaged: its \(column) \(quoted(text)) is not \(what) (it was changed outside petitions).", code: .dataError)
        }
        known[text] = value
        return value
    }

    /// The party whose id is in column `id`, with its handle and name from the columns given.
    mutating func party(_ row: Row, id: Int, handle: Int, name: Int) -> PartyName {
        party(row[id], row, handle: handle, name: name)
    }

    /// The party `id`, with its handle and name from the columns given the first time it is met.
    mutating func party(_ id: Int64, _ row: Row, handle: Int, name: Int) -> PartyName {
        if let known = parties[id] { return known }
        let value = PartyName(id: id, handle: row[handle], name: row[name])
        parties[id] = value
        return value
    }
}
