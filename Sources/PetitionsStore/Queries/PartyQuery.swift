import GRDB
import PetitionsDomain

/// Which parties a listing reads, by handle: the one with an id, every one of a kind, or all. Its SQL is built from
/// a fixed set of fragments together with their arguments, so that no caller passes SQL text.
struct PartyQuery {
    /// Only the party with this id.
    var id: Int64?
    /// Only parties of this kind.
    var kind: PartyKind?

    /// The listing's statement: each party with its parent's handle and the day of the event that recorded it.
    var sql: String {
        """
        SELECT p.*, parent.handle AS parent_handle, e.day AS recorded FROM party p LEFT JOIN party parent ON parent.id = p.parent_id
        LEFT JOIN event e ON e.id = p.event_id
        WHERE \(filter.sql) ORDER BY p.handle
        """
    }

    /// The arguments of `sql`.
    var arguments: StatementArguments { filter.arguments }

    private var filter: QueryFilter {
        var filter = QueryFilter()
        if let id { filter.add("p.id = ?", id) }
        if let kind { filter.add("p.kind = ?", kind.rawValue) }
        return filter
    }
}
