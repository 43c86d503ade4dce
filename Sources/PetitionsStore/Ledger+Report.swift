import Foundation
import GRDB
import PetitionsDomain

// MARK: - What the status report asks the ledger

/// What narrows a report; nil means any. `since` keeps petitions opened, letters sent and periods due on or after it.
public struct ReportScope: Sendable, Equatable {
    public var authority: String?
    public var recipient: String?
    public var decree: String?
    public var since: Day?
    public init(authority: String? = nil, recipient: String? = nil, decree: String? = nil, since: Day? = nil) {
        self.authority = authority; self.recipient = recipient; self.decree = decree; self.since = since
    }
    /// Whether anything narrows the report.
    public var isEmpty: Bool { authority == nil && recipient == nil && decree == nil && since == nil }
}

/// A report scope with its handles checked and resolved to ids.
public struct ResolvedReportScope: Sendable, Equatable {
    public var authority: PartyName?
    public var recipient: PartyName?
    /// The recipient and, for a group, its members: the parties whose petitions and letters are in scope.
    public var recipientParties: Set<Int64>
    public var decree: PartyName?
    public var since: Day?
    public var isEmpty: Bool { authority == nil && recipient == nil && decree == nil && since == nil }
}

/// Head-counts for the report's summary.
public struct ReportCounts: Sendable, Equatable {
    public var persons: Int
    public var groups: Int
    /// Persons, their dependants and the head-counts of groups.
    public var householdMembers: Int
}

/// One (recipient, decree, commodity) of the arrears ledger, in base units of the decree's unit's dimension.
public struct ArrearsRow: Sendable, Equatable {
    public struct PeriodOwed: Sendable, Equatable {
        public var period: Period
        public var expected: Int64
        public var received: Int64
    }
    public var recipient: PartyName
    public var decree: PartyName
    public var supplier: PartyName
    public var commodity: String
    public var unit: MeasureUnit
    public var promised: Int64
    public var received: Int64
    public var owed: Int64
    /// Periods due as of the day with something still owed, oldest first.
    public var periods: [PeriodOwed]
}

/// A petition as the report lists it, with its status as of the day asked.
public struct PetitionRow: Sendable, Equatable {
    public var id: Int64
    public var petitioner: PartyName
    public var authority: PartyName
    public var via: PartyName?
    public var subject: String
    public var category: String?
    public var opened: Day
    public var status: PetitionStatus
}

/// How one authority answered the letters it was sent, as of the day asked.
public struct AuthorityRow: Sendable, Equatable {
    public var authority: PartyName
    /// Handles above it, nearest first.
    public var chain: [String]
    public var letters: Int
    public var answered: Int
    public var answeredWithinDeadline: Int
    public var medianDaysToAnswer: Double?
    public var open: Int
}

/// Deliveries due in one period and how many came, with amounts per commodity in base units.
public struct DeliveryTrendRow: Sendable, Equatable {
    public struct Amount: Sendable, Equatable {
        public var commodity: String
        public var unit: MeasureUnit
        public var expected: Int64
        public var received: Int64
    }
    public var period: Period
    public var due: Int
    public var complete: Int
    public var partial: Int
    public var amounts: [Amount]
}

/// A person's name and handle, and the names of their dependants, for redaction.
public struct PersonNames: Sendable, Equatable {
    public var id: Int64
    public var handle: String
    public var name: String
    public var dependants: [String]
}

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
            return ResolvedReportScope(authority: a.map { PartyName(id: $0.id, handle: $0.handle, name: $0.name) },
                                       recipient: r.map { PartyName(id: $0.id, handle: $0.handle, name: $0.name) }, recipientParties: parties,
                                       decree: d.map { PartyName(id: $0.id, handle: $0.handle, name: $0.name) }, since: scope.since)
        }
    }

    /// `(column = :r OR column IN members of :r)`: a party column in the recipient's scope.
    static func inRecipient(_ column: String) -> String {
        "(\(column) = :recipient OR \(column) IN (SELECT person_id FROM group_member WHERE group_id = :recipient))"
    }

    // MARK: - Summary

    /// Persons, groups and household members: of the whole ledger, or of the recipient in scope.
    public func reportCounts(_ scope: ResolvedReportScope) throws -> ReportCounts {
        try read { db in
            let row: Row?
            if let r = scope.recipient {
                row = try Row.fetchOne(db, sql: """
                    WITH persons(id) AS (SELECT id FROM party WHERE id = :recipient AND kind = 'person'
                                         UNION SELECT person_id FROM group_member WHERE group_id = :recipient)
                    SELECT (SELECT count(*) FROM persons) AS persons,
                           (SELECT count(*) FROM party WHERE id = :recipient AND kind = 'group') AS groups,
                           (SELECT count(*) FROM persons) + (SELECT count(*) FROM dependant WHERE person_id IN persons)
                             + (SELECT coalesce(sum(count), 0) FROM group_count WHERE group_id = :recipient) AS household
                    """, arguments: ["recipient": r.id])
            } else {
                row = try Row.fetchOne(db, sql: """
                    SELECT (SELECT count(*) FROM party WHERE kind = 'person') AS persons,
                           (SELECT count(*) FROM party WHERE kind = 'group') AS groups,
                           (SELECT count(*) FROM party WHERE kind = 'person') + (SELECT count(*) FROM dependant)
                             + (SELECT coalesce(sum(count), 0) FROM group_count) AS household
                    """)
            }
            return ReportCounts(persons: row?["persons"] ?? 0, groups: row?["groups"] ?? 0, householdMembers: row?["household"] ?? 0)
        }
    }

    // MARK: - Deliveries as of a day

    /// The items of deliveries due on or before `:asOf` (not cancelled), in scope, with what had come by that day:
    /// the stored total less the receipts recorded for later days (few, found through `receipt_day`, named because the
    /// planner would otherwise walk every receipt in `receipt_delivery` order to save a sort).
    func dueItems(_ scope: ResolvedReportScope) -> (sql: String, arguments: [String: DatabaseValueConvertible?]) {
        var clauses = ["d.status <> 'cancelled'", "d.period <= :asOfPeriod", "d.due <= :dueBy"]
        var args: [String: DatabaseValueConvertible?] = [:]
        if let r = scope.recipient { clauses.append("d.recipient_id = :recipient"); args["recipient"] = r.id }
        if let k = scope.decree { clauses.append("d.decree_id = :decree"); args["decree"] = k.id }
        if let a = scope.authority {
            clauses.append("d.decree_id IN (SELECT id FROM decree WHERE supplier_id = :authority)"); args["authority"] = a.id
        }
        if let s = scope.since { clauses.append("d.period >= :sincePeriod"); args["sincePeriod"] = Period(containing: s).description }
        let sql = """
            WITH later AS (
              SELECT rc.delivery_id, ri.commodity, sum(ri.amount) AS n FROM receipt rc INDEXED BY receipt_day JOIN receipt_item ri ON ri.receipt_id = rc.id
              WHERE rc.day > :asOf GROUP BY rc.delivery_id, ri.commodity),
            items AS (
              SELECT d.id, d.decree_id, d.recipient_id, d.period, i.commodity, i.unit, i.expected,
                     i.received - coalesce(later.n, 0) AS got
              FROM delivery d JOIN delivery_item i ON i.delivery_id = d.id
              LEFT JOIN later ON later.delivery_id = d.id AND later.commodity = i.commodity
              WHERE \(clauses.joined(separator: " AND ")))
            """
        return (sql, args)
    }

    func dueArguments(_ scope: ResolvedReportScope, asOf: Day, dueBy: Day? = nil) -> (String, StatementArguments) {
        let (cte, args) = dueItems(scope)
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
        try read { db in
            let (cte, args) = dueArguments(scope, asOf: asOf, dueBy: dueBy)
            var rows: [ArrearsRow] = []
            var index: [String: Int] = [:]
            let totals = try Row.fetchCursor(db, sql: cte + """
                SELECT it.recipient_id, it.decree_id, it.commodity, it.unit, sum(it.expected) AS promised, sum(it.got) AS received,
                       sum(max(0, it.expected - it.got)) AS owed, sum(it.got < it.expected) AS missed,
                       r.handle AS rh, r.name AS rn, k.handle AS kh, k.name AS kn, s.id AS sid, s.handle AS sh, s.name AS sn
                FROM items it JOIN party r ON r.id = it.recipient_id JOIN decree k ON k.id = it.decree_id JOIN party s ON s.id = k.supplier_id
                GROUP BY it.recipient_id, it.decree_id, it.commodity, it.unit HAVING owed > 0
                ORDER BY missed DESC, r.handle, k.handle, it.commodity
                """, arguments: args)
            while let r = try totals.next() {
                let key = "\(r["recipient_id"] as Int64)/\(r["decree_id"] as Int64)/\(r["commodity"] as String)/\(r["unit"] as String)"
                index[key] = rows.count
                rows.append(ArrearsRow(recipient: PartyName(id: r["recipient_id"], handle: r["rh"], name: r["rn"]),
                                       decree: PartyName(id: r["decree_id"], handle: r["kh"], name: r["kn"]),
                                       supplier: PartyName(id: r["sid"], handle: r["sh"], name: r["sn"]),
                                       commodity: r["commodity"], unit: unit(r["unit"]), promised: r["promised"], received: r["received"],
                                       owed: r["owed"], periods: []))
            }
            let owed = try Row.fetchCursor(db, sql: cte + """
                SELECT recipient_id, decree_id, commodity, unit, period, expected, got FROM items WHERE got < expected
                ORDER BY recipient_id, decree_id, commodity, period
                """, arguments: args)
            while let r = try owed.next() {
                let key = "\(r["recipient_id"] as Int64)/\(r["decree_id"] as Int64)/\(r["commodity"] as String)/\(r["unit"] as String)"
                guard let i = index[key], let p = try? Period(parsing: r["period"]) else { continue }
                rows[i].periods.append(ArrearsRow.PeriodOwed(period: p, expected: r["expected"], received: r["got"]))
            }
            return rows
        }
    }

    /// Deliveries due per period as of `asOf` (not cancelled) and how many had come in full or in part, with the
    /// amounts expected and received per commodity; oldest period first.
    public func deliveryTrend(_ scope: ResolvedReportScope, asOf: Day) throws -> [DeliveryTrendRow] {
        try read { db in
            let (cte, args) = dueArguments(scope, asOf: asOf)
            var rows: [DeliveryTrendRow] = []
            var index: [String: Int] = [:]
            let counts = try Row.fetchCursor(db, sql: cte + """
                , per AS (SELECT id, period, min(got >= expected) AS full, max(got > 0) AS some FROM items GROUP BY id)
                SELECT period, count(*) AS due, sum(full) AS complete, sum(some AND NOT full) AS partial FROM per GROUP BY period ORDER BY period
                """, arguments: args)
            while let r = try counts.next() {
                guard let p = try? Period(parsing: r["period"]) else { continue }
                index[p.description] = rows.count
                rows.append(DeliveryTrendRow(period: p, due: r["due"], complete: r["complete"], partial: r["partial"], amounts: []))
            }
            let amounts = try Row.fetchCursor(db, sql: cte + """
                SELECT period, commodity, unit, sum(expected) AS expected, sum(got) AS received FROM items
                GROUP BY period, commodity, unit ORDER BY period, commodity, unit
                """, arguments: args)
            while let r = try amounts.next() {
                guard let i = index[r["period"]] else { continue }
                rows[i].amounts.append(DeliveryTrendRow.Amount(commodity: r["commodity"], unit: unit(r["unit"]), expected: r["expected"], received: r["received"]))
            }
            return rows
        }
    }

    // MARK: - Petitions

    /// Petitions opened on or before `asOf`, in scope, each with its status as of that day (the last status change
    /// recorded for a day on or before it, else open); by id.
    public func petitionRows(_ scope: ResolvedReportScope, asOf: Day) throws -> [PetitionRow] {
        try read { db in
            var clauses = ["p.opened <= :asOf"]
            var args: [String: DatabaseValueConvertible?] = ["asOf": asOf.description]
            if let a = scope.authority { clauses.append("p.authority_id = :authority"); args["authority"] = a.id }
            if let r = scope.recipient {
                clauses.append("(\(Ledger.inRecipient("p.petitioner_id")) OR p.via_id = :recipient)"); args["recipient"] = r.id
            }
            if let s = scope.since { clauses.append("p.opened >= :since"); args["since"] = s.description }
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT p.id, p.subject, p.category, p.opened, f.id AS fid, f.handle AS fh, f.name AS fn, a.id AS aid, a.handle AS ah, a.name AS an,
                       v.id AS vid, v.handle AS vh, v.name AS vn,
                       coalesce((SELECT json_extract(e.payload, '$.to') FROM event_subject s JOIN event e ON e.id = s.event_id
                                 WHERE s.subject_type = 'petition' AND s.subject_id = p.id AND e.kind = 'petition.status_changed' AND e.day <= :asOf
                                 ORDER BY e.day DESC, e.id DESC LIMIT 1), 'open') AS status_as_of
                FROM petition p JOIN party f ON f.id = p.petitioner_id JOIN party a ON a.id = p.authority_id LEFT JOIN party v ON v.id = p.via_id
                WHERE \(clauses.joined(separator: " AND ")) ORDER BY p.id
                """, arguments: StatementArguments(args))
            var out: [PetitionRow] = []
            while let r = try cursor.next() {
                let via: Int64? = r["vid"]
                out.append(PetitionRow(id: r["id"], petitioner: PartyName(id: r["fid"], handle: r["fh"], name: r["fn"]),
                                       authority: PartyName(id: r["aid"], handle: r["ah"], name: r["an"]),
                                       via: via.map { PartyName(id: $0, handle: r["vh"], name: r["vn"]) }, subject: r["subject"], category: r["category"],
                                       opened: (try? Day(parsing: r["opened"])) ?? Day.minimum,
                                       status: PetitionStatus(rawValue: r["status_as_of"]) ?? .open))
            }
            return out
        }
    }

    // MARK: - Authorities

    /// Per authority written to: letters sent to it on or before `asOf` that expected a reply (not void), how many were
    /// answered by then, how many by their stored due day, the median days to answer, and how many still wait.
    public func authorityRows(_ scope: ResolvedReportScope, asOf: Day) throws -> [AuthorityRow] {
        try read { db in
            var clauses = ["l.direction = 'sent'", "l.expects_reply = 1", "l.voided = 0", "l.day <= :asOf"]
            var args: [String: DatabaseValueConvertible?] = ["asOf": asOf.description]
            if let a = scope.authority { clauses.append("l.to_id = :authority"); args["authority"] = a.id }
            if let r = scope.recipient {
                clauses.append("(\(Ledger.inRecipient("l.from_id")) OR l.petition_id IN (SELECT id FROM petition p WHERE \(Ledger.inRecipient("p.petitioner_id"))))")
                args["recipient"] = r.id
            }
            if let s = scope.since { clauses.append("l.day >= :since"); args["since"] = s.description }
            let cursor = try Row.fetchCursor(db, sql: """
                WITH sent AS (
                  SELECT l.to_id, l.day, l.reply_due, r.day AS reply_day
                  FROM letter l LEFT JOIN letter r ON r.id = l.answered_by AND r.day <= :asOf
                  WHERE \(clauses.joined(separator: " AND "))),
                ranked AS (
                  SELECT to_id, julianday(reply_day) - julianday(day) AS d,
                         row_number() OVER (PARTITION BY to_id ORDER BY julianday(reply_day) - julianday(day)) AS n,
                         count(*) OVER (PARTITION BY to_id) AS c
                  FROM sent WHERE reply_day IS NOT NULL),
                median AS (SELECT to_id, avg(d) AS days FROM ranked WHERE n IN ((c + 1) / 2, (c + 2) / 2) GROUP BY to_id)
                SELECT a.id, a.handle, a.name, count(*) AS letters, count(s.reply_day) AS answered,
                       coalesce(sum(s.reply_day IS NOT NULL AND s.reply_due IS NOT NULL AND s.reply_day <= s.reply_due), 0) AS within,
                       coalesce(sum(s.reply_day IS NULL), 0) AS open, median.days AS median
                FROM sent s JOIN party a ON a.id = s.to_id LEFT JOIN median ON median.to_id = s.to_id
                GROUP BY s.to_id ORDER BY a.handle
                """, arguments: StatementArguments(args))
            var out: [AuthorityRow] = []
            while let r = try cursor.next() {
                let id: Int64 = r["id"]
                out.append(AuthorityRow(authority: PartyName(id: id, handle: r["handle"], name: r["name"]), chain: [],
                                        letters: r["letters"], answered: r["answered"], answeredWithinDeadline: r["within"],
                                        medianDaysToAnswer: r["median"], open: r["open"]))
            }
            for i in out.indices { out[i].chain = try chain(db, above: out[i].authority.id).map(\.handle) }
            return out
        }
    }

    // MARK: - Trend of findings

    /// Findings raised and cleared per month by recorded checks on or before `asOf` (from `since` when given).
    public func findingTrend(asOf: Day, since: Day? = nil) throws -> [(month: String, raised: Int, cleared: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT substr(day, 1, 7) AS month, sum(kind = 'finding.raised') AS raised, sum(kind = 'finding.cleared') AS cleared
                FROM event WHERE kind IN ('finding.raised', 'finding.cleared') AND day <= ? AND day >= ? GROUP BY month ORDER BY month
                """, arguments: [asOf.description, (since.map { Period(containing: $0).first } ?? Day.minimum).description])
                .map { ($0["month"], $0["raised"], $0["cleared"]) }
        }
    }

    // MARK: - Redaction

    /// Every person of the ledger with the names of their dependants: what a redacted report must not show.
    public func personNames() throws -> [PersonNames] {
        try read { db in
            var out: [PersonNames] = []
            var index: [Int64: Int] = [:]
            let persons = try Row.fetchCursor(db, sql: "SELECT id, handle, name FROM party WHERE kind = 'person' ORDER BY id")
            while let r = try persons.next() {
                index[r["id"]] = out.count
                out.append(PersonNames(id: r["id"], handle: r["handle"], name: r["name"], dependants: []))
            }
            let dependants = try Row.fetchCursor(db, sql: "SELECT person_id, name FROM dependant ORDER BY id")
            while let r = try dependants.next() {
                if let i = index[r["person_id"]] { out[i].dependants.append(r["name"]) }
            }
            return out
        }
    }
}
