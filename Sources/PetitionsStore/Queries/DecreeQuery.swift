import GRDB
import PetitionsDomain

/// Which decrees a listing reads, by issue day: the one with an id, or all.
struct DecreeQuery {
    /// Only the decree with this id.
    var id: Int64?

    /// The listing's statement: each decree with its supplier's and issuer's handles.
    var sql: String {
        """
        SELECT d.*, s.handle AS s, i.handle AS i FROM decree d JOIN party s ON s.id = d.supplier_id LEFT JOIN party i ON i.id = d.issuer_id
        WHERE \(filter.sql) ORDER BY d.issued, d.id
        """
    }

    /// The arguments of `sql`.
    var arguments: StatementArguments { filter.arguments }

    private var filter: QueryFilter {
        var filter = QueryFilter()
        if let id { filter.add("d.id = ?", id) }
        return filter
    }
}
