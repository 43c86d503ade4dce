import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

@Suite("Corrections as use cases: each an event, merged between offices, changing the findings at once") struct CorrectionUseCaseTests {
    static let march4 = TemporaryLedger.today

    /// The same ledger as `ws`, recording as another office at another moment (the later change wins a conflict).
    static func at(_ ws: Workspace, office: String, seconds: TimeInterval) -> Workspace {
        Workspace(
            databasePath: ws.databasePath, actor: "clerk", office: office, environment: [:], today: march4,
            now: { TemporaryLedger.now.addingTimeInterval(seconds) })
    }

    @Test("a party's correction is one party.updated event with the changed fields before and after; the handle stays")
    func partyUpdated() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        var change = PartyChange(party: "dmitrov-post", kinds: [.group])
        change.name = "Dmitrov postal employees"
        change.district = "Dmitrov"
        change.counts = [HeadCount(category: "employee", count: 130)]
        let c = try EditParty(change: change).run(in: d.workspace)
        #expect(c.changed == ["counts", "district", "name"])
        #expect(c.record.handle == "dmitrov-post" && c.record.name == "Dmitrov postal employees")
        #expect(c.record.counts?.first { $0.category == "employee" }?.count == 130)
        #expect(c.record.counts?.first { $0.category == "incapacitated" }?.count == 140, "a category not given keeps its count")
        let events = try ListEvents(kind: "party.updated").run(in: d.workspace)
        #expect(events.count == 1)
        guard case .object(let payload)? = events.first?.payload, case .object(let before)? = payload["before"],
            case .object(let after)? = payload["after"]
        else {
            Issue.record("no before and after in \(String(describing: events.first?.payload))")
            return
        }
        #expect(before["name"] == .string("Postal-telegraph employees of the Dmitrov district"))
        #expect(after["name"] == .string("Dmitrov postal employees"))
        #expect(before["district"] == .null && after["district"] == .string("Dmitrov"))
        // The same values again change nothing and record nothing.
        #expect(try EditParty(change: change).run(in: d.workspace).changed.isEmpty)
        #expect(try ListEvents(kind: "party.updated").run(in: d.workspace).count == 1)
    }

    @Test("voiding a receipt makes its delivery overdue at once; the receipt stays listed, voided")
    func voidedReceiptIsOverdue() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        #expect(try ListOverdue(asOf: Self.march4).run(in: d.workspace).count == 2)
        let december = try #require(try ListDeliveries(period: try Period(parsing: "1919-12")).run(in: d.workspace).first)
        let receipt = try #require(try ShowDelivery(delivery: december.id).run(in: d.workspace).receipts?.first)
        let after = try VoidReceipt(receipt: receipt.id, reason: "Recorded against the wrong month").run(in: d.workspace)
        #expect(after.status == .pending)
        #expect(after.receipts?.map(\.voided) == [true])
        let overdue = try ListOverdue(asOf: Self.march4).run(in: d.workspace)
        #expect(overdue.map(\.period.description) == ["1919-12", "1920-01", "1920-02"])
        #expect(throws: PetitionsError.self) { _ = try VoidReceipt(receipt: receipt.id, reason: "again").run(in: d.workspace) }
    }

    @Test("corrections merge between two offices in the order recorded; a field both changed is reported and the later change kept")
    func mergeCorrections() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let region = try TemporaryLedger(office: "region")
        defer { region.remove() }
        let dir = d.ledger.directory
        let first = dir.appendingPathComponent("first.jsonl").path
        try ExportRecords(what: .events, output: first).run(in: d.workspace)
        _ = try MergeEvents(path: first).run(in: region.workspace)

        // Dmitrov corrects first, the region later.
        let dmitrov = Self.at(d.workspace, office: "test", seconds: 100)
        var mine = PartyChange(party: "dmitrov-post", kinds: [.group])
        mine.name = "Dmitrov postal employees"
        mine.district = "Dmitrov"
        _ = try EditParty(change: mine).run(in: dmitrov)
        let petition = try #require(try ListPetitions().run(in: dmitrov).first)
        _ = try NotePetition(petition: petition.id, text: "Telephoned the supply centre", on: try Day(parsing: "1920-02-02")).run(in: dmitrov)
        _ = try EditPetition(change: PetitionChange(petition: petition.id, category: "food")).run(in: dmitrov)
        let december = try #require(try ListDeliveries(period: try Period(parsing: "1919-12")).run(in: dmitrov).first)
        let receipt = try #require(try ShowDelivery(delivery: december.id).run(in: dmitrov).receipts?.first)
        _ = try VoidReceipt(receipt: receipt.id, reason: "Wrong month").run(in: dmitrov)

        let theirs = Self.at(region.workspace, office: "region", seconds: 200)
        var other = PartyChange(party: "dmitrov-post", kinds: [.group])
        other.name = "Dmitrov post office staff"
        _ = try EditParty(change: other).run(in: theirs)

        let second = dir.appendingPathComponent("second.jsonl").path
        try ExportRecords(what: .events, output: second).run(in: dmitrov)
        let merged = try MergeEvents(path: second).run(in: theirs)
        #expect(merged.conflicts.count == 1, "\(merged.conflicts)")
        #expect(merged.conflicts.first?.contains("name") == true)
        #expect(merged.conflicts.first?.contains("Dmitrov post office staff") == true)
        let group = try ShowParty(party: "dmitrov-post").run(in: theirs)
        #expect(group.name == "Dmitrov post office staff", "the region's change is the later one")
        #expect(group.district == "Dmitrov", "a field only one office changed is taken")
        let mergedPetition = try #require(try ListPetitions().run(in: theirs).first)
        #expect(mergedPetition.category == "food")
        let dossier = try ShowPetition(petition: mergedPetition.id).run(in: theirs)
        #expect(dossier.notes.map(\.text) == ["Telephoned the supply centre"])
        #expect(try ListOverdue(asOf: Self.march4).run(in: theirs).count == 3, "the voided receipt counts for nothing in the region too")

        // Back the other way: Dmitrov learns of the region's later name, reported as a conflict, and takes it.
        let third = dir.appendingPathComponent("third.jsonl").path
        try ExportRecords(what: .events, output: third).run(in: theirs)
        let back = try MergeEvents(path: third).run(in: dmitrov)
        #expect(back.conflicts.count == 1, "\(back.conflicts)")
        #expect(try ShowParty(party: "dmitrov-post").run(in: dmitrov).name == "Dmitrov post office staff")
    }

    @Test("an enrolment ended unschedules later deliveries, and enrolling again from a later day works")
    func endEnrolment() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let ended = try EndEnrolment(decree: "decree-1918", recipient: "dmitrov-post", on: try Day(parsing: "1920-01-31")).run(in: d.workspace)
        #expect(ended.enrolment.to?.description == "1920-01-31")
        #expect(ended.unscheduled == ["1920-02", "1920-03"])
        #expect(try ListDeliveries().run(in: d.workspace).map(\.period.description).last == "1920-01")
        _ = try EnrolRecipient(decree: "decree-1918", recipient: "dmitrov-post", from: try Day(parsing: "1920-03-01")).run(in: d.workspace)
        _ = try ScheduleDeliveries(decree: "decree-1918", from: try Period(parsing: "1920-02"), to: try Period(parsing: "1920-03")).run(
            in: d.workspace)
        #expect(try ListDeliveries().run(in: d.workspace).map(\.period.description).suffix(2) == ["1920-01", "1920-03"])
    }
}
