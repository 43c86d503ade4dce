import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

/// The Dmitrov ledger of March 1920, recorded through the use cases as a front end would.
struct Dmitrov {
    let ledger: TemporaryLedger
    var workspace: Workspace { ledger.workspace }
    let appeal: Letter

    init() throws {
        ledger = try TemporaryLedger()
        let ws = ledger.workspace
        _ = try AddAuthority(name: "People's Commissariat of Posts and Telegraphs", handle: "narkompochtel").run(in: ws)
        _ = try AddAuthority(
            name: "Moscow postal-telegraph supply centre", handle: "moscow-supply", parent: "narkompochtel",
            replyWithin: Span(20, .workingDays)
        ).run(in: ws)
        _ = try AddGroup(
            name: "Postal-telegraph employees of the Dmitrov district", handle: "dmitrov-post",
            counts: [HeadCount(category: "employee", count: 125), HeadCount(category: "incapacitated", count: 140)]
        ).run(in: ws)
        _ = try AddDecree(
            handle: "decree-1918", name: "Decree of 15 August 1918", issued: try Day(parsing: "1918-08-15"),
            supplier: "moscow-supply", rations: ["employee: 8 funt wheat", "incapacitated: 5 funt wheat"]
        ).run(in: ws)
        _ = try EnrolRecipient(decree: "decree-1918", recipient: "dmitrov-post", from: try Day(parsing: "1919-09-01")).run(in: ws)
        _ = try ScheduleDeliveries(decree: "decree-1918", from: try Period(parsing: "1919-09"), to: try Period(parsing: "1920-03")).run(in: ws)
        for month in ["1919-09", "1919-10", "1919-11", "1919-12"] {
            _ = try RecordReceipt(
                decree: "decree-1918", recipient: "dmitrov-post", period: try Period(parsing: month),
                on: try Day(parsing: month + "-06"), quantities: ["1700 funt wheat"]
            ).run(in: ws)
        }
        let petition = try LogPetition(
            from: "dmitrov-post", to: "moscow-supply", subject: "January provisions not delivered",
            on: try Day(parsing: "1920-01-20"), category: "supply"
        ).run(in: ws)
        appeal = try SendLetter(
            from: "dmitrov-post", to: "moscow-supply", on: try Day(parsing: "1920-01-20"), subject: "Appeal",
            petition: petition.id
        ).run(in: ws)
    }
}

@Suite("Use cases") struct UseCaseTests {
    static let march4 = TemporaryLedger.today

    @Test("a letter sent gets its reply due day under the rules in force when it is recorded")
    func sentLetterGetsItsDueDay() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        // 20 working days (Saturdays and Sundays off) from Tuesday 20 January 1920.
        #expect(d.appeal.replyDue == (try Day(parsing: "1920-02-17")))
        #expect(try ShowLetter(letter: d.appeal.id).run(in: d.workspace).replyDue == d.appeal.replyDue)
    }

    @Test("overdue as of 4 March 1920 lists January and February, critical; March is still in its grace")
    func overdueListsTheMissedMonths() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let late = try ListOverdue(asOf: Self.march4).run(in: d.workspace)
        #expect(late.map(\.period.description) == ["1920-01", "1920-02"])
        #expect(late.allSatisfy { $0.recipient == "dmitrov-post" })
        #expect(late.last?.severity == .critical, "two consecutive months missed")
        #expect(late.first?.shortfall.map(\.text) == ["1,700 funt wheat"])
    }

    @Test("the appeal waits past its due day, and a reply answers it")
    func unansweredUntilAReplyComes() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let waiting = try ListUnanswered(asOf: Self.march4, overdueOnly: true).run(in: d.workspace)
        #expect(waiting.map(\.letter) == [d.appeal.id])
        _ = try ReceiveLetter(
            from: "moscow-supply", to: "dmitrov-post", on: try Day(parsing: "1920-03-10"), subject: "Provisions dispatched",
            inReplyTo: d.appeal.id
        ).run(in: d.workspace)
        #expect(try ListUnanswered(asOf: try Day(parsing: "1920-03-11")).run(in: d.workspace).isEmpty)
        // As of 4 March the reply had not come: judgments are as of the day.
        #expect(try ListUnanswered(asOf: Self.march4).run(in: d.workspace).map(\.letter) == [d.appeal.id])
    }

    @Test("a recorded check writes what appeared once, and nothing the second time")
    func recordedCheckIsIdempotent() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let first = try RunCheck(asOf: Self.march4, record: true).run(in: d.workspace)
        #expect(Set(first.findings.map(\.kind.rawValue)).isSuperset(of: ["overdue_delivery", "unanswered_letter", "arrears"]))
        #expect(first.recorded?.raised == first.findings.count)
        let again = try RunCheck(asOf: Self.march4, record: true).run(in: d.workspace)
        #expect(again.recorded?.raised == 0)
        #expect(again.recorded?.cleared == 0)
        #expect(try ListEvents(kind: "finding.raised").run(in: d.workspace).count == first.findings.count)
    }

    @Test("storing a calendar in the ledger moves the stored due days it changes")
    func storedCalendarMovesDueDays() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let file = d.ledger.directory.appendingPathComponent("calendar.toml").path
        try "weekend = [\"saturday\", \"sunday\"]\n\n[[holiday]]\ndate = \"1920-02-10\"\nname = \"A day off\"\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let context = try StoreRules(.calendar, file: file, on: try Day(parsing: "1920-01-21")).run(in: d.workspace)
        #expect(context.calendarSource == file)
        #expect(try ShowLetter(letter: d.appeal.id).run(in: d.workspace).replyDue == (try Day(parsing: "1920-02-18")))
        #expect(try ShowRules().run(in: d.workspace).calendarSource == "ledger")
    }

    @Test("a use case that fails names the field and the value, and records nothing")
    func failureRecordsNothing() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let before = try ListEvents().run(in: d.workspace).count
        #expect {
            _ = try LogPetition(from: "dmitrov-post", to: "moscow-suply", subject: "x", on: Self.march4).run(in: d.workspace)
        } throws: { error in
            let message = (error as? PetitionsError)?.message ?? ""
            return message.contains("--to") && message.contains("moscow-suply") && message.contains("moscow-supply")
        }
        #expect(try ListEvents().run(in: d.workspace).count == before)
        #expect(try ListPetitions().run(in: d.workspace).count == 1)
    }

    @Test("a petition's dossier holds its letters and events; a decree's, its enrolments")
    func dossiers() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let petition = try ShowPetition(petition: 1).run(in: d.workspace)
        #expect(petition.letters.map(\.id) == [d.appeal.id])
        #expect(petition.events.map(\.kind) == ["petition.logged", "letter.sent"])
        let decree = try ShowDecree(decree: "decree-1918").run(in: d.workspace)
        #expect(decree.enrolments.map(\.recipient) == ["dmitrov-post"])
    }
}
