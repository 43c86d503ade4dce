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
        let (condition, arguments) = condition
        let order = newestFirst ? "e.day DESC, e.id DESC" : "e.day, e.id"
        let records = try EventRecord.fetchAll(
            db, sql: "SELECT e.* FROM event e WHERE \(condition) ORDER BY \(order)\(Ledger.limitClause(window))", arguments: arguments)
        let decoder = JSONDecoder()
        return try records.map { record in
            let subjects = try Row.fetchAll(
                db, sql: "SELECT subject_type, subject_id FROM event_subject WHERE event_id = ? ORDER BY subject_type, subject_id",
                arguments: [record.id]
            )
            .map { Subject($0["subject_type"], $0["subject_id"]) }
            return record.event(subjects: subjects, decoder: decoder)
        }
    }

    /// How many events the query lists without its window.
    func count(_ db: Database) throws -> Int {
        let (condition, arguments) = condition
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM event e WHERE \(condition)", arguments: arguments) ?? 0
    }
}
