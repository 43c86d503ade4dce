import GRDB
import PetitionsDomain

/// What is unusual about the receipts an import recorded, read after it in two queries, so that a CSV of receipts
/// warns as `delivery receive` does without reading every delivery again.
public struct UnusualReceipts: Sendable {
    /// Deliveries that have now received more of a commodity than expected (each once).
    public var overExpected: [Delivery]
    /// Receipts dated after `today` or before their period's first day: the delivery, its period and the day.
    public var oddlyDated: [(delivery: Delivery, day: Day)]
}

extension Ledger {
    /// The id of the last receipt recorded (0 when none): an import's receipts are those after it.
    public func lastReceiptID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM receipt") ?? 0 }
    }

    /// The receipts recorded after receipt `id` that an office should hear about, at most `limit` of each kind.
    /// Plan: both queries walk `receipt` by its primary key from `id` (SEARCH receipt USING INTEGER PRIMARY KEY).
    public func unusualReceipts(after id: Int64, today: Day, limit: Int) throws -> UnusualReceipts {
        let (over, dated) = try read { db in
            let over = try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT r.delivery_id FROM receipt r JOIN delivery_item i ON i.delivery_id = r.delivery_id
                    WHERE r.id > ? AND r.voided = 0 AND i.received > i.expected ORDER BY r.delivery_id LIMIT ?
                    """, arguments: [id, limit])
            let dated = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.delivery_id, r.day FROM receipt r JOIN delivery d ON d.id = r.delivery_id
                    WHERE r.id > ? AND r.voided = 0 AND (r.day > ? OR r.day < d.period || '-01') ORDER BY r.id LIMIT ?
                    """, arguments: [id, today.description, limit]
            ).map { (delivery: $0["delivery_id"] as Int64, day: try $0.day("day")) }
            return (over, dated)
        }
        return UnusualReceipts(
            overExpected: try over.map { try delivery($0) },
            oddlyDated: try dated.map { (delivery: try delivery($0.delivery), day: $0.day) })
    }
}
