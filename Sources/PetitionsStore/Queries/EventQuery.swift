import Foundation
import GRDB
import PetitionsDomain

/// The events one listing of the log asks for, oldest first (by day, then id) or newest first: those about a party,
/// about a petition (or one of its letters), of one kind or family of kinds, since a day, all of them or one window of
/// them. Its SQL is put together from the fixed fragments below with its arguments beside them, so that no caller
/// writes SQL.
struct EventQuery {
    /// Only the events with this party (its id) among their subjects.
    var party: Int64?
    /// Only the events about this petition (its id) or one of its letters.
    var petition: Int64?
    /// Only the events of this kind (`letter.sent`), or of this family when it has no dot (`letter`).
    var kind: String?
    /// Only the events dated on or after this day.
    var since: Day?
    /// Only the events in this window of the listing (`LIMIT`/`OFFSET`); nil for every one.
    var window: RowWindow?
    /// The latest first instead of the oldest.
    var newestFirst = false

    /// The condition on `event e` and its arguments, in the order of the placeholders.
    private var condition: (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let party {
            clauses.append("e.id IN (SELECT event_id FROM event_subject WHERE subject_type = 'party' AND subject_id = ?)")
            arguments += [party]
        }
        if let petition {
            // The petition's letters first (`letter_petition`), then their events: joined the other way round SQLite
            // walked every letter's subjects in `event_subject` (51 ms in sqlite3 on the medium ledger, 6 ms now).
            clauses.append(
                """
                (e.id IN (SELECT event_id FROM event_subject WHERE subject_type = 'petition' AND subject_id = ?)
                 OR e.id IN (SELECT s.event_id FROM letter l CROSS JOIN event_subject s ON s.subject_type = 'letter' AND s.subject_id = l.id WHERE l.petition_id = ?))
                """)
            arguments += [petition, petition]
        }
        if let kind {
            if kind.contains(".") {
                clauses.append("e.kind = ?")
                arguments += [kind]
            } else {
                clauses.append("e.kind GLOB ?")
                arguments += [kind + ".*"]
            }
        }
        if let since {
            clauses.append("e.day >= ?")
            arguments += [since]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// The events, each with its subjects (by type, then id).
    func fetchAll(_ db: Database) throws -> [Event] {
        var events: [Event] = []
        try forEach(db) { events.append($0) }
        return events
    }

    /// Each event in turn, with its subjects, read from a cursor so that only one is held: the medium benchmark
    /// ledger's 204,367 events took 590 MB when listed at once. `detailed` false lists each without its payload (null)
    /// and subjects (none), for a listing that shows neither (decoding every payload was a quarter of `events`' time).
    func forEach(_ db: Database, detailed: Bool = true, _ body: (Event) throws -> Void) throws {
        let records = try EventRecord.fetchCursor(db, sql: sql(detailed: detailed), arguments: condition.arguments)
        guard detailed else {
            while let record = try records.next() { try body(record.event(subjects: [], decoder: nil)) }
            return
        }
        let decoder = JSONDecoder()
        guard window == nil else {
            // A page of the API's: its few events' subjects asked for one event at a time.
            let subjectsOf = try db.cachedStatement(sql: EventQuery.subjectsSQL)
            while let record = try records.next() {
                let subjects = try Row.fetchAll(subjectsOf, arguments: [record.id]).map { Subject($0["subject_type"], $0["subject_id"]) }
                try body(record.event(subjects: subjects, decoder: decoder))
            }
            return
        }
        // The whole listing: every event's subjects from a second cursor in the same order, over the same snapshot,
        // taken as each event comes (asked for one event at a time, they were a query for each of 204,367 events).
        let subjects = try Row.fetchCursor(db, sql: subjectsInOrderSQL, arguments: condition.arguments)
        func nextSubject() throws -> (event: Int64, subject: Subject)? {
            try subjects.next().map { (event: $0[0], subject: Subject($0[1], $0[2])) }
        }
        var next = try nextSubject()
        while let record = try records.next() {
            var those: [Subject] = []
            while let n = next, n.event == record.id {
                those.append(n.subject)
                next = try nextSubject()
            }
            try body(record.event(subjects: those, decoder: decoder))
        }
    }

    /// The subjects of every event the listing lists, in its order (by event, then type and id), each with its
    /// event's id: without a filter, the log's day index and then each event's subjects by their key, no sort.
    var subjectsInOrderSQL: String {
        let order = newestFirst ? "e.day DESC, e.id DESC" : "e.day, e.id"
        return """
            SELECT es.event_id, es.subject_type, es.subject_id FROM event e JOIN event_subject es ON es.event_id = e.id
            WHERE \(condition.sql) ORDER BY \(order), es.subject_type, es.subject_id
            """
    }

    /// The listing's statement. `detailed` false reads an empty text in place of each payload: the text table shows
    /// none, and an event that schedules a month's deliveries holds every one in its payload (10 MB at the large scale,
    /// read twice by the table's two passes: most of `events --party group-1`'s 2 s there).
    func sql(detailed: Bool = true) -> String {
        let columns = detailed ? "e.*" : "e.id, e.uuid, e.kind, e.day, e.recorded_at, e.actor, e.office, e.summary, '' AS payload"
        let order = newestFirst ? "e.day DESC, e.id DESC" : "e.day, e.id"
        return "SELECT \(columns) FROM event e WHERE \(condition.sql) ORDER BY \(order)\(Ledger.limitClause(window))"
    }

    /// How many events the query lists without its window.
    func count(_ db: Database) throws -> Int {
        let (condition, arguments) = condition
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM event e WHERE \(condition)", arguments: arguments) ?? 0
    }

    /// The subjects of one event, read for each event a detailed listing writes.
    static let subjectsSQL = "SELECT subject_type, subject_id FROM event_subject WHERE event_id = ? ORDER BY subject_type, subject_id"

    /// The listings of the log `QueryPlanTests` checks (`Ledger.hotQueries`): a party's events (`events --party`, 2 s
    /// at the large scale), a petition's (its dossier), each with a kind or a day beside, and the log since a day.
    /// ```
    /// events --party:    SEARCH e USING INTEGER PRIMARY KEY (rowid=?)
    ///                    LIST SUBQUERY 1: SEARCH event_subject USING COVERING INDEX event_subject_by_subject (subject_type=? AND subject_id=?)
    ///                    USE TEMP B-TREE FOR ORDER BY
    /// events --petition: MULTI-INDEX OR, the second: SEARCH l USING COVERING INDEX letter_petition (petition_id=?),
    ///                    SEARCH s USING COVERING INDEX event_subject_by_subject (subject_type=? AND subject_id=?)
    /// ```
    static func hotQueries() -> [HotQuery] {
        let listings: [(String, EventQuery)] = [
            ("events --party", EventQuery(party: 1)),
            ("events --party --kind", EventQuery(party: 1, kind: "letter.sent")),
            ("events --party --since", EventQuery(party: 1, since: .minimum)),
            ("events --petition", EventQuery(petition: 1)),
            ("events --petition --kind", EventQuery(petition: 1, kind: "letter.sent")),
            ("events --since", EventQuery(since: .minimum)),
            ("events --kind", EventQuery(kind: "letter.sent")),
        ]
        return listings.map { HotQuery(name: $0.0, sql: $0.1.sql(detailed: false)) } + [
            HotQuery(name: "events --party --format json", sql: EventQuery(party: 1).sql()),
            HotQuery(name: "events --format json: an event's subjects", sql: subjectsSQL),
            HotQuery(name: "events --format json: every event's subjects in order", sql: EventQuery().subjectsInOrderSQL),
            HotQuery(name: "events --party --format json: the subjects in order", sql: EventQuery(party: 1).subjectsInOrderSQL),
        ]
    }
}
