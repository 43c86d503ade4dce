import GRDB
import PetitionsDomain

/// The deliveries as listings: all of them or some, whole or a page at a time read in SQL.
extension Ledger {
    /// Deliveries, optionally of one period, status, decree or recipient; by period.
    public func deliveries(
        period: Period? = nil, status: DeliveryStatus? = nil, decree: String? = nil, recipient: String? = nil, asOf: Day? = nil
    ) throws -> [Delivery] {
        try deliveryPage(period: period, status: status, decree: decree, recipient: recipient, window: nil, asOf: asOf).rows
    }

    /// The deliveries `deliveries(...)` lists, only those in `window` read with their items (`LIMIT`/`OFFSET` in
    /// SQL), and how many it lists in all (`count(*)`); without a window, every one and their number.
    public func deliveryPage(
        period: Period?, status: DeliveryStatus?, decree: String?, recipient: String?, window: RowWindow?, asOf: Day? = nil
    ) throws -> RowPage<Delivery> {
        try read { db in
            var query = try deliveryQuery(db, period: period, status: status, decree: decree, recipient: recipient, asOf: asOf)
            query.window = window
            let rows = try loadDeliveries(db, query)
            guard let window, rows.count >= window.limit || window.offset > 0 else { return RowPage(rows: rows, total: rows.count) }
            let total = try Int.fetchOne(db, sql: query.countSQL, arguments: query.arguments) ?? 0
            return RowPage(rows: rows, total: total)
        }
    }

    /// The deliveries `deliveries(...)` lists, each with its lines, handed to `body` one at a time as they are read
    /// (memory stays flat however many deliveries), `passes` times over the same snapshot of the ledger (a table
    /// measures its columns, then writes its rows): `body` is given the pass, from 0.
    public func eachDelivery(
        period: Period?, status: DeliveryStatus?, decree: String?, recipient: String?, asOf: Day? = nil, passes: Int = 1,
        _ body: (_ pass: Int, Delivery) throws -> Void
    ) throws {
        try read { db in
            let query = try deliveryQuery(db, period: period, status: status, decree: decree, recipient: recipient, asOf: asOf)
            for pass in 0..<passes { try eachDelivery(db, query) { try body(pass, $0) } }
        }
    }

    /// The deliveries `deliveries(...)` lists with those whose ids are in `first` before the others (each part in the
    /// listing's order: by period, recipient, decree), only those in `window` read with their items, and how many it
    /// lists in all: two windowed queries and two counts in one read, whatever the number of deliveries.
    public func deliveryPage(
        first: Set<Int64>, period: Period? = nil, status: DeliveryStatus? = nil, decree: String? = nil, recipient: String? = nil,
        window: RowWindow, asOf: Day? = nil
    ) throws -> RowPage<Delivery> {
        try read { db in
            let all = try deliveryQuery(db, period: period, status: status, decree: decree, recipient: recipient, asOf: asOf)
            var firsts = all
            firsts.only = Array(first)
            var others = all
            others.except = Array(first)
            let total = try Int.fetchOne(db, sql: all.countSQL, arguments: all.arguments) ?? 0
            let firstCount = try Int.fetchOne(db, sql: firsts.countSQL, arguments: firsts.arguments) ?? 0
            let limit = max(0, window.limit)
            let offset = max(0, window.offset)
            var rows: [Delivery] = []
            if offset < firstCount {
                firsts.window = RowWindow(limit: min(limit, firstCount - offset), offset: offset)
                rows = try loadDeliveries(db, firsts)
            }
            if rows.count < limit {
                others.window = RowWindow(limit: limit - rows.count, offset: max(0, offset - firstCount))
                rows += try loadDeliveries(db, others)
            }
            return RowPage(rows: rows, total: total)
        }
    }

    /// The query of the deliveries of one period, status, decree or recipient (each when given); an unknown decree or
    /// recipient is its sentence.
    /// Receipts after `asOf` (today when not given) do not count yet, in the status asked for and in each delivery read.
    func deliveryQuery(_ db: Database, period: Period?, status: DeliveryStatus?, decree: String?, recipient: String?, asOf: Day?) throws
        -> DeliveryQuery
    {
        var query = DeliveryQuery(period: period, status: status)
        query.asOf = try DeliveriesAsOf(db, day: asOf ?? context.today)
        query.decree = try decree.map { try resolveDecree(db, $0).id }
        query.recipient = try recipient.map { try resolveParty(db, $0, kinds: [.group, .person], field: "--recipient").id }
        return query
    }
}
