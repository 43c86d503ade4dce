import GRDB
import PetitionsDomain

/// A delivery as `DeliveryQuery` reads it: its row and its decree's, recipient's and supplier's handles.
private struct DeliveryRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "delivery"

    enum Columns {
        static let id = Column("id")
        static let period = Column("period")
        static let due = Column("due")
        static let status = Column("status")
        static let decreeHandle = Column("k")
        static let recipientHandle = Column("r")
        static let supplierHandle = Column("s")
    }

    var id: Int64
    var decree: String
    var recipient: String
    var supplier: String
    var period: Period
    var due: Day
    var status: DeliveryStatus

    init(row: Row) throws {
        id = row[Columns.id]
        decree = row[Columns.decreeHandle]
        recipient = row[Columns.recipientHandle]
        supplier = row[Columns.supplierHandle]
        period = try row.period(Columns.period.name)
        due = try row.day(Columns.due.name)
        status = try row.stored(DeliveryStatus.self, Columns.status.name)
    }
}

/// One commodity a delivery should bring, in base units of the decree's unit, and what has come of it.
private struct DeliveryItemRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "delivery_item"

    enum Columns {
        static let commodity = Column("commodity")
        static let unit = Column("unit")
        static let expected = Column("expected")
        static let received = Column("received")
    }

    var commodity: String
    var unit: String
    var expected: Int64
    var received: Int64

    init(row: Row) {
        commodity = row[Columns.commodity]
        unit = row[Columns.unit]
        expected = row[Columns.expected]
        received = row[Columns.received]
    }
}

/// A receipt against a delivery.
private struct ReceiptRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "receipt"

    enum Columns {
        static let id = Column("id")
        static let day = Column("day")
        static let note = Column("note")
        static let voided = Column("voided")
        static let voidReason = Column("void_reason")
    }

    var id: Int64
    var day: Day
    var note: String?
    var voided: Bool
    var voidReason: String?

    init(row: Row) throws {
        id = row[Columns.id]
        day = try row.day(Columns.day.name)
        note = row[Columns.note]
        voided = (row[Columns.voided] as Int64?) == 1
        voidReason = row[Columns.voidReason]
    }
}

/// One quantity of a receipt, in base units, with the unit it was entered in.
private struct ReceiptItemRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "receipt_item"

    enum Columns {
        static let commodity = Column("commodity")
        static let amount = Column("amount")
        static let unit = Column("unit")
    }

    var commodity: String
    var amount: Int64
    var unit: String

    init(row: Row) {
        commodity = row[Columns.commodity]
        amount = row[Columns.amount]
        unit = row[Columns.unit]
    }
}

extension Ledger {
    /// The deliveries `query` lists.
    func loadDeliveries(_ db: Database, _ query: DeliveryQuery) throws -> [Delivery] {
        var out: [Delivery] = []
        try eachDelivery(db, query) { out.append($0) }
        return out
    }

    /// The deliveries `query` lists, with their lines, one at a time from a cursor, so that an export keeps memory flat.
    func eachDelivery(_ db: Database, _ query: DeliveryQuery, _ body: (Delivery) throws -> Void) throws {
        let records = try DeliveryRecord.fetchCursor(db, sql: query.sql, arguments: query.arguments)
        let items = try db.cachedStatement(
            sql: "SELECT commodity, unit, expected, received FROM delivery_item WHERE delivery_id = ? ORDER BY commodity")
        while let d = try records.next() {
            // A delivery with receipts after the day read as of, as it stood that day (`DeliveriesAsOf`).
            let then = query.asOf?.status[d.id].map { ($0, query.asOf?.received[d.id] ?? [:]) }
            var received: [String: Int64] = [:]
            var lines = try DeliveryItemRecord.fetchAll(items, arguments: [d.id]).map { i -> DeliveryLine in
                let got = then.map { $0.1[i.commodity] ?? 0 } ?? i.received
                received[i.commodity] = got
                return DeliveryLine(
                    commodity: i.commodity, expected: quantityValue(i.expected, unit: i.unit, commodity: i.commodity),
                    received: quantityValue(got, unit: i.unit, commodity: i.commodity),
                    shortfall: quantityValue(max(0, i.expected - got), unit: i.unit, commodity: i.commodity))
            }
            try markReceivedAs(db, d.id, asOf: then == nil ? .maximum : query.asOf?.day ?? .maximum, &lines, received: received)
            try body(
                Delivery(
                    id: d.id, decree: d.decree, recipient: d.recipient, supplier: d.supplier, period: d.period, due: d.due,
                    status: then?.0 ?? d.status, lines: lines, receipts: nil))
        }
    }

    /// The receipts of delivery `deliveryID`, by day, each with its quantities.
    func loadReceipts(_ db: Database, _ deliveryID: Int64) throws -> [Receipt] {
        try ReceiptRecord.fetchAll(db, sql: "SELECT * FROM receipt WHERE delivery_id = ? ORDER BY day, id", arguments: [deliveryID]).map { r in
            let quantities = try ReceiptItemRecord.fetchAll(
                db, sql: "SELECT commodity, amount, unit FROM receipt_item WHERE receipt_id = ? ORDER BY commodity, unit", arguments: [r.id]
            ).map { quantityValue($0.amount, unit: $0.unit, commodity: $0.commodity) }
            var receipt = Receipt(id: r.id, on: r.day, quantities: quantities, note: r.note, voided: r.voided, voidReason: r.voidReason)
            // The day and the user of its void are the `receipt.voided` event's.
            if r.voided,
                let event = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT e.day, e.actor FROM event_subject s JOIN event e ON e.id = s.event_id
                        WHERE s.subject_type = 'receipt' AND s.subject_id = ? AND e.kind = 'receipt.voided' ORDER BY e.id DESC LIMIT 1
                        """, arguments: [r.id])
            {
                receipt.voidedOn = try Day(parsing: event["day"] as String)
                receipt.voidedBy = event["actor"]
            }
            return receipt
        }
    }
}

/// The deliveries with receipts dated after `day` (not voided, the delivery not cancelled), each with what it had
/// received by that day and its status then: a receipt does not count before its day, as of any day (README, Values),
/// so `delivery list` and `delivery show` as of today agree with `overdue`. Receipts after today are rare (each is
/// recorded with a warning), so this is one indexed search of the receipts by day, and nothing when there are none.
struct DeliveriesAsOf {
    var day: Day
    /// Base units received by `day`, by delivery and commodity.
    var received: [Int64: [String: Int64]] = [:]
    /// The status on `day`, by delivery.
    var status: [Int64: DeliveryStatus] = [:]

    /// The deliveries (not cancelled) with a receipt after a day. Left to itself SQLite walked every receipt through
    /// `receipt_delivery`, to have them in order for the `DISTINCT`: 2.5 s for `delivery show` at a million deliveries,
    /// where the few receipts after today take 4 ms through `receipt_day` (a day long past, with most receipts after
    /// it, takes longer this way: 5.3 s against 1.8 s as of 1913-01-01 at that scale, a rare question).
    /// ```
    /// SEARCH rc USING INDEX receipt_day (day>?)
    /// SEARCH d USING INTEGER PRIMARY KEY (rowid=?)
    /// USE TEMP B-TREE FOR DISTINCT
    /// ```
    static let receiptsAfterSQL = """
        SELECT DISTINCT rc.delivery_id FROM receipt rc INDEXED BY receipt_day JOIN delivery d ON d.id = rc.delivery_id
        WHERE rc.day > ? AND rc.voided = 0 AND d.status <> 'cancelled'
        """

    init(_ db: Database, day: Day) throws {
        self.day = day
        let ids = try Int64.fetchAll(db, sql: DeliveriesAsOf.receiptsAfterSQL, arguments: [day.description])
        guard !ids.isEmpty else { return }
        let json = "[" + ids.map(String.init).joined(separator: ",") + "]"
        for row in try Row.fetchAll(db, sql: Ledger.receivedAsOfSQL, arguments: [json, day.description]) {
            received[row[0], default: [:]][row[1]] = row[2]
        }
        var complete: [Int64: Bool] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT delivery_id, commodity, expected FROM delivery_item WHERE delivery_id IN (SELECT value FROM json_each(?))",
            arguments: [json])
        {
            let id: Int64 = row[0]
            let got = received[id]?[row[1] as String] ?? 0
            complete[id] = (complete[id] ?? true) && got >= (row[2] as Int64)
        }
        for id in ids {
            let any = received[id, default: [:]].values.contains { $0 > 0 }
            status[id] = complete[id] == true ? .complete : any ? .partial : .pending
        }
    }
}
