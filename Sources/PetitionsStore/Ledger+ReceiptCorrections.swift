import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Voiding a receipt

    /// Voids a receipt recorded in error: it stays listed, marked voided, and counts for nothing from now on. A
    /// delivery after the end of its recipient's enrolment left with no receipt that counts is cancelled, as
    /// `enrol end` cancels one whose every receipt was voided before it.
    public func voidReceipt(_ id: Int64, reason: String, on day: Day?) throws -> Delivery {
        try refuseAfterToday(day, "a void")
        let deliveryID = try transaction { tx in
            try refuseVoidBeforeReceipt(tx.db, id, on: day ?? context.today)
            return try tx.voidReceipt(id, reason: reason, on: day ?? context.today).delivery
        }
        return try delivery(deliveryID)
    }

    /// Refuses a void dated before the receipt it voids, as leaving a group before joining it is refused; a receipt
    /// dated after today may still be voided today. A merge refuses another office's so dated.
    func refuseVoidBeforeReceipt(_ db: Database, _ id: Int64, on day: Day) throws {
        try refuseVoid(before: "receipt", db, id, on: day)
    }

    // MARK: - Ending an enrolment

    /// Ends a recipient's enrolment in a decree on a day: its last day enrolled. Deliveries scheduled for later periods
    /// that nothing has come for are unscheduled; a new enrolment from a later day may follow, and be scheduled.
    public func endEnrolment(decree: String, recipient: String, on day: Day) throws -> EnrolmentEnd {
        let (id, unscheduled, cancelled) = try transaction { try $0.endEnrolment(decree: decree, recipient: recipient, on: day) }
        let enrolment = try read { db in try loadEnrolments(db, EnrolmentQuery(id: id))[0] }
        return EnrolmentEnd(enrolment: enrolment, unscheduled: unscheduled, cancelled: cancelled)
    }
}

/// The intents of voiding a receipt and ending an enrolment, each written once, in the shape `LedgerTransaction`
/// describes: the public method above runs it in a transaction of its own (`transaction { try $0.… }`), the merge
/// replay and the import in theirs (`transaction(db, stamp:)`).
extension LedgerTransaction {
    // MARK: - Voiding a receipt, ending an enrolment

    /// Voids a receipt; returns its delivery's id and whether the void cancelled it.
    func voidReceipt(_ id: Int64, reason: String, on day: Day) throws -> (delivery: Int64, cancelled: Bool) {
        let reason = try Ledger.checkName(reason, field: "--reason")
        guard let row = try Row.fetchOne(db, sql: "SELECT delivery_id, voided FROM receipt WHERE id = ?", arguments: [id]) else {
            let max = try Int64.fetchOne(db, sql: "SELECT max(id) FROM receipt")
            throw PetitionsError("receipt: no receipt with id \(id)\(max.map { " (ids run up to \($0))" } ?? " (there are none yet)").")
        }
        let deliveryID: Int64 = row["delivery_id"]
        guard (row["voided"] as Int64) == 0 else { throw PetitionsError.invalid("receipt", String(id), "is already voided") }
        try append(
            ReceiptVoided(receipt: id, reason: reason).event, day: day, subjects: [Subject("receipt", id), Subject("delivery", deliveryID)],
            summary: "Receipt \(id) voided: \(reason)")
        try db.execute(sql: "UPDATE receipt SET voided = 1, void_reason = ? WHERE id = ?", arguments: [reason, id])
        try db.execute(
            sql: """
                UPDATE delivery_item SET received = received - (
                  SELECT sum(amount) FROM receipt_item WHERE receipt_id = ? AND commodity = delivery_item.commodity)
                WHERE delivery_id = ? AND commodity IN (SELECT commodity FROM receipt_item WHERE receipt_id = ?)
                """, arguments: [id, deliveryID, id])
        try Ledger.deriveStatus(db, deliveryID)
        return (deliveryID, try cancelPastEnrolment(deliveryID))
    }

    /// Cancels a delivery that nothing counting came for (every receipt voided) and that no enrolment covers any more,
    /// one having ended before its period: what `enrol end` does to such a delivery, so that a void and an end give
    /// the same ledger in either order (two offices merging each other's, or one office replaying both). Returns
    /// whether it did.
    func cancelPastEnrolment(_ deliveryID: Int64) throws -> Bool {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT decree_id, recipient_id, period, status FROM delivery WHERE id = ?", arguments: [deliveryID]),
            (row["status"] as String) == "pending",
            try Bool.fetchOne(db, sql: "SELECT 1 FROM receipt WHERE delivery_id = ? AND voided = 0", arguments: [deliveryID]) != true
        else { return false }
        let p = try Period(parsing: row["period"] as String, field: "period")
        let arguments: StatementArguments = [row["decree_id"] as Int64, row["recipient_id"] as Int64, p.first.description, p.last.description]
        let covered = try Bool.fetchOne(
            db,
            sql: """
                SELECT 1 FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND (to_day IS NULL OR to_day >= ?) AND from_day <= ?
                """, arguments: arguments)
        let endedBefore = try Bool.fetchOne(
            db,
            sql: """
                SELECT 1 FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND to_day IS NOT NULL AND to_day < ? AND from_day <= ?
                """, arguments: arguments)
        guard covered != true, endedBefore == true else { return false }
        try db.execute(sql: "UPDATE delivery SET status = 'cancelled' WHERE id = ?", arguments: [deliveryID])
        return true
    }

    /// Ends an enrolment; returns its id and the later periods unscheduled and cancelled.
    func endEnrolment(
        decree: String, recipient: String, on day: Day
    ) throws -> (id: Int64, unscheduled: [String], cancelled: [String]) {
        let d = try ledger.resolveDecree(db, decree)
        let r = try ledger.resolveParty(db, recipient, kinds: [.group, .person], field: "--recipient")
        guard
            let id = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND from_day <= ? AND (to_day IS NULL OR to_day > ?)
                    ORDER BY from_day DESC LIMIT 1
                    """, arguments: [d.id, r.id, day.description, day.description])
        else {
            throw PetitionsError(
                "--on \(quoted(day.description)): \(r.handle) is not enrolled in \(d.handle) on that day, or its enrolment ends by then; there is nothing to end.",
                // The ledger's state, not an unreadable log: another office's end of an enrolment ended here too is kept
                // without effect by a merge.
                kind: .invalid)
        }
        let period = String(day.description.prefix(7))
        // Later deliveries nothing has come for (not even a receipt since voided) are unscheduled: the event names them,
        // and scheduling again after a new enrolment makes them anew.
        let later = try Row.fetchAll(
            db,
            sql: """
                SELECT id, period FROM delivery WHERE decree_id = ? AND recipient_id = ? AND period > ? AND status = 'pending'
                AND NOT EXISTS (SELECT 1 FROM receipt WHERE receipt.delivery_id = delivery.id) ORDER BY period
                """, arguments: [d.id, r.id, period])
        // Later deliveries whose every receipt was voided keep their receipts (listed, voided) and are cancelled: what
        // came counts for nothing, and the enrolment no longer asks for it.
        let voidedOnly = try Row.fetchAll(
            db,
            sql: """
                SELECT id, period FROM delivery WHERE decree_id = ? AND recipient_id = ? AND period > ? AND status = 'pending'
                AND EXISTS (SELECT 1 FROM receipt WHERE receipt.delivery_id = delivery.id)
                AND NOT EXISTS (SELECT 1 FROM receipt WHERE receipt.delivery_id = delivery.id AND receipt.voided = 0) ORDER BY period
                """, arguments: [d.id, r.id, period])
        let periods = later.map { $0["period"] as String }
        let cancelled = voidedOnly.map { $0["period"] as String }
        var unscheduled = periods.isEmpty ? "" : "; unscheduled \(periods.joined(separator: ", "))"
        if !cancelled.isEmpty { unscheduled += "; cancelled \(cancelled.joined(separator: ", "))" }
        try append(
            EnrolmentEnded(decree: d.handle, recipient: r.handle, on: day.description).event, day: day,
            subjects: [Subject("enrolment", id), Subject("decree", d.id), Subject("party", r.id)]
                + voidedOnly.map { Subject("delivery", $0["id"] as Int64) },
            summary: "Enrolment of \(r.name) in \(d.name) ended on \(day)\(unscheduled)")
        try db.execute(sql: "UPDATE enrolment SET to_day = ? WHERE id = ?", arguments: [day.description, id])
        for row in voidedOnly {
            try db.execute(sql: "UPDATE delivery SET status = 'cancelled' WHERE id = ?", arguments: [row["id"] as Int64])
        }
        for row in later {
            try db.execute(sql: "DELETE FROM delivery_item WHERE delivery_id = ?", arguments: [row["id"] as Int64])
            try db.execute(sql: "DELETE FROM delivery WHERE id = ?", arguments: [row["id"] as Int64])
        }
        return (id, periods, cancelled)
    }
}
