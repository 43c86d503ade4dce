import PetitionsDomain

/// Late deliveries held for a streaming check (`CheckStream`) in about 80 bytes each: ids, days, run and severity,
/// with names, days, periods, commodities and units interned, and the items in one flat array. A million late
/// deliveries held as `LateDelivery` values (three dictionaries and an array of lines each) took most of `check`'s
/// half a gigabyte; `delivery(_:)` gives one back as the store handed it over, to be worded.
struct HeldDeliveries {
    struct Entry {
        var id: Int64
        var days: Int32
        var run: Int32
        var due: UInt32
        var period: UInt32
        var decree: UInt32
        var recipient: UInt32
        var supplier: UInt32
        /// -1 when the supplier has no authority above it.
        var parent: Int32
        var firstLine: UInt32
        var lineCount: UInt32
        /// Whether enough of it is short to be critical whatever its run (`OverdueDeliveryRule.isShortCritical`).
        var shortCritical: Bool
        /// Whether it has a receipt after the day (`Ledger.lateDeliveries(asOf:)` lists those first, then by id).
        var later: Bool
        /// `Severity.rank`, once `judge` has worked it out.
        var severity: Int = 0
    }

    struct Line {
        var commodity: UInt32
        var unit: UInt32
        var expected: Int64
        var received: Int64
    }

    /// Values numbered in the order first met.
    struct Interned<Key: Hashable, Value> {
        var values: [Value] = []
        var number: [Key: UInt32] = [:]

        mutating func callAsFunction(_ key: Key, _ value: Value) -> UInt32 {
            if let n = number[key] { return n }
            let n = UInt32(values.count)
            values.append(value)
            number[key] = n
            return n
        }
    }

    private(set) var entries: [Entry] = []
    private var lines: [Line] = []
    /// What came in other units, by line: rare (`DeliveryLine.receivedAs`).
    private var receivedAs: [Int: [QuantityValue]] = [:]
    private var parties = Interned<Int64, PartyName>()
    private var decrees = Interned<Int64, PartyName>()
    private var days = Interned<Day, Day>()
    private var periods = Interned<Period, Period>()
    private var commodities = Interned<String, String>()
    private var units = Interned<String, MeasureUnit>()

    mutating func append(_ d: LateDelivery, later: Bool, shortCritical: Bool, days late: Int) {
        let first = lines.count
        for l in d.lines {
            let c = l.commodity
            let unit = d.unitOf[c] ?? MeasureUnit(name: l.expected.unit, dimension: "", base: 1)
            if !l.receivedAs.isEmpty { receivedAs[lines.count] = l.receivedAs }
            lines.append(
                Line(
                    commodity: commodities(c, c), unit: units(unit.name, unit), expected: d.expectedBase[c] ?? 0,
                    received: d.receivedBase[c] ?? 0))
        }
        entries.append(
            Entry(
                id: d.id, days: Int32(clamping: late), run: 0, due: days(d.due, d.due), period: periods(d.period, d.period),
                decree: decrees(d.decree.id, d.decree), recipient: parties(d.recipient.id, d.recipient),
                supplier: parties(d.supplier.id, d.supplier), parent: d.supplierParent.map { Int32(parties($0.id, $0)) } ?? -1,
                firstLine: UInt32(first), lineCount: UInt32(lines.count - first), shortCritical: shortCritical, later: later))
    }

    /// The number of a month, consecutive across years (`year * 12 + month`), of the `n`th entry's period.
    private func month(_ n: Int) -> Int {
        let p = periods.values[Int(entries[n].period)]
        return p.year * 12 + p.month
    }

    /// Works out each entry's run of consecutive missed periods (the late periods of its decree and recipient next to
    /// its own, as the listing counts them) and its severity under `rule`.
    mutating func judge(_ rule: OverdueDeliveryRule) {
        var order = Array(entries.indices)
        order.sort { a, b in
            let (x, y) = (entries[a], entries[b])
            if x.decree != y.decree { return x.decree < y.decree }
            if x.recipient != y.recipient { return x.recipient < y.recipient }
            return month(a) < month(b)
        }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, entries[order[end]].decree == entries[order[start]].decree,
                entries[order[end]].recipient == entries[order[start]].recipient, month(order[end]) == month(order[end - 1]) + 1
            {
                end += 1
            }
            for n in order[start..<end] {
                entries[n].run = Int32(clamping: end - start)
                entries[n].severity = OverdueDeliveryRule.severity(run: end - start, shortCritical: entries[n].shortCritical, rule: rule).rank
            }
            start = end
        }
    }

    /// The critically late deliveries by supplier and recipient handle (`"supplier/recipient"`), as
    /// `Evaluation.criticalLate` counts them over the listing: how many, and the run of the first in the listing's
    /// order (period, recipient handle, decree handle; `first` is that place packed into one integer).
    func criticalLate() -> [String: CriticalSupply] {
        let partyRank = Engine.ranks(parties.values.map(\.handle))
        let decreeRank = Engine.ranks(decrees.values.map(\.handle))
        struct Key: Hashable {
            var supplier: UInt32
            var recipient: UInt32
        }
        var found: [Key: CriticalSupply] = [:]
        for (n, e) in entries.enumerated() where e.severity == Severity.critical.rank {
            // Months below 2^19 (year 9999), ranks below 2^22 each.
            let place = month(n) << 44 | partyRank[Int(e.recipient)] << 22 | decreeRank[Int(e.decree)]
            let k = Key(supplier: e.supplier, recipient: e.recipient)
            if var c = found[k] {
                c.count += 1
                if place < c.first {
                    c.first = place
                    c.firstRun = Int(e.run)
                }
                found[k] = c
            } else {
                found[k] = CriticalSupply(count: 1, first: place, firstRun: Int(e.run))
            }
        }
        var out: [String: CriticalSupply] = [:]
        for (k, c) in found { out["\(parties.values[Int(k.supplier)].handle)/\(parties.values[Int(k.recipient)].handle)"] = c }
        return out
    }

    /// The entries in the `overdue` listing's order (`OverdueDeliveryRule.listing`): by period, recipient handle and
    /// decree handle, then in the order `Ledger.lateDeliveries(asOf:)` reads them (a later receipt first, then by id).
    func listingOrder() -> [Int] {
        let partyRank = Engine.ranks(parties.values.map(\.handle))
        let decreeRank = Engine.ranks(decrees.values.map(\.handle))
        let keys = entries.indices.map { n in
            let e = entries[n]
            return (month(n), partyRank[Int(e.recipient)], decreeRank[Int(e.decree)], e.later ? 0 : 1, e.id)
        }
        var order = Array(entries.indices)
        order.sort { keys[$0] < keys[$1] }
        return order
    }

    /// The handles and period of the `n`th entry, as the `overdue` listing names them: recipient, decree, supplier.
    func names(_ n: Int) -> (recipient: String, decree: String, supplier: String, period: Period) {
        let e = entries[n]
        return (
            parties.values[Int(e.recipient)].handle, decrees.values[Int(e.decree)].handle, parties.values[Int(e.supplier)].handle,
            periods.values[Int(e.period)]
        )
    }

    /// Most serious first, then the longest overdue, then by id: the order of their findings (`Engine.sorted`).
    mutating func sort() {
        entries.sort { a, b in
            if a.severity != b.severity { return a.severity > b.severity }
            if a.days != b.days { return a.days > b.days }
            return a.id < b.id
        }
    }

    /// The `n`th delivery as the store handed it over.
    func delivery(_ n: Int) -> LateDelivery {
        let e = entries[n]
        var out = LateDelivery(
            id: e.id, decree: decrees.values[Int(e.decree)], recipient: parties.values[Int(e.recipient)],
            supplier: parties.values[Int(e.supplier)], supplierParent: e.parent < 0 ? nil : parties.values[Int(e.parent)],
            period: periods.values[Int(e.period)], due: days.values[Int(e.due)], lines: [], expectedBase: [:], receivedBase: [:], unitOf: [:])
        out.lines.reserveCapacity(Int(e.lineCount))
        for i in Int(e.firstLine)..<Int(e.firstLine + e.lineCount) {
            let l = lines[i]
            let c = commodities.values[Int(l.commodity)]
            let u = units.values[Int(l.unit)]
            out.expectedBase[c] = l.expected
            out.receivedBase[c] = l.received
            out.unitOf[c] = u
            out.lines.append(
                DeliveryLine(
                    commodity: c, expected: QuantityValue(Quantity(base: l.expected, unit: u, commodity: c)),
                    received: QuantityValue(Quantity(base: l.received, unit: u, commodity: c)),
                    shortfall: QuantityValue(Quantity(base: max(0, l.expected - l.received), unit: u, commodity: c)),
                    receivedAs: receivedAs[i] ?? []))
        }
        return out
    }
}
