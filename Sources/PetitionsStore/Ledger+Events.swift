import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Events

    /// The event log, filtered, oldest first.
    public func events(party: String? = nil, petition: Int64? = nil, kind: String? = nil, since: Day? = nil, limit: Int? = nil) throws -> [Event] {
        try eventPage(party: party, petition: petition, kind: kind, since: since, window: limit.map { RowWindow(limit: $0) }).rows
    }

    /// The events `events(...)` lists, only those in `window` read (`LIMIT`/`OFFSET` in SQL), and how many it lists
    /// in all (`count(*)`); without a window, every one and their number. `newestFirst`: the latest first instead.
    public func eventPage(party: String?, petition: Int64?, kind: String?, since: Day?, window: RowWindow?, newestFirst: Bool = false) throws
        -> RowPage<Event>
    {
        try read { db in
            var clauses: [String] = []
            var args: [DatabaseValueConvertible?] = []
            if let party {
                let p = try resolveParty(db, party, kinds: [.person, .group, .authority, .office], field: "--party")
                clauses.append("e.id IN (SELECT event_id FROM event_subject WHERE subject_type = 'party' AND subject_id = ?)")
                args.append(p.id)
            }
            if let petition {
                _ = try requirePetition(db, petition, field: "--petition")
                clauses.append(
                    """
                    (e.id IN (SELECT event_id FROM event_subject WHERE subject_type = 'petition' AND subject_id = ?)
                     OR e.id IN (SELECT s.event_id FROM event_subject s JOIN letter l ON s.subject_type = 'letter' AND s.subject_id = l.id WHERE l.petition_id = ?))
                    """)
                args.append(petition)
                args.append(petition)
            }
            if let kind {
                if kind.contains(".") {
                    clauses.append("e.kind = ?")
                    args.append(kind)
                } else {
                    clauses.append("e.kind GLOB ?")
                    args.append(kind + ".*")
                }
            }
            if let since {
                clauses.append("e.day >= ?")
                args.append(since.description)
            }
            let clause = clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db,
                sql:
                    "SELECT e.* FROM event e WHERE \(clause) ORDER BY \(newestFirst ? "e.day DESC, e.id DESC" : "e.day, e.id")\(Ledger.limitClause(window))",
                arguments: StatementArguments(args))
            var total = rows.count
            if let window, rows.count >= window.limit || window.offset > 0 {
                total = try Int.fetchOne(db, sql: "SELECT count(*) FROM event e WHERE \(clause)", arguments: StatementArguments(args)) ?? 0
            }
            let decoder = JSONDecoder()
            let events = try rows.map { row in
                let id: Int64 = row["id"]
                let subjects = try Row.fetchAll(
                    db, sql: "SELECT subject_type, subject_id FROM event_subject WHERE event_id = ? ORDER BY subject_type, subject_id",
                    arguments: [id]
                )
                .map { Subject($0["subject_type"], $0["subject_id"]) }
                let payload = (try? decoder.decode(JSONValue.self, from: Data((row["payload"] as String).utf8))) ?? .null
                return Event(
                    id: id, uuid: row["uuid"], kind: row["kind"], day: try row.day("day"),
                    recordedAt: row["recorded_at"], actor: row["actor"], office: row["office"], subjects: subjects,
                    summary: row["summary"], payload: payload)
            }
            return RowPage(rows: events, total: total)
        }
    }
}
