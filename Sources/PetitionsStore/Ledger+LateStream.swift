import GRDB
import PetitionsDomain

extension Ledger {
    /// The late deliveries as of `asOf` whose due day is on or before `lastDue` (the latest one past its grace), each
    /// handed to `body` with the length of the run of consecutive late periods of its decree and recipient that it
    /// belongs to, in the order the `overdue` listing prints them: by period, recipient handle, decree handle.
    ///
    /// One query (`lateRunsSQL`) finds them with their entitlements and months, for the runs (four numbers and an id
    /// in a JSON array per late delivery are held), another (`lateInPrintOrderSQL`) reads and sorts those it found;
    /// only the delivery being read is held whole here. What a delivery with a receipt after the day had received is
    /// counted as of the day, as `lateDeliveries(asOf:)` does.
    public func streamLateDeliveries(asOf: Day, lastDue: Day, _ body: (LateDelivery, Int) throws -> Void) throws {
        try read { db in
            try streamLateDeliveries(db, asOf: asOf, lastDue: lastDue) { d, run, _ in
                try body(d, run)
                return true
            }
        }
    }

    /// The same late deliveries, without their runs and in no particular order (`lateScanSQL`), each with whether it
    /// has a receipt after `asOf` (`later`: `lateDeliveries(asOf:)` lists those first, then the others, each by id, and
    /// the arrears of a check follow that order): for `check`, which sorts what it keeps of them itself and works the
    /// runs out over it.
    public func scanLateDeliveries(asOf: Day, lastDue: Day, _ body: (LateDelivery, Bool) throws -> Void) throws {
        try read { db in
            try streamLateDeliveries(db, asOf: asOf, lastDue: lastDue, inPrintOrder: false) { d, _, later in
                try body(d, later)
                return true
            }
        }
    }

    /// The same, in `db`'s transaction, until `body` returns false (the dashboard reads the first few): in print order
    /// with their runs (`lateRuns`, then `lateInPrintOrderSQL`), or with `inPrintOrder` false in no order and without
    /// them (`lateScanSQL`); either query gives each delivery's items one after the other.
    func streamLateDeliveries(
        _ db: Database, asOf: Day, lastDue: Day, inPrintOrder: Bool = true, _ body: (LateDelivery, Int, Bool) throws -> Bool
    ) throws {
        do {
            var text = FactText()
            var decrees: [Int64: PartyName] = [:]  // decree ids are not party ids
            var units: [String: MeasureUnit] = [:]
            var runs: [Int64: Int32] = [:]
            var sql = Ledger.lateScanSQL
            var arguments: StatementArguments = ["asOf": asOf.description, "lastDue": lastDue.description]
            if inPrintOrder {
                let found = try lateRuns(db, asOf: asOf, lastDue: lastDue)
                runs = found.runs
                sql = Ledger.lateInPrintOrderSQL
                arguments = ["asOf": asOf.description, "late": found.late]
            }
            let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
            var current: LateDelivery? = nil
            var run = 0
            var later = false
            // One row per item, the items of a delivery one after the other: a delivery is handed on when the next begins.
            while let row = try rows.next() {
                let id: Int64 = row[0]
                if current?.id != id {
                    if var done = current {
                        try markReceivedAs(db, done.id, asOf: asOf, &done.lines, received: done.receivedBase)
                        if try !body(done, run, later) { return }
                    }
                    let kid: Int64 = row[3]
                    let decree = decrees[kid] ?? PartyName(id: kid, handle: row[4], name: row[5])
                    decrees[kid] = decree
                    let parent: Int64? = row[12]
                    current = LateDelivery(
                        id: id, decree: decree, recipient: text.party(row, id: 6, handle: 7, name: 8),
                        supplier: text.party(row, id: 9, handle: 10, name: 11),
                        supplierParent: parent.map { text.party($0, row, handle: 13, name: 14) },
                        period: try text.requiredPeriod(row, 1, "period"),
                        due: try text.requiredDay(row, 2, "due"), lines: [], expectedBase: [:], receivedBase: [:], unitOf: [:])
                    run = runs[id].map(Int.init) ?? row[15]
                    later = (row[20] as Int64) == 1
                }
                let c: String = row[16]
                let unitName: String = row[17]
                let expected: Int64 = row[18]
                let got: Int64 = row[19]
                let u = units[unitName] ?? unit(unitName)
                units[unitName] = u
                current?.expectedBase[c] = expected
                current?.receivedBase[c] = got
                current?.unitOf[c] = u
                current?.lines.append(
                    DeliveryLine(
                        commodity: c, expected: QuantityValue(Quantity(base: expected, unit: u, commodity: c)),
                        received: QuantityValue(Quantity(base: got, unit: u, commodity: c)),
                        shortfall: QuantityValue(Quantity(base: max(0, expected - got), unit: u, commodity: c))))
            }
            if var done = current {
                try markReceivedAs(db, done.id, asOf: asOf, &done.lines, received: done.receivedBase)
                _ = try body(done, run, later)
            }
        }
    }

    /// The late deliveries of `lateCTE`, in no order, each with its entitlement (decree, recipient), its month
    /// numbered `year * 12 + month` and whether it has a receipt after the day: only ids and numbers. A run of
    /// consecutive missed periods is a stretch of one entitlement's months that follow one another (`Ledger.lateRuns`
    /// sorts them).
    /// ```
    /// (lateCTE as in lateScanSQL: the later ones by rowid, UNION ALL the open ones through delivery_open, each
    /// delivery's items searched by its primary key; no sort)
    /// ```
    static let lateRunsSQL = """
        \(lateCTE)
        SELECT id, decree_id, recipient_id, CAST(substr(period, 1, 4) AS INTEGER) * 12 + CAST(substr(period, 6, 2) AS INTEGER), later
        FROM late
        """

    /// Each late delivery's run of consecutive missed periods (`lateRunsSQL`): the late periods of its decree and
    /// recipient whose months follow one another without a gap, its own among them. (The windows' islands, `month -
    /// row_number()`, are the same stretches: a decree, recipient and period are unique.) And the late deliveries
    /// themselves, for `lateInPrintOrderSQL`'s `:late`: a JSON array of each id times two, plus one where it has a
    /// receipt after the day, so that finding them (the receipts summed for each candidate) is done once.
    func lateRuns(_ db: Database, asOf: Day, lastDue: Day) throws -> (runs: [Int64: Int32], late: String) {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: Ledger.lateRunsSQL), arguments: ["asOf": asOf.description, "lastDue": lastDue.description])
        struct Late {
            var id: Int64
            var decree: Int64
            var recipient: Int64
            var month: Int64
        }
        var found: [Late] = []
        var late = "["
        while let row = try rows.next() {
            let id: Int64 = row[0]
            found.append(Late(id: id, decree: row[1], recipient: row[2], month: row[3]))
            if late.utf8.count > 1 { late.append(",") }
            late.append(String(id * 2 + ((row[4] as Int64) == 1 ? 1 : 0)))
        }
        late.append("]")
        // By entitlement and month (a decree, recipient and period are unique): sorted here, of four numbers each, it
        // cost less than SQLite's sorter of the same rows.
        found.sort { ($0.decree, $0.recipient, $0.month) < ($1.decree, $1.recipient, $1.month) }
        var runs: [Int64: Int32] = [:]
        runs.reserveCapacity(found.count)
        var start = 0
        while start < found.count {
            var end = start + 1
            while end < found.count, found[end].decree == found[start].decree, found[end].recipient == found[start].recipient,
                found[end].month == found[end - 1].month + 1
            {
                end += 1
            }
            for n in start..<end { runs[found[n].id] = Int32(clamping: end - start) }
            start = end
        }
        return (runs, late)
    }
}
