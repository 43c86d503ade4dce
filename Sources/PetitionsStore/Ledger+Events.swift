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
            var query = EventQuery(kind: kind, since: since, window: window, newestFirst: newestFirst)
            if let party {
                query.party = try resolveParty(db, party, kinds: [.person, .group, .authority, .office], field: "--party").id
            }
            if let petition {
                query.petition = try requirePetition(db, petition, field: "--petition").id
            }
            let rows = try query.fetchAll(db)
            guard let window, rows.count >= window.limit || window.offset > 0 else { return RowPage(rows: rows, total: rows.count) }
            return RowPage(rows: rows, total: try query.count(db))
        }
    }

    /// The events `events(...)` lists, handed to `body` one at a time as they are read (memory stays flat however
    /// long the log), `passes` times over the same snapshot of the log (a table measures its columns, then writes
    /// its rows): `body` is given the pass, from 0. `detailed` false lists each without its payload (null) and subjects (none).
    public func eachEvent(
        party: String?, petition: Int64?, kind: String?, since: Day?, newestFirst: Bool = false, detailed: Bool = true, passes: Int = 1,
        _ body: (_ pass: Int, Event) throws -> Void
    ) throws {
        try read { db in
            var query = EventQuery(kind: kind, since: since, newestFirst: newestFirst)
            if let party {
                query.party = try resolveParty(db, party, kinds: [.person, .group, .authority, .office], field: "--party").id
            }
            if let petition {
                query.petition = try requirePetition(db, petition, field: "--petition").id
            }
            for pass in 0..<passes { try query.forEach(db, detailed: detailed) { try body(pass, $0) } }
        }
    }
}
