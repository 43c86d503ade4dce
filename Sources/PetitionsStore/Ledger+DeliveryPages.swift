import GRDB
import PetitionsDomain

/// The deliveries as listings: all of them or some, whole or a page at a time read in SQL.
extension Ledger {
    /// Deliveries, optionally of one period, status, decree or recipient; by period.
    public func deliveries(period: Period? = nil, status: DeliveryStatus? = nil, decree: String? = nil, recipient: String? = nil) throws -> [Delivery]
    {
        try deliveryPage(period: period, status: status, decree: decree, recipient: recipient, window: nil).rows
    }

    /// The deliveries `deliveries(...)` lists, only those in `window` read with their items (`LIMIT`/`OFFSET` in
    /// SQL), and how many it lists in all (`count(*)`); without a window, every one and their number.
    public func deliveryPage(period: Period?, status: DeliveryStatus?, decree: String?, recipient: String?, window: RowWindow?) throws
        -> RowPage<Delivery>
    {
        try read { db in
            let (clause, args) = try deliveryClause(db, period: period, status: status, decree: decree, recipient: recipient)
            let rows = try loadDeliveries(db, where: clause, args, window: window)
            guard let window, rows.count >= window.limit || window.offset > 0 else { return RowPage(rows: rows, total: rows.count) }
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery d WHERE \(clause)", arguments: args) ?? 0
            return RowPage(rows: rows, total: total)
        }
    }

    /// The deliveries `deliveries(...)` lists with those whose ids are in `first` before the others (each part in the
    /// listing's order: by period, recipient, decree), only those in `window` read with their items, and how many it
    /// lists in all: two windowed queries and two counts in one read, whatever the number of deliveries.
    public func deliveryPage(
        first: Set<Int64>, period: Period? = nil, status: DeliveryStatus? = nil, decree: String? = nil, recipient: String? = nil,
        window: RowWindow
    ) throws -> RowPage<Delivery> {
        let ids = "[" + first.sorted().map(String.init).joined(separator: ",") + "]"
        return try read { db in
            let (clause, args) = try deliveryClause(db, period: period, status: status, decree: decree, recipient: recipient)
            let isFirst = "d.id IN (SELECT value FROM json_each(?))"
            let firstArgs = args + [ids]
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery d WHERE \(clause)", arguments: args) ?? 0
            let firsts = try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery d WHERE \(clause) AND \(isFirst)", arguments: firstArgs) ?? 0
            let limit = max(0, window.limit)
            let offset = max(0, window.offset)
            var rows: [Delivery] = []
            if offset < firsts {
                rows = try loadDeliveries(
                    db, where: "\(clause) AND \(isFirst)", firstArgs, window: RowWindow(limit: min(limit, firsts - offset), offset: offset))
            }
            if rows.count < limit {
                rows += try loadDeliveries(
                    db, where: "\(clause) AND NOT \(isFirst)", firstArgs,
                    window: RowWindow(limit: limit - rows.count, offset: max(0, offset - firsts)))
            }
            return RowPage(rows: rows, total: total)
        }
    }

    /// The `WHERE` clause (over `delivery d`) and its arguments for the deliveries of one period, status, decree or
    /// recipient (each when given); an unknown decree or recipient is its sentence.
    func deliveryClause(_ db: Database, period: Period?, status: DeliveryStatus?, decree: String?, recipient: String?) throws -> (
        String, StatementArguments
    ) {
        var clauses: [String] = []
        var args: [DatabaseValueConvertible?] = []
        if let period {
            clauses.append("d.period = ?")
            args.append(period.description)
        }
        if let status {
            clauses.append("d.status = ?")
            args.append(status.rawValue)
        }
        if let decree {
            clauses.append("d.decree_id = ?")
            args.append(try resolveDecree(db, decree).id)
        }
        if let recipient {
            clauses.append("d.recipient_id = ?")
            args.append(try resolveParty(db, recipient, kinds: [.group, .person], field: "--recipient").id)
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), StatementArguments(args))
    }
}
