import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsReport
import PetitionsRules
import PetitionsTestSupport
import Testing

@testable import PetitionsStore

/// The report's passes against answers worked out the plain way: the supply section (arrears and trend, one pass over
/// the items due, summed in place) and the authorities' table (one pass over the letters) against sums and medians
/// of rows read one by one; the headline against every finding filtered to the scope as the report filtered them
/// before it let them go early; and each CSV section worked out alone against the same section of the whole report.
/// Several scopes and days, on a ledger with part, late and voided receipts, answered and waiting letters.
@Suite("Report passes") struct ReportPassesTests {
    static let scopes: [ReportScope] = [
        ReportScope(), ReportScope(since: Day(year: 1919, month: 10, day: 15)), ReportScope(authority: "bread"), ReportScope(authority: "council"),
        ReportScope(recipient: "klin-post"), ReportScope(decree: "salt-decree"),
        ReportScope(recipient: "dmitrov-post", since: Day(year: 1919, month: 9, day: 1)),
    ]
    static let days = ["1919-08-10", "1919-12-20", "1920-03-04", "1920-06-01"]

    /// Three groups under two decrees (one of two commodities) from two suppliers, nine months scheduled, receipts
    /// chosen by a seeded generator (none, part, full, long after, voided); letters from every group to every
    /// authority, some answered in time, some late, some after the days asked, some still waiting; a petition each.
    static func ledger() throws -> TemporaryLedger {
        let temporary = try TemporaryLedger()
        let ws = temporary.workspace
        _ = try AddAuthority(name: "Council", handle: "council").run(in: ws)
        _ = try AddAuthority(name: "Bread centre", handle: "bread", parent: "council", replyWithin: Span(20, .workingDays)).run(in: ws)
        _ = try AddAuthority(name: "Salt centre", handle: "salt", replyWithin: Span(1, .months)).run(in: ws)
        let groups = ["zvenigorod-post", "dmitrov-post", "klin-post"]
        for g in groups { _ = try AddGroup(name: g, handle: g, counts: [HeadCount(category: "employee", count: 10)]).run(in: ws) }
        let decrees = [
            ("wheat-decree", "bread", ["employee: 8 funt wheat"]), ("salt-decree", "salt", ["employee: 1 funt salt", "employee: 2 funt sugar"]),
        ]
        for (handle, supplier, rations) in decrees {
            _ = try AddDecree(handle: handle, name: "Decree \(handle)", issued: try Day(parsing: "1919-01-01"), supplier: supplier, rations: rations)
                .run(in: ws)
            for g in groups { _ = try EnrolRecipient(decree: handle, recipient: g, from: try Day(parsing: "1919-06-01")).run(in: ws) }
            _ = try ScheduleDeliveries(decree: handle, from: try Period(parsing: "1919-06"), to: try Period(parsing: "1920-02")).run(in: ws)
        }
        var random = SeededRandom(state: 6)
        for (decree, _, _) in decrees {
            for g in groups {
                for period in Period.range(try Period(parsing: "1919-06"), try Period(parsing: "1920-02")) {
                    let pick = random.below(6)
                    guard pick > 0 else { continue }
                    let quantities =
                        decree == "wheat-decree" ? ["\(pick >= 3 ? 80 : 30) funt wheat"] : ["10 funt salt"] + (pick >= 3 ? ["20 funt sugar"] : [])
                    let day = pick == 4 ? period.first.adding(days: 75) : period.day(6)
                    let delivery = try RecordReceipt(decree: decree, recipient: g, period: period, on: day, quantities: quantities).run(in: ws)
                    if pick == 5, let receipt = delivery.receipts?.last?.id {
                        _ = try VoidReceipt(receipt: receipt, reason: "the wrong month", on: day).run(in: ws)
                    }
                }
            }
        }
        for (n, g) in groups.enumerated() {
            let petition = try LogPetition(from: g, to: "bread", subject: "Bread for \(g)", on: try Day(parsing: "1919-07-0\(n + 1)")).run(in: ws)
            if n == 0 { _ = try ChangePetitionStatus(petition: petition.id, to: .resolved, on: try Day(parsing: "1919-11-02")).run(in: ws) }
            for to in ["bread", "salt", "council"] {
                for k in 0..<5 {
                    let sent = try Day(parsing: "1919-07-01").adding(days: 9 * k + 31 * n + random.below(20))
                    let letter = try SendLetter(
                        from: g, to: to, on: sent, subject: "Letter \(k) to \(to)", petition: k == 0 && to == "bread" ? petition.id : nil
                    ).run(in: ws)
                    let answer = random.below(4)
                    guard answer > 0 else { continue }  // still waiting
                    // Answered the same day, on the very day due, long after it, or after every day asked.
                    let reply = answer == 1 ? (k % 2 == 0 ? sent : letter.replyDue ?? sent) : sent.adding(days: [0, 0, 40, 150][answer])
                    _ = try ReceiveLetter(from: to, to: g, on: reply, subject: "Reply \(k)", inReplyTo: letter.id).run(in: ws)
                }
            }
        }
        return temporary
    }

    static func context(_ ledger: Ledger) throws -> RuleContext {
        try Checker.context(ledger: ledger, calendarPath: nil, rulesPath: nil, environment: [:])
    }

    @Test("the arrears ledger and the delivery trend add up as the items due, read one by one, add up")
    func supplySums() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let ledger = temporary.ledger
        let engine = try Self.context(ledger).engine
        let raw = try openRaw(temporary.path, readonly: true)
        var arrearsCompared = 0
        for scope in Self.scopes {
            let s = try ledger.resolve(scope)
            for text in Self.days {
                let asOf = try Day(parsing: text)
                let lateDue = engine.latestLateDue(asOf: asOf)
                let supply = try ledger.supply(s, asOf: asOf, arrearsDueBy: lateDue)
                let expected = try Self.plainSupply(raw, s, asOf: asOf, lateDue: lateDue)
                #expect(supply.arrears.map(Self.line) == expected.arrears, "\(scope) as of \(text)")
                #expect(supply.trend.map(Self.line) == expected.trend, "\(scope) as of \(text)")
                arrearsCompared += expected.arrears.count
            }
        }
        #expect(arrearsCompared > 20, "the ledger has arrears to compare")
    }

    @Test("the authorities' counts and medians are those of the letters read one by one")
    func authoritySums() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let ledger = temporary.ledger
        let raw = try openRaw(temporary.path, readonly: true)
        var answered = 0
        for scope in Self.scopes {
            let s = try ledger.resolve(scope)
            for text in Self.days {
                let asOf = try Day(parsing: text)
                let rows = try ledger.authorityRows(s, asOf: asOf)
                let expected = try Self.plainAuthorities(raw, s, asOf: asOf)
                #expect(
                    rows.map {
                        "\($0.authority.handle) [\($0.chain.joined(separator: " "))] \($0.letters) \($0.answered) \($0.answeredWithinDeadline) \($0.medianDaysToAnswer.map { String($0) } ?? "-") \($0.open)"
                    } == expected, "\(scope) as of \(text)")
                answered += rows.map(\.answered).reduce(0, +)
            }
        }
        #expect(answered > 50, "the ledger has answered letters to compare")
    }

    @Test("the headline counts the findings in scope and names the most urgent, as filtering every finding does")
    func headline() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let ledger = temporary.ledger
        let context = try Self.context(ledger)
        var counted = 0
        for scope in Self.scopes {
            for text in Self.days {
                let asOf = try Day(parsing: text)
                let report = try ReportBuilder.build(ledger: ledger, context: context, asOf: asOf, scope: scope)
                var findings = try Checker.findings(
                    ledger: ledger, context: context, asOf: asOf, letters: try ledger.waitingLetters(asOf: asOf),
                    deliveries: try ledger.lateDeliveries(asOf: asOf))
                if !scope.isEmpty {
                    let letters = Set(report.unansweredLetters.map(\.letter))
                    let deliveries = Set(report.overdueDeliveries.map(\.delivery))
                    let petitions = Set(report.petitions.map(\.id))
                    let owed = Set(report.arrears.map { "\($0.recipient) \($0.commodity) \($0.decree)" })
                    findings = findings.filter { f in
                        switch f.subject.type {
                        case .letter: return letters.contains(f.subject.id)
                        case .delivery: return deliveries.contains(f.subject.id)
                        case .petition: return petitions.contains(f.subject.id)
                        case .arrears: return owed.contains(f.subject.name)
                        case .sql: return false
                        }
                    }
                }
                var bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, 0) })
                for f in findings { bySeverity[f.severity.rawValue, default: 0] += 1 }
                #expect(report.summary.findings == bySeverity, "\(scope) as of \(text)")
                #expect(report.summary.mostUrgent == findings.first?.message, "\(scope) as of \(text)")
                counted += findings.count
            }
        }
        #expect(counted > 100, "the ledger has findings to count")
    }

    @Test("each CSV section worked out alone is the same table as in the whole report")
    func sectionsAlone() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let ledger = temporary.ledger
        let context = try Self.context(ledger)
        for scope in Self.scopes {
            for text in ["1919-12-20", "1920-03-04"] {
                let asOf = try Day(parsing: text)
                for redact in [false, true] {
                    let whole = try ReportBuilder.build(ledger: ledger, context: context, asOf: asOf, scope: scope, redact: redact)
                    for section in ReportCSV.sections {
                        let alone = try ReportBuilder.build(
                            ledger: ledger, context: context, asOf: asOf, scope: scope, redact: redact, section: section)
                        #expect(
                            try ReportCSV.render(alone, section: section) == ReportCSV.render(whole, section: section),
                            "\(section), \(scope) as of \(text)\(redact ? ", redacted" : "")")
                    }
                }
            }
        }
    }

    // MARK: - The plain answers

    static func line(_ a: ArrearsRow) -> String {
        "\(a.recipient.handle) \(a.decree.handle) \(a.supplier.handle) \(a.commodity) \(a.unit.name) \(a.promised) \(a.received) \(a.owed) "
            + a.periods.map { "\($0.period):\($0.expected):\($0.received)" }.joined(separator: ",")
    }

    static func line(_ t: DeliveryTrendRow) -> String {
        "\(t.period) \(t.due) \(t.complete) \(t.partial) "
            + t.amounts.map { "\($0.commodity)/\($0.unit.name):\($0.expected):\($0.received)" }.joined(separator: ",")
    }

    /// Every item due in scope, read one by one with what had come by the day (the stored total less the receipts for
    /// later days that were not voided), summed in plain dictionaries.
    // Longer than 60 lines on purpose: the arrears and the trend worked out the plain way, to compare with the report's pass.
    static func plainSupply(_ raw: DatabaseQueue, _ s: ResolvedReportScope, asOf: Day, lateDue: Day) throws -> (arrears: [String], trend: [String]) {
        try raw.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, r.handle, k.handle, sp.handle, d.recipient_id, d.decree_id, k.supplier_id, d.period, d.due, i.commodity, i.unit, i.expected,
                           i.received - coalesce((SELECT sum(ri.amount) FROM receipt rc JOIN receipt_item ri ON ri.receipt_id = rc.id
                                                  WHERE rc.delivery_id = d.id AND ri.commodity = i.commodity AND rc.day > ? AND rc.voided = 0), 0)
                    FROM delivery d JOIN delivery_item i ON i.delivery_id = d.id JOIN party r ON r.id = d.recipient_id
                    JOIN decree k ON k.id = d.decree_id JOIN party sp ON sp.id = k.supplier_id
                    WHERE d.status <> 'cancelled' ORDER BY d.id, i.commodity
                    """, arguments: [asOf.description])
            struct Owed {
                var supplier = "", promised: Int64 = 0, received: Int64 = 0, owed: Int64 = 0, missed = 0
                var periods: [String] = []
            }
            var owing: [String: Owed] = [:]
            var deliveries: [String: [Int64: (full: Bool, some: Bool)]] = [:]
            var amounts: [String: [String: (Int64, Int64)]] = [:]
            let sincePeriod = s.since.map { Period(containing: $0).description }
            for r in rows {
                let (id, period, due): (Int64, String, String) = (r[0], r[7], r[8])
                guard period <= Period(containing: asOf).description, due <= max(asOf, lateDue).description else { continue }
                if let x = s.recipient, x.id != r[4] as Int64 { continue }
                if let x = s.decree, x.id != r[5] as Int64 { continue }
                if let x = s.authority, x.id != r[6] as Int64 { continue }
                if let p = sincePeriod, period < p { continue }
                let (commodity, unit, expected, got): (String, String, Int64, Int64) = (r[9], r[10], r[11], r[12])
                if due <= asOf.description {
                    var d = deliveries[period, default: [:]][id] ?? (true, false)
                    d.full = d.full && got >= expected
                    d.some = d.some || got > 0
                    deliveries[period, default: [:]][id] = d
                    let (e, g) = amounts[period, default: [:]]["\(commodity)/\(unit)"] ?? (0, 0)
                    amounts[period, default: [:]]["\(commodity)/\(unit)"] = (e + expected, g + got)
                }
                guard due <= lateDue.description else { continue }
                let key = "\(r[1] as String) \(r[2] as String) \(r[3] as String) \(commodity) \(unit)"
                var o = owing[key] ?? Owed()
                o.promised += expected
                o.received += got
                o.owed += max(0, expected - got)
                if got < expected {
                    o.missed += 1
                    o.periods.append("\(period):\(expected):\(got)")
                }
                owing[key] = o
            }
            let arrears = owing.filter { $0.value.owed > 0 }.sorted { a, b in
                a.value.missed != b.value.missed ? a.value.missed > b.value.missed : a.key.utf8.lexicographicallyPrecedes(b.key.utf8)
            }.map { "\($0.key) \($0.value.promised) \($0.value.received) \($0.value.owed) " + $0.value.periods.sorted().joined(separator: ",") }
            let trend = deliveries.keys.sorted().map { period in
                let d = deliveries[period] ?? [:]
                let full = d.values.filter(\.full).count
                let partial = d.values.filter { !$0.full && $0.some }.count
                let lines = (amounts[period] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.0):\($0.value.1)" }
                return "\(period) \(d.count) \(full) \(partial) " + lines.joined(separator: ",")
            }
            return (arrears, trend)
        }
    }

    /// Every letter sent that expected a reply, read one by one, counted per authority with the median of the days
    /// to answer worked out from all of them sorted.
    static func plainAuthorities(_ raw: DatabaseQueue, _ s: ResolvedReportScope, asOf: Day) throws -> [String] {
        try raw.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.handle, l.from_id, p.petitioner_id, l.day, l.reply_due, r.day, l.to_id
                    FROM letter l JOIN party a ON a.id = l.to_id LEFT JOIN petition p ON p.id = l.petition_id
                    LEFT JOIN letter r ON r.id = l.answered_by
                    WHERE l.direction = 'sent' AND l.expects_reply = 1 AND l.voided = 0
                    """)
            var tallies: [String: (id: Int64, letters: Int, answered: Int, within: Int, open: Int, days: [Int])] = [:]
            for r in rows {
                let (handle, sent, due, to): (String, String, String?, Int64) = (r[0], r[3], r[4], r[6])
                let reply = (r[5] as String?).flatMap { $0 <= asOf.description ? $0 : nil }
                guard sent <= asOf.description else { continue }
                if let a = s.authority, a.id != to { continue }
                if let since = s.since, sent < since.description { continue }
                if s.recipient != nil {
                    let (from, petitioner): (Int64, Int64?) = (r[1], r[2])
                    guard s.recipientParties.contains(from) || petitioner.map({ s.recipientParties.contains($0) }) == true else { continue }
                }
                var t = tallies[handle] ?? (to, 0, 0, 0, 0, [])
                t.letters += 1
                if let reply {
                    t.answered += 1
                    if let due, reply <= due { t.within += 1 }
                    t.days.append(try Day(parsing: sent).days(until: try Day(parsing: reply)))
                } else {
                    t.open += 1
                }
                tallies[handle] = t
            }
            return try tallies.keys.sorted().map { handle in
                let t = tallies[handle]!
                let days = t.days.sorted()
                let median =
                    days.isEmpty
                    ? "-" : String(days.count % 2 == 1 ? Double(days[days.count / 2]) : Double(days[days.count / 2 - 1] + days[days.count / 2]) / 2)
                let chain = try String.fetchAll(
                    db,
                    sql: """
                        WITH RECURSIVE up(id, depth) AS (SELECT parent_id, 1 FROM party WHERE id = ? AND parent_id IS NOT NULL
                          UNION SELECT p.parent_id, up.depth + 1 FROM party p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL)
                        SELECT p.handle FROM up JOIN party p ON p.id = up.id ORDER BY up.depth
                        """, arguments: [t.id])
                return "\(handle) [\(chain.joined(separator: " "))] \(t.letters) \(t.answered) \(t.within) \(median) \(t.open)"
            }
        }
    }
}
