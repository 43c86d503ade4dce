import GRDB
import PetitionsDomain

/// Which enrolments a listing reads, by first day: the one with an id, those of one decree, or all.
struct EnrolmentQuery {
    /// Only the enrolment with this id.
    var id: Int64?
    /// Only the enrolments in the decree with this id.
    var decree: Int64?

    /// The listing's statement: each enrolment with its decree's and recipient's handles.
    var sql: String {
        """
        SELECT e.*, d.handle AS d, r.handle AS r FROM enrolment e JOIN decree d ON d.id = e.decree_id JOIN party r ON r.id = e.recipient_id
        WHERE \(filter.sql) ORDER BY e.from_day, e.id
        """
    }

    /// The arguments of `sql`.
    var arguments: StatementArguments { filter.arguments }

    private var filter: QueryFilter {
        var filter = QueryFilter()
        if let id { filter.add("e.id = ?", id) }
        if let decree { filter.add("e.decree_id = ?", decree) }
        return filter
    }
}
