import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsTestSupport
import Testing

@testable import PetitionsStore

/// Every hot query's plan (`Ledger.hotQueries`, each with its plan in a comment): no full scan of a large table where
/// an index should serve. SQLite plans without statistics (petitions never runs ANALYZE), so the plans on this small
/// generated ledger are the plans on a million letters.
@Suite("Query plans") struct QueryPlanTests {
    /// The tables that grow with the ledger: a scan of one of them in a hot query is a bug.
    static let largeTables = ["letter", "delivery", "receipt", "event"]

    /// Hot queries that read every row of a large table on purpose, and why.
    static let fullPasses: [String: String] = [
        "report (whole ledger): supply": "the arrears and the trend add up every delivery due, in id order, in one pass",
        "report (whole ledger): authorities": "the table counts every letter sent up to the day, read in table order, not through letter_day",
        "events --format json: every event's subjects in order": "events without a filter lists the whole log, in day order through event_day",
    ]

    /// A small ledger made by the use cases, with every table the hot queries read holding rows.
    static func generated() throws -> TemporaryLedger {
        let temporary = try TemporaryLedger()
        let ws = temporary.workspace
        _ = try AddAuthority(name: "Council", handle: "council").run(in: ws)
        _ = try AddAuthority(name: "Supply centre", handle: "supply", parent: "council", replyWithin: Span(20, .workingDays)).run(in: ws)
        for g in 1...3 {
            _ = try AddGroup(name: "Group \(g)", handle: "group-\(g)", counts: [HeadCount(category: "employee", count: 10 * g)]).run(in: ws)
        }
        _ = try AddDecree(
            handle: "decree", name: "Decree", issued: try Day(parsing: "1918-08-15"), supplier: "supply", rations: ["employee: 8 funt wheat"]
        ).run(in: ws)
        for g in 1...3 {
            _ = try EnrolRecipient(decree: "decree", recipient: "group-\(g)", from: try Day(parsing: "1919-09-01")).run(in: ws)
        }
        _ = try ScheduleDeliveries(decree: "decree", from: try Period(parsing: "1919-09"), to: try Period(parsing: "1920-03")).run(in: ws)
        for (g, month) in [(1, "1919-09"), (2, "1919-10"), (3, "1920-02")] {
            _ = try RecordReceipt(
                decree: "decree", recipient: "group-\(g)", period: try Period(parsing: month), on: try Day(parsing: month + "-06"),
                quantities: ["10 funt wheat"]
            ).run(in: ws)
        }
        for g in 1...3 {
            let petition = try LogPetition(
                from: "group-\(g)", to: "supply", subject: "Provisions \(g)", on: try Day(parsing: "1920-01-1\(g)"), category: "supply"
            ).run(in: ws)
            let letter = try SendLetter(
                from: "group-\(g)", to: "supply", on: try Day(parsing: "1920-01-1\(g)"), subject: "Appeal \(g)", petition: petition.id
            ).run(in: ws)
            if g == 1 {
                _ = try ReceiveLetter(
                    from: "supply", to: "group-1", on: try Day(parsing: "1920-02-10"), subject: "Reply", inReplyTo: letter.id
                ).run(in: ws)
            }
        }
        return temporary
    }

    /// The plan's lines (`detail` of `EXPLAIN QUERY PLAN`), with the statement's parameters unbound.
    static func plan(_ sql: String, in ledger: Ledger) throws -> [String] {
        try ledger.read { db in
            let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
            statement.setUncheckedArguments(StatementArguments())
            return try Row.fetchAll(statement).map { $0["detail"] as String? ?? "" }
        }
    }

    /// The names a large table goes by in `sql`: its own name and every alias it is given.
    static func largeTableNames(in sql: String) -> Set<String> {
        var names = Set<String>()
        for table in largeTables {
            let pattern = "\\b\(table)\\b(?:\\s+(?:AS\\s+)?([A-Za-z_][A-Za-z0-9_]*))?"
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let text = sql as NSString
            for match in regex.matches(in: sql, range: NSRange(location: 0, length: text.length)) {
                names.insert(table)
                let alias = match.range(at: 1)
                if alias.location != NSNotFound { names.insert(text.substring(with: alias)) }
            }
        }
        return names
    }

    /// The lines of `plan` that read a whole large table: `SCAN x` or `SCAN x USING [COVERING] INDEX i` where x names one
    /// of them, unless `i` is a partial index (which holds only the rows asked for, e.g. `letter_waiting`).
    static func fullScans(_ plan: [String], sql: String, partialIndexes: Set<String>) -> [String] {
        let names = largeTableNames(in: sql)
        return plan.filter { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 2, words[0] == "SCAN", names.contains(words[1]) else { return false }
            if let index = words.firstIndex(of: "INDEX"), index + 1 < words.count, partialIndexes.contains(words[index + 1]) { return false }
            return true
        }
    }

    @Test("no hot query scans letter, delivery, receipt or event where an index should serve")
    func noFullScans() throws {
        let temporary = try QueryPlanTests.generated()
        defer { temporary.remove() }
        let ledger = temporary.ledger
        let partial = Set(
            try ledger.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'") })
        #expect(partial.contains("letter_waiting") && partial.contains("delivery_open"))
        let queries = Ledger.hotQueries()
        #expect(queries.count >= 30)
        var scans: [String] = []
        for q in queries {
            let plan = try QueryPlanTests.plan(q.sql, in: ledger)
            #expect(!plan.isEmpty, "\(q.name): no plan")
            let full = QueryPlanTests.fullScans(plan, sql: q.sql, partialIndexes: partial)
            if QueryPlanTests.fullPasses[q.name] != nil {
                #expect(!full.isEmpty, "\(q.name) is listed as a full pass but no longer scans: take it off the list")
            } else if !full.isEmpty {
                scans.append("\(q.name): \(full.joined(separator: "; "))\n  plan: \(plan.joined(separator: " | "))")
            }
        }
        #expect(scans.isEmpty, "full scans where an index should serve:\n\(scans.joined(separator: "\n"))")
    }

    @Test("the check recognises a full scan through an alias and lets a partial index pass")
    func detectsScans() {
        let sql = "SELECT * FROM delivery d JOIN letter AS l ON l.id = d.id JOIN delivery_item i ON i.delivery_id = d.id"
        #expect(QueryPlanTests.largeTableNames(in: sql) == ["delivery", "d", "letter", "l"])
        #expect(QueryPlanTests.fullScans(["SCAN d", "SEARCH l USING INTEGER PRIMARY KEY (rowid=?)"], sql: sql, partialIndexes: []) == ["SCAN d"])
        #expect(QueryPlanTests.fullScans(["SCAN i"], sql: sql, partialIndexes: []).isEmpty)
        #expect(QueryPlanTests.fullScans(["SCAN d USING INDEX delivery_open"], sql: sql, partialIndexes: ["delivery_open"]).isEmpty)
        #expect(QueryPlanTests.fullScans(["SCAN l USING COVERING INDEX letter_day"], sql: sql, partialIndexes: ["delivery_open"]).count == 1)
    }

    @Test("the open late deliveries come from the partial index of open deliveries, not a walk over every delivery")
    func lateOpenUsesIndex() throws {
        let temporary = try QueryPlanTests.generated()
        defer { temporary.remove() }
        let plan = try QueryPlanTests.plan(Ledger.lateOpenSQL, in: temporary.ledger)
        #expect(plan.first == "SEARCH d USING INDEX delivery_open (due<?)")
    }

    @Test("a party's events come from its subjects, a petition's from its letters through letter_petition")
    func eventListingsUseIndexes() throws {
        let temporary = try QueryPlanTests.generated()
        defer { temporary.remove() }
        let party = try QueryPlanTests.plan(EventQuery(party: 1).sql(detailed: false), in: temporary.ledger)
        #expect(party.contains("SEARCH event_subject USING COVERING INDEX event_subject_by_subject (subject_type=? AND subject_id=?)"), "\(party)")
        let petition = try QueryPlanTests.plan(EventQuery(petition: 1).sql(detailed: false), in: temporary.ledger)
        #expect(petition.contains("SEARCH l USING COVERING INDEX letter_petition (petition_id=?)"), "\(petition)")
        // Not every letter's subjects walked to find those of the petition's letters.
        #expect(!petition.contains { $0.hasSuffix("event_subject_by_subject (subject_type=?)") }, "\(petition)")
    }
}
