import GRDB
import PetitionsDomain

extension Ledger {
    /// The id of the last event recorded (0 when none): any recorded change, a setting's included, moves it, so a
    /// front end may keep what it computed from the ledger for as long as it stays the same.
    public func lastEventID() throws -> Int64 {
        try readStatement { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM event")) ?? 0 }
    }
}

extension Ledger {
    /// The events recorded after the event `id`, oldest first, each with its kind, and the id of the last of them;
    /// nil when more than `limit` were, for a front end then recomputes what it kept rather than inspect them. A kind
    /// this program does not know (from a newer office's merged log) comes back as nil.
    public func eventKinds(after id: Int64, limit: Int) throws -> (last: Int64, events: [(id: Int64, kind: LedgerEvent.Kind?)])? {
        try readStatement { db in
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT id, kind FROM event WHERE id > ? ORDER BY id LIMIT ?"), arguments: [id, limit + 1])
            guard rows.count <= limit else { return nil }
            let events = rows.map { row -> (id: Int64, kind: LedgerEvent.Kind?) in (row[0], LedgerEvent.Kind(rawValue: row[1])) }
            return (events.last?.id ?? id, events)
        }
    }
}
