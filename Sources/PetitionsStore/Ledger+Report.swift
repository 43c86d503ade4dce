import Foundation
import GRDB
import PetitionsDomain

// MARK: - What the status report asks the ledger
extension Ledger {
    // MARK: - Scope

    /// Checks the handles of a report scope: an unknown one is an error naming the closest known handle.
    public func resolve(_ scope: ReportScope) throws -> ResolvedReportScope {
        try read { db in
            let a = try scope.authority.map { try resolveParty(db, $0, kinds: [.authority], field: "--authority") }
            let r = try scope.recipient.map { try resolveParty(db, $0, kinds: [.group, .person], field: "--recipient") }
            let d = try scope.decree.map { try resolveDecree(db, $0) }
            var parties = Set<Int64>()
            if let r {
                parties.insert(r.id)
                if r.kind == .group {
                    parties.formUnion(try Int64.fetchAll(db, sql: "SELECT person_id FROM group_member WHERE group_id = ?", arguments: [r.id]))
                }
            }
            return ResolvedReportScope(
                authority: a.map { PartyName(id: $0.id, handle: $0.handle, name: $0.name) },
                recipient: r.map { PartyName(id: $0.id, handle: $0.handle, name: $0.name) }, recipientParties: parties,
                decree: d.map { PartyName(id: $0.id, handle: $0.handle, name: $0.name) }, since: scope.since)
        }
    }

    /// `(column = :r OR column IN members of :r)`: a party column in the recipient's scope.
    static func inRecipient(_ column: String) -> String {
        "(\(column) = :recipient OR \(column) IN (SELECT person_id FROM group_member WHERE group_id = :recipient))"
    }

    // MARK: - Summary

    /// Party `p` as the ledger held it as of `:asOf`: some event concerning it (its recording, a petition, a letter, an
    /// enrolment…) is dated on or before that day. A party recorded later, with nothing of it earlier, is not counted;
    /// one recorded without a day (today) but named in a letter of 1920 counts from that letter. Each party's events are
    /// found through `event_subject_by_subject`, and the first one dated early enough ends the search.
    static let heldBy = """
        EXISTS (SELECT 1 FROM event_subject s JOIN event e ON e.id = s.event_id
                WHERE s.subject_type = 'party' AND s.subject_id = p.id AND e.day <= :asOf)
        """

    /// A row of `dependant_span` or `group_count_span` in force on `:asOf`: from the day it was added (always, for one
    /// recorded with its party) to the day before it was removed or changed.
    static let inForce = "(from_day IS NULL OR from_day <= :asOf) AND (to_day IS NULL OR to_day > :asOf)"

    /// Persons, groups and household members as of `asOf`: of the whole ledger, or of the recipient in scope, counting
    /// only the parties the ledger held by then (`heldBy`), with the dependants and head-counts in force that day.
    public func reportCounts(_ scope: ResolvedReportScope, asOf: Day = .maximum) throws -> ReportCounts {
        try read { db in
            let row: Row?
            if let r = scope.recipient {
                row = try Row.fetchOne(
                    db,
                    sql: """
                        WITH known(id, kind) AS (SELECT p.id, p.kind FROM party p
                                                 WHERE (p.id = :recipient OR p.id IN (SELECT person_id FROM group_member WHERE group_id = :recipient))
                                                   AND \(Ledger.heldBy)),
                             persons(id) AS (SELECT id FROM known WHERE kind = 'person')
                        SELECT (SELECT count(*) FROM persons) AS persons,
                               (SELECT count(*) FROM known WHERE id = :recipient AND kind = 'group') AS groups,
                               CAST((SELECT count(*) FROM persons) + (SELECT count(*) FROM dependant_span WHERE person_id IN persons AND \(Ledger.inForce))
                                 + (SELECT total(count) FROM group_count_span WHERE group_id IN (SELECT id FROM known WHERE kind = 'group') AND \(Ledger.inForce))
                                 AS INTEGER) AS household
                        """, arguments: ["recipient": r.id, "asOf": asOf.description])
            } else {
                row = try Row.fetchOne(
                    db,
                    sql: """
                        WITH known(id, kind) AS (SELECT p.id, p.kind FROM party p WHERE p.kind IN ('person', 'group') AND \(Ledger.heldBy)),
                             persons(id) AS (SELECT id FROM known WHERE kind = 'person')
                        SELECT (SELECT count(*) FROM persons) AS persons,
                               (SELECT count(*) FROM known WHERE kind = 'group') AS groups,
                               CAST((SELECT count(*) FROM persons) + (SELECT count(*) FROM dependant_span WHERE person_id IN persons AND \(Ledger.inForce))
                                 + (SELECT total(count) FROM group_count_span WHERE group_id IN (SELECT id FROM known WHERE kind = 'group') AND \(Ledger.inForce))
                                 AS INTEGER) AS household
                        """, arguments: ["asOf": asOf.description])
            }
            // total() and the cast: head-counts stored before they were bounded must not stop the report with SQLite's
            // "integer overflow"; a sum past Int64 shows as its largest value.
            return ReportCounts(persons: row?["persons"] ?? 0, groups: row?["groups"] ?? 0, householdMembers: row?["household"] ?? 0)
        }
    }

    // MARK: - Deliveries as of a day

    /// The items of deliveries due on or before `:asOf` (not cancelled), in scope, with what had come by that day:
    /// the stored total less the receipts recorded for later days (few, found through `receipt_day`, named because the
    /// planner would otherwise walk every receipt in `receipt_delivery` order to save a sort). With only `--since`, the
    /// deliveries come through `delivery_period` (named for the same reason: SQLite would walk every delivery in id
    /// order, `SCAN d`, however recent the period).
    static func dueItems(_ scope: ResolvedReportScope) -> (sql: String, arguments: [String: DatabaseValueConvertible?]) {
        var clauses = ["d.status <> 'cancelled'", "d.period <= :asOfPeriod", "d.due <= :dueBy"]
        var args: [String: DatabaseValueConvertible?] = [:]
        if let r = scope.recipient {
            clauses.append("d.recipient_id = :recipient")
            args["recipient"] = r.id
        }
        if let k = scope.decree {
            clauses.append("d.decree_id = :decree")
            args["decree"] = k.id
        }
        if let a = scope.authority {
            clauses.append("d.decree_id IN (SELECT id FROM decree WHERE supplier_id = :authority)")
            args["authority"] = a.id
        }
        if let s = scope.since {
            clauses.append("d.period >= :sincePeriod")
            args["sincePeriod"] = Period(containing: s).description
        }
        let byPeriod = scope.since != nil && scope.recipient == nil && scope.decree == nil && scope.authority == nil
        let sql = """
            WITH later AS (
              SELECT rc.delivery_id, ri.commodity, sum(ri.amount) AS n FROM receipt rc INDEXED BY receipt_day JOIN receipt_item ri ON ri.receipt_id = rc.id
              WHERE rc.day > :asOf AND rc.voided = 0 GROUP BY rc.delivery_id, ri.commodity),
            items AS (
              SELECT d.id, d.decree_id, d.recipient_id, d.period, d.due, i.commodity, i.unit, i.expected,
                     i.received - coalesce(later.n, 0) AS got
              FROM delivery d\(byPeriod ? " INDEXED BY delivery_period" : "") JOIN delivery_item i ON i.delivery_id = d.id
              LEFT JOIN later ON later.delivery_id = d.id AND later.commodity = i.commodity
              WHERE \(clauses.joined(separator: " AND ")))
            """
        return (sql, args)
    }

    /// The report's one pass over the items due, after `dueItems`' CTE (plans in `Ledger+HotQueries.swift`).
    static let supplySelect = """
        SELECT it.id, it.recipient_id, it.decree_id, it.period, it.commodity, it.unit, it.expected, it.got, it.due <= :lateDue, it.due <= :asOf
        FROM items it ORDER BY it.id
        """

    func dueArguments(_ scope: ResolvedReportScope, asOf: Day, dueBy: Day? = nil) -> (String, StatementArguments) {
        let (cte, args) = Ledger.dueItems(scope)
        var all = args
        all["asOf"] = asOf.description
        all["dueBy"] = (dueBy ?? asOf).description
        all["asOfPeriod"] = Period(containing: asOf).description
        return (cte + "\n", StatementArguments(all))
    }

    /// The arrears ledger: per recipient, decree and commodity with something owed, what fell due since enrolment as of
    /// `asOf`, what had come by then, and what is owed, with the periods still owed. Worst first: most periods owed, then by handle.
    /// With `dueBy`, only deliveries due on or before it count (those past their grace), receipts still as of `asOf`.
    public func arrears(_ scope: ResolvedReportScope, asOf: Day, dueBy: Day? = nil) throws -> [ArrearsRow] {
        try supply(scope, asOf: asOf, arrearsDueBy: dueBy ?? asOf).arrears
    }

    /// Deliveries due per period as of `asOf` (not cancelled) and how many had come in full or in part, with the
    /// amounts expected and received per commodity; oldest period first.
    public func deliveryTrend(_ scope: ResolvedReportScope, asOf: Day) throws -> [DeliveryTrendRow] {
        try supply(scope, asOf: asOf, arrearsDueBy: asOf).trend
    }

    /// The arrears ledger (deliveries due on or before `arrearsDueBy`) and the delivery trend (due on or before
    /// `asOf`), from one pass over the items due: at a million deliveries, four aggregate queries over them (two each,
    /// with SQLite sorting a million rows for every GROUP BY) were half of the report's time.
    // Longer than 60 lines on purpose: one pass over every item due, arrears and trend together, so a million delivery items are read once (BENCHMARKS.md).
    public func supply(_ scope: ResolvedReportScope, asOf: Day, arrearsDueBy: Day) throws -> (arrears: [ArrearsRow], trend: [DeliveryTrendRow]) {
        try read { db in
            let (cte, args) = dueArguments(scope, asOf: asOf, dueBy: max(asOf, arrearsDueBy))
            let lateDue = arrearsDueBy.description
            // Commodities (with their unit) and periods are numbered as they are met, so that the sums are kept under
            // keys of integers: hashing the texts of every row was a third of this pass (BENCHMARKS.md, sixth session).
            var kinds: [(commodity: String, unit: String)] = []
            var kindNumbers: [String: Int] = [:]
            // A ledger has a handful of commodities: they are compared one by one, and looked up by name past sixteen.
            func kind(_ commodity: String, _ unit: String) -> Int {
                if kinds.count <= 16 {
                    if let k = kinds.firstIndex(where: { $0.commodity == commodity && $0.unit == unit }) { return k }
                } else if let k = kindNumbers[commodity + "\u{0}" + unit] {
                    return k
                }
                kinds.append((commodity, unit))
                kindNumbers[commodity + "\u{0}" + unit] = kinds.count - 1
                return kinds.count - 1
            }
            var periodTexts: [String] = []
            var periodNumbers: [String: Int] = [:]
            var last: (text: String, number: Int)?
            // Deliveries come by id, and ids run by period: most rows are of the period of the row before.
            func periodNumber(_ text: String) -> Int {
                if let last, last.text == text { return last.number }
                let n = periodNumbers[text] ?? periodTexts.count
                if n == periodTexts.count {
                    periodTexts.append(text)
                    periodNumbers[text] = n
                }
                last = (text, n)
                return n
            }
            struct Owing: Hashable {
                var recipient: Int64
                var decree: Int64
                var kind: Int
            }
            struct Totals {
                var promised: Int64 = 0
                var received: Int64 = 0
                var owed: Int64 = 0
                var missed = 0
                var periods: [ArrearsRow.PeriodOwed] = []
            }
            struct Amount: Hashable {
                var period: Int
                var kind: Int
            }
            struct PeriodCount {
                var due = 0
                var complete = 0
                var partial = 0
            }
            var owing: [Owing: Totals] = [:]
            var amounts: [Amount: (expected: Int64, received: Int64)] = [:]
            var perPeriod: [PeriodCount] = []
            var periods: [Int: Period] = [:]
            // Rows come by delivery, so that whether each came in full or in part is known when its last item is read.
            var current: (id: Int64, period: Int, full: Bool, some: Bool)?
            func close() {
                guard let c = current else { return }
                while perPeriod.count <= c.period { perPeriod.append(PeriodCount()) }
                perPeriod[c.period].due += 1
                if c.full {
                    perPeriod[c.period].complete += 1
                } else if c.some {
                    perPeriod[c.period].partial += 1
                }
            }
            let rows = try Row.fetchCursor(
                db,
                sql: cte + Ledger.supplySelect, arguments: args + ["lateDue": lateDue])
            while let r = try rows.next() {
                let id: Int64 = r[0]
                let periodText: String = r[3]
                let period = periodNumber(periodText)
                let commodity: String = r[4]
                let k = kind(commodity, r[5])
                let expected: Int64 = r[6]
                let got: Int64 = r[7]
                let late: Bool = r[8]
                let inTrend: Bool = r[9]
                if !inTrend {
                    // Due after the day itself: only the arrears (asked for a later day than the trend) count it.
                } else if current?.id != id {
                    close()
                    current = (id, period, true, false)
                }
                if inTrend {
                    if got < expected { current?.full = false }
                    if got > 0 { current?.some = true }
                    func add(_ a: inout (expected: Int64, received: Int64)) throws {
                        a.expected = try Ledger.checkedSum(a.expected, expected, "the \(commodity) expected in \(periodText)")
                        a.received = try Ledger.checkedSum(a.received, got, "the \(commodity) received in \(periodText)")
                    }
                    try add(&amounts[Amount(period: period, kind: k), default: (0, 0)])
                }
                guard late else { continue }
                if got < expected, periods[period] == nil { periods[period] = try? Period(parsing: periodText) }
                let owedPeriod = got < expected ? periods[period] : nil
                // Added to in place: a copy taken out of the dictionary and stored back copied the periods owed at every row.
                func add(_ t: inout Totals) throws {
                    t.promised = try Ledger.checkedSum(t.promised, expected, "the \(commodity) of delivery \(id)'s recipient promised")
                    t.received = try Ledger.checkedSum(t.received, got, "the \(commodity) of delivery \(id)'s recipient received")
                    t.owed = try Ledger.checkedSum(t.owed, max(0, expected - got), "the \(commodity) of delivery \(id)'s recipient owed")
                    if got < expected { t.missed += 1 }
                    if let p = owedPeriod { t.periods.append(ArrearsRow.PeriodOwed(period: p, expected: expected, received: got)) }
                }
                try add(&owing[Owing(recipient: r[1], decree: r[2], kind: k), default: Totals()])
            }
            close()

            // Names, once per party and decree met.
            var parties: [Int64: PartyName] = [:]
            func party(_ id: Int64) throws -> PartyName {
                if let p = parties[id] { return p }
                let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT handle, name FROM party WHERE id = ?"), arguments: [id])
                let p = PartyName(id: id, handle: row?[0] ?? "", name: row?[1] ?? "")
                parties[id] = p
                return p
            }
            var decrees: [Int64: (decree: PartyName, supplier: Int64)] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT id, handle, name, supplier_id FROM decree") {
                decrees[r[0]] = (PartyName(id: r[0], handle: r[1], name: r[2]), r[3])
            }
            func bytesBefore(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

            var arrears: [(row: ArrearsRow, missed: Int, unit: String)] = []
            for (key, t) in owing where t.owed > 0 {
                guard let d = decrees[key.decree] else { continue }
                // Periods oldest first, as they were ordered by period within each commodity.
                let owedPeriods = t.periods.sorted { $0.period < $1.period }
                arrears.append(
                    (
                        ArrearsRow(
                            recipient: try party(key.recipient), decree: d.decree, supplier: try party(d.supplier),
                            commodity: kinds[key.kind].commodity, unit: unit(kinds[key.kind].unit), promised: t.promised, received: t.received,
                            owed: t.owed, periods: owedPeriods), t.missed, kinds[key.kind].unit
                    ))
            }
            // Most periods missed first, then by recipient, decree and commodity (as SQLite orders text: by bytes).
            arrears.sort { a, b in
                if a.missed != b.missed { return a.missed > b.missed }
                if a.row.recipient.handle != b.row.recipient.handle { return bytesBefore(a.row.recipient.handle, b.row.recipient.handle) }
                if a.row.decree.handle != b.row.decree.handle { return bytesBefore(a.row.decree.handle, b.row.decree.handle) }
                if a.row.commodity != b.row.commodity { return bytesBefore(a.row.commodity, b.row.commodity) }
                if a.row.recipient.id != b.row.recipient.id { return a.row.recipient.id < b.row.recipient.id }
                if a.row.decree.id != b.row.decree.id { return a.row.decree.id < b.row.decree.id }
                return bytesBefore(a.unit, b.unit)
            }

            var trend: [DeliveryTrendRow] = []
            var lines: [Int: [(kind: Int, expected: Int64, received: Int64)]] = [:]
            for (key, a) in amounts { lines[key.period, default: []].append((key.kind, a.expected, a.received)) }
            for n in perPeriod.indices.filter({ perPeriod[$0].due > 0 }).sorted(by: { bytesBefore(periodTexts[$0], periodTexts[$1]) }) {
                let (text, c) = (periodTexts[n], perPeriod[n])
                guard let p = periods[n] ?? (try? Period(parsing: text)) else { continue }
                let sorted = (lines[n] ?? []).sorted { a, b in
                    let (x, y) = (kinds[a.kind], kinds[b.kind])
                    return x.commodity != y.commodity ? bytesBefore(x.commodity, y.commodity) : bytesBefore(x.unit, y.unit)
                }
                trend.append(
                    DeliveryTrendRow(
                        period: p, due: c.due, complete: c.complete, partial: c.partial,
                        amounts: sorted.map {
                            DeliveryTrendRow.Amount(
                                commodity: kinds[$0.kind].commodity, unit: unit(kinds[$0.kind].unit), expected: $0.expected, received: $0.received)
                        }))
            }
            return (arrears.map(\.row), trend)
        }
    }
}
