import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Scheduling

    /// Schedules one expected delivery per (decree, recipient, period) for the periods given, for every recipient
    /// enrolled (or the one named). Idempotent: a period already scheduled is left as it is.
    public func scheduleDeliveries(decree: String, recipient: String?, from: Period, to: Period, on day: Day?) throws -> ScheduleResult {
        let (ids, already) = try transaction {
            try $0.scheduleDeliveries(decree: decree, recipient: recipient, from: from, to: to, on: day ?? context.today)
        }
        return try read { db in
            let list = ids.isEmpty ? [] : try loadDeliveries(db, DeliveryQuery(only: ids))
            return ScheduleResult(scheduled: list, alreadyScheduled: already)
        }
    }

    /// What an enrolment's head-counts expect for one period at the decree's `rations`: (commodity, unit, amount in
    /// base units), one line per commodity; refused when a sum is more than a delivery can hold.
    func expectedItems(_ db: Database, enrolment: Int64, rations: [Row], period p: Period) throws -> [(String, String, Int64)] {
        let counts = Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db, sql: "SELECT category, count FROM enrolment_count WHERE enrolment_id = ?", arguments: [enrolment]
            ).map { ($0["category"] as String, $0["count"] as Int64) })
        var items: [(String, String, Int64)] = []  // commodity, unit, expected
        for ration in rations {
            let n = counts[ration["category"] as String] ?? 0
            guard n > 0 else { continue }
            let commodity: String = ration["commodity"]
            let tooMuch = PetitionsError(
                "The expected \(commodity) for \(p) (\(Quantity.grouped(Decimal(n))) heads at the decree's ration) is more than one delivery can hold; lower the ration or the head-count (enrol --count)."
            )
            let unit = try units.require(ration["unit"] as String, field: "unit")
            guard let add = Quantity.times(ration["amount"] as Int64, in: unit, n), add <= Quantity.maximumBase else { throw tooMuch }
            if let i = items.firstIndex(where: { $0.0 == commodity }) {
                let sum = items[i].2.addingReportingOverflow(add)
                guard !sum.overflow, sum.partialValue <= Quantity.maximumBase else { throw tooMuch }
                items[i].2 = sum.partialValue
            } else {
                items.append((commodity, ration["unit"], add))
            }
        }
        return items
    }

    // MARK: - Receipts

    /// Records what came for a scheduled delivery; several receipts may add up, partial is allowed.
    public func receiveDelivery(decree: String, recipient: String, period: Period, on day: Day, quantities: [String], note: String?) throws
        -> Delivery
    {
        let id = try transaction {
            try $0.receiveDelivery(decree: decree, recipient: recipient, period: period, on: day, quantities: quantities, note: note)
        }
        return try delivery(id)
    }

    /// pending: nothing came; partial: something came but not all; complete: every commodity in full.
    static func deriveStatus(_ db: Database, _ id: Int64) throws {
        try db.execute(
            cached: """
                UPDATE delivery SET status = (
                  SELECT CASE WHEN min(received >= expected) = 1 THEN 'complete' WHEN max(received) > 0 THEN 'partial' ELSE 'pending' END
                  FROM delivery_item WHERE delivery_id = delivery.id)
                WHERE id = ? AND status <> 'cancelled'
                """, [id])
    }

    /// Cancels a scheduled delivery (e.g. scheduled in error) as a recorded event.
    public func cancelDelivery(decree: String, recipient: String, period: Period, on day: Day, reason: String) throws -> Delivery {
        let id = try transaction { try $0.cancelDelivery(decree: decree, recipient: recipient, period: period, on: day, reason: reason) }
        return try delivery(id)
    }

    func requireDelivery(_ db: Database, decree: String, recipient: String, period: Period) throws -> (Int64, DecreeRef, PartyRef) {
        let d = try resolveDecree(db, decree)
        let r = try resolveParty(db, recipient, kinds: [.group, .person], field: "--recipient")
        guard
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: Ledger.deliveryByPeriodSQL),
                arguments: [d.id, r.id, period.description])
        else {
            throw PetitionsError(
                "--period: no delivery of \(d.handle) to \(r.handle) is scheduled for \(period); schedule it first with `petitions delivery schedule`.",
                field: "--period", kind: .notFound)
        }
        return (id, d, r)
    }

    // MARK: - Reading deliveries

    /// One delivery by id, with its receipts, as it stands on `asOf` (today when not given): a receipt dated later is
    /// listed but does not count yet.
    public func delivery(_ id: Int64, asOf: Day? = nil) throws -> Delivery {
        try read { db in
            var query = DeliveryQuery(id: id)
            query.asOf = try DeliveriesAsOf(db, day: asOf ?? context.today)
            guard var d = try loadDeliveries(db, query).first else {
                // As a letter, a receipt or an attachment is missed: with the ids there are, so a typo shows as one.
                let max = try Int64.fetchOne(db, sql: "SELECT max(id) FROM delivery")
                throw PetitionsError(
                    "delivery: no delivery with id \(id)\(max.map { " (ids run up to \($0))" } ?? " (there are none yet)").", field: "delivery",
                    kind: .notFound)
            }
            d.receipts = try loadReceipts(db, id)
            return d
        }
    }

    /// Gives the lines of delivery `id` whose amount received (`received`, base units by commodity, as of `asOf`) the
    /// decree's unit shows only rounded (100 kg is 244.193 funt to three decimals) what came in the units it came in
    /// (`DeliveryLine.receivedAs`). Only such a delivery is asked about: one whose receipts came in whole thousandths of
    /// the decree's unit costs no query (the `overdue` benchmark's partial deliveries among them).
    func markReceivedAs(_ db: Database, _ id: Int64, asOf: Day, _ lines: inout [DeliveryLine], received: [String: Int64]) throws {
        let rounded = lines.contains { l in
            guard let base = received[l.commodity], base > 0 else { return false }
            let (thousandths, overflow) = base.multipliedReportingOverflow(by: 1000)
            return overflow || thousandths % unit(l.received.unit).base != 0
        }
        guard rounded else { return }
        var byCommodity: [String: [(unit: String, base: Int64)]] = [:]
        // Read by position, not through a record: this runs inside the streamed `overdue` and `check` (Ledger+LateStream,
        // Ledger+RuleFacts), where a lookup by name lower-cased the name on every read (BENCHMARKS.md, "The rule engine":
        // with the other changes there, report at large 19.1 → 6.0 s).
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Ledger.receivedByUnitSQL), arguments: [id, asOf.description])
        while let r = try rows.next() { byCommodity[r[0], default: []].append((r[1], r[2])) }
        for i in lines.indices {
            let c = lines[i].commodity
            guard let got = byCommodity[c], got.contains(where: { $0.unit != lines[i].received.unit }) else { continue }
            lines[i].receivedAs = got.map { QuantityValue(Quantity(base: $0.base, unit: unit($0.unit), commodity: c)) }
        }
    }
}

/// The intents of scheduling, receiving and cancelling deliveries, each written once, in the shape `LedgerTransaction`
/// describes: the public method above runs it in a transaction of its own (`transaction { try $0.… }`), the merge
/// replay and the import in theirs (`transaction(db, stamp:)`).
extension LedgerTransaction {
    // MARK: - Scheduling, receiving and cancelling deliveries

    /// Schedules deliveries; returns the ids created (none, and no event, when every period was already scheduled) and
    /// how many were already there.
    // Longer than 60 lines on purpose: one transaction's checks and writes, in the order they must happen.
    func scheduleDeliveries(
        decree: String, recipient: String?, from: Period, to: Period, on day: Day
    ) throws -> (created: [Int64], already: Int) {
        guard from <= to else { throw PetitionsError.invalid("--to", to.description, "is before --from \(from)") }
        let periods = Period.range(from, to)
        guard periods.count <= 1200 else { throw PetitionsError.invalid("--to", to.description, "is more than 100 years after --from \(from)") }
        let d = try ledger.resolveDecree(db, decree)
        let r = try recipient.map { try ledger.resolveParty(db, $0, kinds: [.group, .person], field: "--recipient") }
        // When head-counts change within a period, the enrolment that starts latest in it sets the delivery.
        var enrolments = try Row.fetchAll(db, sql: "SELECT * FROM enrolment WHERE decree_id = ? ORDER BY from_day DESC, id DESC", arguments: [d.id])
        if let r { enrolments = enrolments.filter { ($0["recipient_id"] as Int64) == r.id } }
        guard !enrolments.isEmpty else {
            if let r {
                throw PetitionsError("--recipient: \(r.handle) is not enrolled in decree \(d.handle); enrol it first with `petitions enrol`.")
            }
            throw PetitionsError("--decree: nobody is enrolled in decree \(d.handle); enrol a recipient first with `petitions enrol`.")
        }
        let rations = try Row.fetchAll(
            db, sql: "SELECT category, commodity, amount, unit FROM ration WHERE decree_id = ? ORDER BY rowid", arguments: [d.id])
        var created: [(id: Int64, recipient: Int64)] = []
        var already = 0
        var pending: [(Int64, Period, [(String, String, Int64)])] = []
        var enrolmentStart: [Int64: Day] = [:]
        var planned = Set<String>()
        for p in periods {
            if let f = d.effectiveFrom, p.last < f { continue }
            if let t = d.effectiveTo, p.first > t { continue }
            for e in enrolments {
                let start = try e.day("from_day")
                let end = try e.optionalDay("to_day")
                guard start <= p.last, end.map({ $0 >= p.first }) ?? true else { continue }
                let rid: Int64 = e["recipient_id"]
                guard planned.insert("\(rid)/\(p)").inserted else { continue }
                if p.contains(start) { enrolmentStart[rid] = start }
                if try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM delivery WHERE decree_id = ? AND recipient_id = ? AND period = ?",
                    arguments: [d.id, rid, p.description]) == true
                {
                    already += 1
                    continue
                }
                let items = try ledger.expectedItems(db, enrolment: e["id"], rations: rations, period: p)
                if !items.isEmpty { pending.append((rid, p, items)) }
            }
        }
        guard !pending.isEmpty else { return ([Int64](), already) }
        let recipients = Set(pending.map(\.0))
        let event = DeliveryScheduled(
            decree: d.handle, recipient: r?.handle, from: from.description, to: to.description,
            periods: pending.map { $0.1.description })
        let eventID = try append(
            event.event, day: day,
            subjects: [Subject("decree", d.id)] + recipients.sorted().map { Subject("party", $0) },
            summary: "\(Wording.count(pending.count, "delivery", plural: "deliveries")) of \(d.name) scheduled for \(from)…\(to)")
        let insert = try db.cachedStatement(
            sql: "INSERT INTO delivery(decree_id, recipient_id, period, due, status, office, event_id) VALUES (?, ?, ?, ?, 'pending', ?, ?)")
        let item = try db.cachedStatement(sql: "INSERT INTO delivery_item(delivery_id, commodity, unit, expected) VALUES (?, ?, ?, ?)")
        let subject = try db.cachedStatement(sql: "INSERT INTO event_subject VALUES (?, 'delivery', ?)")
        for (rid, p, items) in pending {
            // Due on the decree's day of the period, but never before the decree or the enrolment takes effect.
            let starts = [d.effectiveFrom, enrolmentStart[rid]].compactMap { $0 }.filter { p.contains($0) }
            let due = ([p.day(d.dueDay)] + starts).max() ?? p.day(d.dueDay)
            try insert.execute(arguments: [d.id, rid, p.description, due.description, stamp.office, eventID])
            let id = db.lastInsertedRowID
            for (c, u, n) in items { try item.execute(arguments: [id, c, u, n]) }
            try subject.execute(arguments: [eventID, id])
            created.append((id, rid))
        }
        return (created.map(\.id), already)
    }

    /// Records a receipt; returns the delivery's id. `evenCancelled`: a merge records another office's receipt against a
    /// delivery cancelled here (what came, came); a clerk's is refused.
    // Longer than 60 lines on purpose: one transaction's checks and writes, in the order they must happen.
    func receiveDelivery(
        decree: String, recipient: String, period: Period, on day: Day, quantities: [String], note: String?, evenCancelled: Bool = false
    ) throws -> Int64 {
        guard !quantities.isEmpty else { throw PetitionsError("--quantity: say what came, e.g. --quantity '1000 funt wheat'.", code: .usage) }
        let parsed = try quantities.map { try Quantity(parsing: $0, field: "--quantity", units: ledger.units) }
        let (deliveryID, d, r) = try ledger.requireDelivery(db, decree: decree, recipient: recipient, period: period)
        let status: String =
            try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM delivery WHERE id = ?"), arguments: [deliveryID]) ?? "pending"
        guard status != "cancelled" || evenCancelled else {
            throw PetitionsError(
                "--period: the delivery of \(d.handle) to \(r.handle) for \(period) was cancelled; nothing can be received against it.")
        }
        guard day >= d.issued else {
            throw PetitionsError.invalid(
                "--on", day.description, "is before decree \(d.handle) was issued on \(d.issued); nothing can come under it before then")
        }
        // One row of the receipt per commodity and unit entered: an amount keeps its unit (`1 funt salt, 590 g salt`),
        // and only amounts given in the same unit add up (exactly, in that unit); what the delivery counts as received
        // is the commodity's sum in base units.
        var byUnit: [(commodity: String, base: Int64, unit: String)] = []
        var byCommodity: [String: Int64] = [:]
        let itemRows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT commodity, unit, received FROM delivery_item WHERE delivery_id = ?"), arguments: [deliveryID])
        let lines = Dictionary(uniqueKeysWithValues: itemRows.map { ($0["commodity"] as String, $0["unit"] as String) })
        let already = Dictionary(uniqueKeysWithValues: itemRows.map { ($0["commodity"] as String, $0["received"] as Int64) })
        for (q, text) in zip(parsed, quantities) {
            guard let expectedUnit = lines[q.commodity] else {
                throw PetitionsError(
                    "--quantity \(quoted(text)): the delivery of \(d.handle) to \(r.handle) for \(period) brings no \(q.commodity); it brings \(lines.keys.sorted().joined(separator: ", "))."
                )
            }
            let eu = ledger.unit(expectedUnit)
            guard eu.dimension == q.unit.dimension else {
                throw PetitionsError(
                    "--quantity \(quoted(text)): \(q.unit.name) measures \(q.unit.dimension), but the ration of \(q.commodity) is in \(eu.name) (\(eu.dimension))."
                )
            }
            // Each quantity is at most Quantity.maximumBase and each sum is checked before the next is made, so no
            // sum can overflow unseen.
            let sum = (byCommodity[q.commodity] ?? 0) + q.base
            let total = (already[q.commodity] ?? 0).addingReportingOverflow(sum)
            guard !total.overflow, total.partialValue <= Quantity.maximumBase else {
                throw PetitionsError(
                    "--quantity \(quoted(text)): the \(q.commodity) received for \(d.handle) to \(r.handle) in \(period) would add up to more than can be counted."
                )
            }
            byCommodity[q.commodity] = sum
            if let i = byUnit.firstIndex(where: { $0.commodity == q.commodity && $0.unit == q.unit.name }) {
                byUnit[i].base += q.base
            } else {
                byUnit.append((q.commodity, q.base, q.unit.name))
            }
        }
        let event = DeliveryReceived(
            decree: d.handle, recipient: r.handle, period: period.description, on: day.description,
            quantities: quantities, note: Ledger.nonEmpty(note))
        let eventID = try append(
            event.event, day: day, subjects: [Subject("delivery", deliveryID), Subject("decree", d.id), Subject("party", r.id)],
            summary: "Received for \(r.name), \(d.name), \(period.longDescription): \(parsed.map(\.description).joined(separator: ", "))")
        try db.execute(
            cached: "INSERT INTO receipt(delivery_id, day, note, office, event_id) VALUES (?, ?, ?, ?, ?)",
            [deliveryID, day.description, Ledger.nonEmpty(note), stamp.office, eventID])
        let receiptID = db.lastInsertedRowID
        try db.execute(cached: "INSERT INTO event_subject VALUES (?, 'receipt', ?)", [eventID, receiptID])
        for (c, base, u) in byUnit {
            try db.execute(cached: "INSERT INTO receipt_item(receipt_id, commodity, amount, unit) VALUES (?, ?, ?, ?)", [receiptID, c, base, u])
        }
        for (c, base) in byCommodity {
            try db.execute(cached: "UPDATE delivery_item SET received = received + ? WHERE delivery_id = ? AND commodity = ?", [base, deliveryID, c])
        }
        try Ledger.deriveStatus(db, deliveryID)
        return deliveryID
    }

    /// Cancels a delivery; returns its id.
    func cancelDelivery(decree: String, recipient: String, period: Period, on day: Day, reason: String) throws
        -> Int64
    {
        let reason = try Ledger.checkName(reason, field: "--reason")
        let (id, d, r) = try ledger.requireDelivery(db, decree: decree, recipient: recipient, period: period)
        let status = try String.fetchOne(db, sql: "SELECT status FROM delivery WHERE id = ?", arguments: [id])
        guard status != "cancelled" else {
            throw PetitionsError.invalid("--period", period.description, "is already cancelled for \(r.handle) under \(d.handle)")
        }
        try append(
            .deliveryCancelled(DeliveryCancelled(decree: d.handle, recipient: r.handle, period: period.description, reason: reason)),
            day: day, subjects: [Subject("delivery", id), Subject("decree", d.id), Subject("party", r.id)],
            summary: "Delivery of \(d.name) to \(r.name) for \(period.longDescription) cancelled: \(reason)")
        try db.execute(sql: "UPDATE delivery SET status = 'cancelled' WHERE id = ?", arguments: [id])
        return id
    }
}
