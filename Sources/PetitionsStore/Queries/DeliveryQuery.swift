import GRDB
import PetitionsDomain

/// Which deliveries a listing reads, by period, recipient and decree: the one with an id, or those of one period, status,
/// decree or recipient (each when given), among or apart from some ids, in a window of rows when given. Its SQL is built
/// from a fixed set of fragments together with their arguments, so that no caller passes SQL text.
struct DeliveryQuery {
    /// Only the delivery with this id.
    var id: Int64?
    /// Only deliveries of this period.
    var period: Period?
    /// Only deliveries with this status.
    var status: DeliveryStatus?
    /// Only deliveries under the decree with this id.
    var decree: Int64?
    /// Only deliveries to the party with this id.
    var recipient: Int64?
    /// Only deliveries whose ids are among these.
    var only: [Int64]?
    /// Only deliveries whose ids are not among these.
    var except: [Int64]?
    /// Only the rows in this window of the listing (`LIMIT`/`OFFSET`).
    var window: RowWindow?
    /// The deliveries with receipts after the day the listing is read as of, as they stood that day: a receipt does not
    /// count before its day, so their status (and `status` above) is the day's, not the one stored.
    var asOf: DeliveriesAsOf?

    /// The listing's statement: each delivery with its decree's, recipient's and supplier's handles.
    var sql: String {
        """
        SELECT d.*, k.handle AS k, r.handle AS r, s.handle AS s FROM delivery d JOIN decree k ON k.id = d.decree_id
        JOIN party r ON r.id = d.recipient_id JOIN party s ON s.id = k.supplier_id
        WHERE \(filter.sql) ORDER BY d.period, r.handle, k.handle\(Ledger.limitClause(window))
        """
    }

    /// How many deliveries the listing holds in all, whatever its window.
    var countSQL: String { "SELECT count(*) FROM delivery d WHERE \(filter.sql)" }

    /// The arguments of `sql` and `countSQL`.
    var arguments: StatementArguments { filter.arguments }

    private var filter: QueryFilter {
        var filter = QueryFilter()
        if let id { filter.add("d.id = ?", id) }
        if let period { filter.add("d.period = ?", period.description) }
        if let status {
            if let asOf, !asOf.status.isEmpty {
                let also = asOf.status.filter { $0.value == status }.map(\.key)
                filter.add(
                    "((d.status = ? AND NOT d.id IN (SELECT value FROM json_each(?))) OR d.id IN (SELECT value FROM json_each(?)))",
                    values: [status.rawValue, DeliveryQuery.json(Array(asOf.status.keys)), DeliveryQuery.json(also)])
            } else {
                filter.add("d.status = ?", status.rawValue)
            }
        }
        if let decree { filter.add("d.decree_id = ?", decree) }
        if let recipient { filter.add("d.recipient_id = ?", recipient) }
        if let only { filter.add("d.id IN (SELECT value FROM json_each(?))", DeliveryQuery.json(only)) }
        if let except { filter.add("NOT d.id IN (SELECT value FROM json_each(?))", DeliveryQuery.json(except)) }
        return filter
    }

    /// Ids as a JSON array, for `json_each`.
    private static func json(_ ids: [Int64]) -> String { "[" + ids.sorted().map(String.init).joined(separator: ",") + "]" }
}
