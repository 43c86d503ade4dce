import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// Parties, enrolments, deliveries and receipts whose stored values were changed outside petitions: reading them is
/// an error naming the column and the value, never a crash nor a default (a person, 1000-01-01).
@Suite("Stored values of parties and supply") struct StoredSupplyValueTests {
    /// The Dmitrov cooperative enrolled in a wheat decree, its January delivery scheduled and partly received.
    func received(_ t: TemporaryLedger) throws -> Delivery {
        let scene = try Scene(t.ledger)
        _ = try t.ledger.addDecree(
            handle: "bread", name: "Bread ration", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
            rations: ["employee: 8 funt wheat"], every: .month, dueDay: 15, effectiveFrom: nil, effectiveTo: nil)
        _ = try t.ledger.enrol(
            decree: "bread", recipient: scene.group.handle, counts: [], from: day("1920-01-01"), to: nil, memberCategory: "employee")
        _ = try t.ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)
        return try t.ledger.receiveDelivery(
            decree: "bread", recipient: scene.group.handle, period: period("1920-01"), on: day("1920-01-20"),
            quantities: ["500 funt wheat"], note: nil)
    }

    /// Runs `sql` on the ledger file as another program would.
    func damage(_ t: TemporaryLedger, _ sql: String) throws {
        let raw = try openRaw(t.path)
        try raw.write { try $0.execute(sql: sql) }
        try raw.close()
    }

    @Test("a receipt whose stored day is not a day is listed by verify, and an error naming it when its delivery is shown")
    func damagedReceiptDay() throws {
        try withLedger { t in
            let delivery = try received(t)
            #expect(try ShowDelivery(delivery: delivery.id).run(in: t.workspace).receipts?.count == 1)
            try damage(t, "UPDATE receipt SET day = '1920-01-32'")
            let problems = try t.ledger.verify()
            #expect(problems.contains { $0.contains("receipt") && $0.contains("day '1920-01-32' is not a day") }, "\(problems)")
            #expect(throws: PetitionsError("The ledger is damaged: its day '1920-01-32' is not a day (it was changed outside petitions).")) {
                _ = try ShowDelivery(delivery: delivery.id).run(in: t.workspace)
            }
        }
    }

    @Test("an enrolment whose first day is not a day is an error naming it, not an enrolment from 1000-01-01")
    func damagedEnrolmentDay() throws {
        try withLedger { t in
            _ = try received(t)
            try damage(t, "UPDATE enrolment SET from_day = 'January'")
            #expect(throws: PetitionsError("The ledger is damaged: its from_day 'January' is not a day (it was changed outside petitions).")) {
                _ = try t.ledger.enrolments()
            }
        }
    }

    @Test("a party of a kind petitions does not know is an error naming it, not a person")
    func damagedPartyKind() throws {
        try withLedger { t in
            _ = try received(t)
            try damage(t, "PRAGMA ignore_check_constraints = ON; UPDATE party SET kind = 'guild' WHERE handle = 'dmitrov-cooperative'")
            #expect(throws: PetitionsError("The ledger is damaged: its kind 'guild' is not a known kind (it was changed outside petitions).")) {
                _ = try ShowParty(party: "dmitrov-cooperative").run(in: t.workspace)
            }
            #expect(throws: PetitionsError("The ledger is damaged: its kind 'guild' is not a known kind (it was changed outside petitions).")) {
                _ = try t.ledger.deliveries(recipient: "dmitrov-cooperative")
            }
        }
    }
}
