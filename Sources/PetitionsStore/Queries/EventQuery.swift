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
            clauses.append(
                """
                (e.id IN (SELECT event_id FROM event_subject WHERE subject_type = 'petition' AND subject_id = ?)
                 OR e.id IN (SELECT s.event_id FROM event_subject s JOIN letter l ON s.subject_type = 'letter' AND s.subject_id = l.id WHERE l.petition_id = ?))
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
        let (condition, arguments) = condition
        let order = newestFirst ? "e.day DESC, e.id DESC" : "e.day, e.id"
        let records = try EventRecord.fetchCursor(
            db, sql: "SELECT e.* FROM event e WHERE \(condition) ORDER BY \(order)\(Ledger.limitClause(window))", arguments: arguments)
        let subjectsOf = try db.cachedStatement(
            sql: "SELECT subject_type, subject_id FROM event_subject WHERE event_id = ? ORDER BY subject_type, subject_id")
        let decoder = JSONDecoder()
        while let record = try records.next() {
            guard detailed else {
                try body(record.event(subjects: [], decoder: nil))
                continue
            }
            let subjects = try Row.fetchAll(subjectsOf, arguments: [record.id]).map { Subject($0["subject_type"], $0["subject_id"]) }
            try body(record.event(subjects: subjects, decoder: decoder))
        }
    }

    /// How many events the query lists without its window.
    func count(_ db: Database) throws -> Int {
        let (condition, arguments) = condition
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM event e WHERE \(condition)", arguments: arguments) ?? 0
    }
}
