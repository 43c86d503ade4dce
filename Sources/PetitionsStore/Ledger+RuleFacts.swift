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

extension Ledger {
    // MARK: - Facts for the rules

    static let waitingColumns = """
        l.id, l.day, l.clock_start, l.subject, l.petition_id, l.reply_within, l.reply_due,
        f.id AS fid, f.handle AS fh, f.name AS fn, t.id AS tid, t.handle AS th, t.name AS tn, t.reply_within AS tw,
        par.id AS aid, par.handle AS ah, par.name AS an, p.category AS pc, pp.id AS ppid, pp.handle AS pph, pp.name AS ppn,
        (SELECT count(*) FROM letter x WHERE x.petition_id = l.petition_id AND +x.to_id = l.to_id AND x.direction = 'sent'
           AND x.voided = 0 AND x.id <> l.id AND +x.day >= l.day AND x.id > l.id AND +x.day <= :asOf) AS followups,
        p.subject AS ps
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

    /// Of the letters `ids`, those waiting for a reply as of `asOf` (a draft about one letter asks for it alone).
    public func waitingLetters(asOf: Day, only ids: [Int64]) throws -> [WaitingLetter] {
        try read { db in try waitingLetters(db, asOf: asOf, dueBy: nil, only: ids) }
    }

    /// The letters `waitingLetters(asOf:)` gives, handed to `body` one at a time in the `unanswered` listing's order (by
    /// day sent, then id), none held after `body` returns: memory does not grow with the ledger. SQLite sorts them
    /// (`ORDER BY` over the two halves of `waitingSQL`); only the extensions and pauses, small tables, are held.
    public func streamWaitingLetters(asOf: Day, _ body: (WaitingLetter) throws -> Void) throws {
        try read { db in try eachWaitingLetter(db, asOf: asOf, dueBy: nil, only: nil, ordered: true, body) }
    }

    func waitingLetters(_ db: Database, asOf: Day, dueBy: Day?, only ids: [Int64]?) throws -> [WaitingLetter] {
        var letters: [WaitingLetter] = []
        try eachWaitingLetter(db, asOf: asOf, dueBy: dueBy, only: ids, ordered: false) { letters.append($0) }
        return letters
    }

    /// The first half reads the partial index `letter_waiting` (only letters still waiting); the second starts from the
    /// replies written after the day (`letter_day`, CROSS JOIN keeps that order). The `+` on `l.day`, `x.to_id` and
    /// `x.day` keep SQLite off `letter_day` and `letter_to`, which on 100,000 letters visited every one of them
    /// (EXPLAIN QUERY PLAN; 0.79 s down to 0.011 s in sqlite3 on the medium bench ledger). With `ordered`, the rows come
    /// sorted by day and id (a sort of the waiting letters only, `USE TEMP B-TREE FOR ORDER BY`).
    // Longer than 60 lines on purpose: the extensions and pauses are read first, each in one pass, then the letters in one pass joined to them by id (BENCHMARKS.md).
    func eachWaitingLetter(
        _ db: Database, asOf: Day, dueBy: Day?, only ids: [Int64]?, ordered: Bool, _ body: (WaitingLetter) throws -> Void
    ) throws {
        let due = dueBy.map { _ in " AND (l.reply_due IS NULL OR l.reply_due <= :dueBy)" } ?? ""
        // One letter (a letter sent or received recomputes its own due day) is a parameter, so the statement is
        // prepared once per process: preparing this query anew for each of a million imported letters took two thirds
        // of the import's time.
        // Several letters (the dashboard's first rows) are one parameter too, a JSON array: spliced into the text, the
        // ids made a new statement to prepare for each view after a write (a tenth of the server's time, perf).
        let single = ids?.count == 1 ? ids?.first : nil
        let only = single != nil ? " AND l.id = :id" : ids.map { _ in " AND l.id IN (SELECT value FROM json_each(:ids))" } ?? ""
        let sql = ordered ? Ledger.waitingInPrintOrderSQL(due + only) : Ledger.waitingSQL(due + only)
        var args: [String: DatabaseValueConvertible?] = ["asOf": asOf.description]
        if let dueBy { args["dueBy"] = dueBy.description }
        if let single { args["id"] = single } else if let ids { args["ids"] = "[" + ids.map(String.init).joined(separator: ",") + "]" }
        // Columns by position (`waitingColumns`): a lookup by name lower-cases the name on every read. Days, spans and
        // parties repeat from letter to letter, so each distinct one is parsed or read once.
        var text = FactText()
        var extensions: [Int64: [Span]] = [:]
        let extensionRows = try Row.fetchCursor(db.cachedStatement(sql: Ledger.extensionsSQL), arguments: [asOf.description])
        while let r = try extensionRows.next() {
            if let s = try text.span(r, 1, "span") { extensions[r[0], default: []].append(s) }
        }
        var pauses: [Int64: [DayRange]] = [:]
        let pauseRows = try Row.fetchCursor(db.cachedStatement(sql: Ledger.pausesSQL), arguments: [asOf.description])
        while let r = try pauseRows.next() {
            guard let from = try text.day(r, 1, "from_day") else { continue }
            var to = try text.day(r, 2, "to_day")
            if let t = to, t > asOf { to = nil }
            pauses[r[0], default: []].append(DayRange(from: from, to: to))
        }
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: sql),
            arguments: StatementArguments(args))
        while let r = try rows.next() {
            let id: Int64 = r[0]
            let petition: Int64? = r[4]
            let parent: Int64? = r[14]
            let petitioner: Int64? = r[18]
            try body(
                WaitingLetter(
                    id: id, from: text.party(r, id: 7, handle: 8, name: 9), to: text.party(r, id: 10, handle: 11, name: 12),
                    toParent: parent.map { text.party($0, r, handle: 15, name: 16) },
                    sent: try text.requiredDay(r, 1, "day"), clockStart: try text.requiredDay(r, 2, "clock_start"),
                    subject: r[3], petition: petition, petitionCategory: r[17],
                    petitioner: petitioner.map { text.party($0, r, handle: 19, name: 20) },
                    ownWithin: try text.span(r, 5, "reply_within"), authorityWithin: try text.span(r, 13, "reply_within"),
                    extensions: extensions[id] ?? [], pauses: petition.flatMap { pauses[$0] } ?? [], followUps: r[21],
                    petitionSubject: r[22]))
        }
    }

    /// Deliveries due before `asOf` and not complete as of that day (receipts after it do not count), not cancelled.
    // Longer than 60 lines on purpose: the two branches, the items and the receipts are read in one pass each and joined by position (BENCHMARKS.md).
    /// With `supplier` (a handle), only the deliveries of that supplier's decrees (each decree has one supplier); with
    /// `recipient`, only that recipient's: every delivery of a decree and recipient stays together either way, and
    /// their runs of missed periods are counted whole.
    public func lateDeliveries(asOf: Day, supplier: String? = nil, recipient: String? = nil) throws -> [LateDelivery] {
        try read { db in
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
                sql: Ledger.lateWithLaterReceiptsSQL, arguments: ["asOf": asOf.description])
            let openRows = try Row.fetchCursor(
                db,
                sql: Ledger.lateOpenSQL, arguments: ["asOf": asOf.description])
            func nextRow() throws -> Row? { try laterRows.next() ?? openRows.next() }
            while let row = try nextRow() {
                let id: Int64 = row[0]
                if let supplier, (row[10] as String) != supplier { continue }
                if let recipient, (row[7] as String) != recipient { continue }
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
                        period: try text.requiredPeriod(row, 1, "period"), due: try text.requiredDay(row, 2, "due"))
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
                sql: Ledger.lateItemsSQL, arguments: [ids])
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
                    sql: Ledger.receivedAsOfSQL, arguments: ["[" + later.joined(separator: ",") + "]", asOf.description])
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
                try markReceivedAs(db, d.id, asOf: asOf, &lines, received: receivedBase)
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
                sql: Ledger.petitionActivitySQL, arguments: ["asOf": asOf.description]
            ).map { r in
                PetitionActivity(
                    id: r["id"], subject: r["subject"], petitioner: PartyName(id: r["fid"], handle: r["fh"], name: r["fn"]),
                    authority: PartyName(id: r["aid"], handle: r["ah"], name: r["an"]), category: r["category"],
                    opened: try r.day("opened"), lastActivity: try r.day("last"))
            }
        }
    }
}

/// Reads the facts' columns by position, parsing each distinct day, period or span once and reading each party
/// once: on a large ledger thousands of rows share them.
struct FactText {
    private var days: [String: Day] = [:]
    private var periods: [String: Period] = [:]
    private var spans: [String: Span] = [:]
    private var parties: [Int64: PartyName] = [:]

    /// The day in column `i` (named `column` in errors); nil when it is NULL. A value that is not a day is an error
    /// naming it, never a default day.
    mutating func day(_ row: Row, _ i: Int, _ column: String) throws -> Day? {
        try FactText.parsed(row, i, &days, column, "a day") { try Day(parsing: $0) }
    }

    /// The day in a column that is never NULL (a letter's day, a delivery's due day): a NULL there is damage to the
    /// ledger, said as such, never read as the earliest day.
    mutating func requiredDay(_ row: Row, _ i: Int, _ column: String) throws -> Day {
        guard let day = try day(row, i, column) else { throw FactText.missing(column) }
        return day
    }

    /// The period in a column that is never NULL, as `requiredDay`.
    mutating func requiredPeriod(_ row: Row, _ i: Int, _ column: String) throws -> Period {
        guard let period = try period(row, i, column) else { throw FactText.missing(column) }
        return period
    }

    static func missing(_ column: String) -> PetitionsError {
        PetitionsError("The ledger is damaged: a \(column) is empty where one is required (it was changed outside petitions).", code: .dataError)
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
