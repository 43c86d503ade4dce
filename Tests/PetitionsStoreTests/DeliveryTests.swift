import Foundation
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

@Suite("Deliveries")
struct DeliveryTests {
    /// The Dmitrov cooperative (125 employees, 140 incapacitated) enrolled in a wheat decree from January 1920.
    func enrolledScene(_ ledger: Ledger, dueDay: Int = 31) throws -> Scene {
        let scene = try Scene(ledger)
        _ = try ledger.addDecree(
            handle: "bread", name: "Bread ration", issued: day("1919-12-20"), issuer: "moscow-soviet", supplier: "narkomprod",
            rations: ["employee: 8 funt wheat", "incapacitated: 5 funt wheat"], every: .month, dueDay: dueDay,
            effectiveFrom: nil, effectiveTo: nil)
        let enrolment = try ledger.enrol(
            decree: "bread", recipient: scene.group.handle, counts: [], from: day("1920-01-01"), to: nil, memberCategory: "employee")
        #expect(enrolment.counts == [HeadCount(category: "employee", count: 125), HeadCount(category: "incapacitated", count: 140)])
        return scene
    }

    func receive(_ scene: Scene, _ quantities: [String], period p: String = "1920-01", on d: String = "1920-01-20") throws -> Delivery {
        try scene.ledger.receiveDelivery(
            decree: "bread", recipient: scene.group.handle, period: period(p), on: day(d), quantities: quantities, note: nil)
    }

    @Test("125 employees at 8 funt and 140 incapacitated at 5 funt expect 1700 funt of wheat a month")
    func expectedPerMonth() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            let result = try scene.ledger.scheduleDeliveries(
                decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-03"), on: day("1920-01-01"))
            #expect(result.alreadyScheduled == 0)
            #expect(result.scheduled.map(\.period.description) == ["1920-01", "1920-02", "1920-03"])
            for delivery in result.scheduled {
                #expect(delivery.status == .pending)
                #expect(delivery.recipient == "dmitrov-cooperative")
                #expect(delivery.supplier == "narkomprod")
                #expect(delivery.lines.count == 1)
                #expect(delivery.lines.first?.expected.text == "1,700 funt wheat")
                #expect(delivery.lines.first?.received.amount == 0)
                #expect(delivery.lines.first?.shortfall.text == "1,700 funt wheat")
            }
            // Due on the 31st, clamped to the end of shorter months.
            #expect(result.scheduled.map(\.due.description) == ["1920-01-31", "1920-02-29", "1920-03-31"])
        }
    }

    @Test("verify names every stored day, period and span that does not parse")
    func verifyFlagsUnparsableStoredValues() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            _ = try scene.ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-02"), on: nil)
            #expect(try scene.ledger.verify().isEmpty)
            let raw = try openRaw(temporary.path)
            try raw.write { db in
                // The schema's GLOBs let these through; read back, they became the first supported month and day.
                try db.execute(sql: "UPDATE delivery SET period = '1920-13' WHERE period = '1920-01'")
                try db.execute(sql: "UPDATE delivery SET due = '1920-02-30' WHERE period = '1920-02'")
                try db.execute(sql: "UPDATE party SET reply_within = 'soon' WHERE kind = 'authority'")
            }
            try raw.close()
            let problems = try scene.ledger.verify()
            #expect(problems.contains { $0.contains("delivery") && $0.contains("period '1920-13' is not a period") }, "\(problems)")
            #expect(problems.contains { $0.contains("due '1920-02-30' is not a day") }, "\(problems)")
            #expect(problems.contains { $0.contains("reply_within 'soon' is not a span") }, "\(problems)")
            // And nothing that reads them hangs on a fallback month: reading them back says what is wrong.
            #expect(throws: PetitionsError("The ledger is damaged: its due '1920-02-30' is not a day (it was changed outside petitions).")) {
                _ = try scene.ledger.deliveries()
            }
        }
    }

    @Test("scheduling the same periods twice adds nothing")
    func idempotentScheduling() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            let ledger = scene.ledger
            _ = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-02"), on: nil)
            let before = try snapshot(temporary.path)
            let again = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-02"), on: nil)
            #expect(again.scheduled.isEmpty)
            #expect(again.alreadyScheduled == 2)
            #expect(try snapshot(temporary.path) == before)
            // Extending the range schedules only the new month.
            let extended = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-03"), on: nil)
            #expect(extended.scheduled.map(\.period.description) == ["1920-03"])
            #expect(extended.alreadyScheduled == 2)
            #expect(try ledger.deliveries().count == 3)
        }
    }

    @Test("nothing is scheduled before an enrolment starts or after it ends")
    func enrolmentWindow() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let ledger = scene.ledger
            _ = try ledger.addDecree(
                handle: "bread", name: "Bread", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
                rations: ["employee: 8 funt wheat"], every: .month, dueDay: 1, effectiveFrom: nil, effectiveTo: nil)
            _ = try ledger.enrol(
                decree: "bread", recipient: scene.group.handle, counts: [HeadCount(category: "employee", count: 10)],
                from: day("1920-02-15"), to: day("1920-04-10"), memberCategory: "employee")
            let result = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-06"), on: nil)
            #expect(result.scheduled.map(\.period.description) == ["1920-02", "1920-03", "1920-04"])
            #expect(result.scheduled.first?.lines.first?.expected.text == "80 funt wheat")
        }
    }

    @Test("a partial receipt leaves the right shortfall; receipts adding up to the expected complete it")
    func partialThenComplete() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            _ = try scene.ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)

            let partial = try receive(scene, ["1000 funt wheat"], on: "1920-01-20")
            #expect(partial.status == .partial)
            #expect(partial.lines.first?.received.text == "1,000 funt wheat")
            #expect(partial.lines.first?.shortfall.text == "700 funt wheat")
            #expect(try scene.ledger.deliveries(status: .partial).count == 1)

            let complete = try receive(scene, ["700 funt Wheat"], on: "1920-01-25")
            #expect(complete.status == .complete)
            #expect(complete.lines.first?.received.text == "1,700 funt wheat")
            #expect(complete.lines.first?.shortfall.amount == 0)
            #expect(complete.receipts?.map(\.on.description) == ["1920-01-20", "1920-01-25"])
            #expect(try scene.ledger.deliveries(status: .partial).isEmpty)
        }
    }

    @Test("a receipt in pood is shown back in pood and counted exactly against funt")
    func receiptInPood() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            _ = try scene.ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)
            let delivery = try receive(scene, ["10 pood wheat"])
            #expect(delivery.receipts?.first?.quantities.map(\.text) == ["10 pood wheat"])
            #expect(delivery.lines.first?.received.text == "400 funt wheat")  // 1 pood = 40 funt
            #expect(delivery.lines.first?.shortfall.text == "1,300 funt wheat")
            #expect(delivery.status == .partial)

            // 32.5 pood = 1300 funt exactly: the delivery is then complete, with no rounding left over.
            let done = try receive(scene, ["32.5 pood wheat"])
            #expect(done.status == .complete)
            #expect(done.lines.first?.shortfall.amount == 0)
            #expect(done.receipts?.map { $0.quantities.map(\.text) } == [["10 pood wheat"], ["32.5 pood wheat"]])
        }
    }

    @Test("more than expected still completes the delivery without a negative shortfall")
    func overDelivery() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            _ = try scene.ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)
            let delivery = try receive(scene, ["1800 funt wheat"])
            #expect(delivery.status == .complete)
            #expect(delivery.lines.first?.shortfall.amount == 0)
        }
    }

    @Test("a cancelled delivery accepts no receipt")
    func cancelled() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            _ = try scene.ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)
            _ = try scene.ledger.cancelDelivery(
                decree: "bread", recipient: scene.group.handle, period: period("1920-01"), on: day("1920-01-03"), reason: "no trains")
            let error = try #require(throws: PetitionsError.self) { try receive(scene, ["100 funt wheat"]) }
            #expect(error.message.contains("cancelled"))
            #expect(try scene.ledger.deliveries().first?.status == .cancelled)
        }
    }

    @Test("without counts, a group is enrolled from its members and their households")
    func enrolmentFromHouseholds() throws {
        try withLedger { temporary in
            let ledger = temporary.ledger
            _ = try ledger.addAuthority(name: "Narkomprod", handle: "narkomprod", parent: nil, replyWithin: nil, on: day("1919-12-01"))
            let group = try ledger.addGroup(name: "Tver Artel", handle: nil, district: "Tver", counts: [], on: day("1919-12-01"))
            _ = try ledger.addPetitioner(
                name: "Ivan Petrov", handle: nil, district: nil, occupation: "smith", groups: [group.handle],
                dependants: [Dependant(name: "Anna", category: "incapacitated")], on: day("1919-12-02"))
            _ = try ledger.addPetitioner(
                name: "Semyon Orlov", handle: nil, district: nil, occupation: "carter", groups: [group.handle],
                dependants: [], on: day("1919-12-02"))
            #expect(try ledger.party(group.handle).members == ["ivan-petrov", "semyon-orlov"])

            _ = try ledger.addDecree(
                handle: "bread", name: "Bread", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
                rations: ["employee: 8 funt wheat", "incapacitated: 5 funt wheat"], every: .month, dueDay: 1,
                effectiveFrom: nil, effectiveTo: nil)
            let enrolment = try ledger.enrol(decree: "bread", recipient: group.handle, counts: [], from: nil, to: nil, memberCategory: "employee")
            #expect(enrolment.counts == [HeadCount(category: "employee", count: 2), HeadCount(category: "incapacitated", count: 1)])
            #expect(enrolment.from.description == "1919-12-20")  // starts when the decree was issued

            let result = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)
            #expect(result.scheduled.first?.lines.first?.expected.text == "21 funt wheat")  // 2 × 8 + 1 × 5
        }
    }

    @Test("a group with neither members nor counts cannot be enrolled")
    func emptyGroup() throws {
        try withLedger { temporary in
            let ledger = temporary.ledger
            _ = try ledger.addAuthority(name: "Narkomprod", handle: "narkomprod", parent: nil, replyWithin: nil, on: day("1919-12-01"))
            _ = try ledger.addGroup(name: "Empty Artel", handle: nil, district: nil, counts: [], on: day("1919-12-01"))
            _ = try ledger.addDecree(
                handle: "bread", name: "Bread", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
                rations: ["employee: 8 funt wheat"], every: .month, dueDay: 1, effectiveFrom: nil, effectiveTo: nil)
            let error = try #require(throws: PetitionsError.self) {
                try ledger.enrol(decree: "bread", recipient: "empty-artel", counts: [], from: nil, to: nil, memberCategory: "employee")
            }
            #expect(error.message.contains("--count"))
            #expect(try ledger.enrolments().isEmpty)
        }
    }

    @Test("a second enrolment from the same day in the same decree is refused; one from a later day ends the first")
    func overlappingEnrolment() throws {
        try withLedger { temporary in
            let scene = try enrolledScene(temporary.ledger)
            let error = try #require(throws: PetitionsError.self) {
                try scene.ledger.enrol(
                    decree: "bread", recipient: scene.group.handle, counts: [], from: day("1920-01-01"), to: nil, memberCategory: "employee")
            }
            #expect(error.message.contains("already enrolled"))
            #expect(try scene.ledger.enrolments().count == 1)
            _ = try scene.ledger.enrol(
                decree: "bread", recipient: scene.group.handle, counts: [], from: day("1920-06-01"), to: nil, memberCategory: "employee")
            #expect(try scene.ledger.enrolments().map(\.to) == [day("1920-05-31"), nil])
        }
    }

    @Test("a decree keeps its rations in the units they were written in")
    func decreeRations() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let decree = try scene.ledger.addDecree(
                handle: "mixed", name: "Mixed ration", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
                rations: ["employee: 1.5 pood rye flour", "employee: 3 piece soap", "child: 2 litre milk"],
                every: .month, dueDay: 1, effectiveFrom: nil, effectiveTo: nil)
            #expect(
                decree.rations.map { "\($0.category): \($0.quantity.text)" }
                    == ["employee: 1.5 pood rye flour", "employee: 3 piece soap", "child: 2 litre milk"])
            #expect(try scene.ledger.decree("mixed") == decree)
            let error = try #require(throws: PetitionsError.self) {
                try scene.ledger.addDecree(
                    handle: "twice", name: "Twice", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
                    rations: ["employee: 8 funt wheat", "employee: 1 pood wheat"], every: .month, dueDay: 1,
                    effectiveFrom: nil, effectiveTo: nil)
            }
            #expect(error.message.contains("repeats"))
        }
    }
}
