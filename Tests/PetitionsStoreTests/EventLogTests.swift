import Foundation
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// Runs `operation` and returns the events it added to the log.
func newEvents<T>(_ ledger: Ledger, _ operation: () throws -> T) throws -> (T, [Event]) {
    let before = Set(try ledger.events().map(\.id))
    let result = try operation()
    return (result, try ledger.events().filter { !before.contains($0.id) })
}

/// Checks that exactly one event of `kind` was added, by the test actor for the test office, on `day`; returns it.
@discardableResult
func expectOneEvent(_ events: [Event], kind: String, day: Day, sourceLocation: SourceLocation = #_sourceLocation) -> Event? {
    #expect(events.count == 1, "expected one \(kind) event, got \(events.map(\.kind))", sourceLocation: sourceLocation)
    guard let event = events.first else { return nil }
    #expect(event.kind == kind, sourceLocation: sourceLocation)
    #expect(event.actor == "tester", sourceLocation: sourceLocation)
    #expect(event.office == "test", sourceLocation: sourceLocation)
    #expect(event.day == day, sourceLocation: sourceLocation)
    #expect(event.uuid.count == 36, sourceLocation: sourceLocation)
    return event
}

@Suite("Event log")
struct EventLogTests {
    @Test("every change to the ledger appends exactly one event")
    func everyChangeIsAnEvent() throws {
        try withLedger { temporary in
            let ledger = temporary.ledger
            // A new ledger holds its office's initialisation, as `init` makes it, and nothing else.
            #expect(try ledger.events().map(\.kind) == ["ledger.initialized"])

            let (authority, e1) = try newEvents(ledger) {
                try ledger.addAuthority(name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: Span(20, .workingDays), on: day("1919-12-01"))
            }
            let authorityEvent = expectOneEvent(e1, kind: "authority.added", day: try day("1919-12-01"))
            #expect(authorityEvent?.subjects == [Subject("party", authority.id)])
            #expect(authority.handle == "moscow-soviet")

            let (supplier, e1b) = try newEvents(ledger) {
                try ledger.addAuthority(
                    name: "Moscow Food Committee", handle: "mosprod", parent: "moscow-soviet", replyWithin: nil, on: day("1919-12-01"))
            }
            expectOneEvent(e1b, kind: "authority.added", day: try day("1919-12-01"))
            #expect(supplier.chain == ["moscow-soviet"])

            let (group, e2) = try newEvents(ledger) {
                try ledger.addGroup(
                    name: "Dmitrov Cooperative", handle: "dmitrov-coop", district: "Dmitrov",
                    counts: [HeadCount(category: "employee", count: 125)], on: day("1919-12-02"))
            }
            expectOneEvent(e2, kind: "group.added", day: try day("1919-12-02"))
            #expect(group.counts == [HeadCount(category: "employee", count: 125)])

            let (person, e3) = try newEvents(ledger) {
                try ledger.addPetitioner(
                    name: "Pëtr Kropotkin", handle: nil, district: "Dmitrov", occupation: "writer", groups: ["dmitrov-coop"],
                    dependants: [Dependant(name: "Sofia", category: "incapacitated")], on: day("1919-12-03"))
            }
            let personEvent = expectOneEvent(e3, kind: "petitioner.added", day: try day("1919-12-03"))
            #expect(Set(personEvent?.subjects ?? []) == [Subject("party", person.id), Subject("party", group.id)])
            #expect(person.handle == "petr-kropotkin")
            #expect(person.groups == ["dmitrov-coop"])
            #expect(person.dependants == [Dependant(name: "Sofia", category: "incapacitated")])

            let (petition, e4) = try newEvents(ledger) {
                try ledger.logPetition(
                    from: "petr-kropotkin", to: "moscow-soviet", subject: "Firewood for the museum", on: day("1920-01-10"), via: nil, category: "Fuel"
                )
            }
            let petitionEvent = expectOneEvent(e4, kind: "petition.logged", day: try day("1920-01-10"))
            #expect(petitionEvent?.subjects.contains(Subject("petition", petition.id)) == true)
            #expect(petition.status == .open)
            #expect(petition.category == "fuel")

            let (changed, e5) = try newEvents(ledger) {
                try ledger.changeStatus(petition: petition.id, to: .waitingOnPetitioner, on: day("1920-01-12"), note: "needs a certificate")
            }
            expectOneEvent(e5, kind: "petition.status_changed", day: try day("1920-01-12"))
            #expect(changed.status == .waitingOnPetitioner)

            let (sent, e6) = try newEvents(ledger) {
                try ledger.sendLetter(
                    from: "petr-kropotkin", to: "moscow-soviet", on: day("1920-01-15"), subject: "Certificate enclosed",
                    petition: petition.id, replyWithin: Span(2, .weeks), expectsReply: true, channel: .post, summary: nil)
            }
            expectOneEvent(e6, kind: "letter.sent", day: try day("1920-01-15"))

            let (reply, e7) = try newEvents(ledger) {
                try ledger.receiveLetter(
                    from: "moscow-soviet", to: "petr-kropotkin", on: day("1920-02-01"), subject: "Firewood granted",
                    inReplyTo: sent.id, petition: nil, channel: .courier, summary: nil)
            }
            let replyEvent = expectOneEvent(e7, kind: "letter.received", day: try day("1920-02-01"))
            #expect(replyEvent?.subjects.contains(Subject("letter", reply.id)) == true)
            #expect(reply.petition == petition.id)  // taken from the letter it answers

            let (_, e8) = try newEvents(ledger) { try ledger.voidLetter(reply.id, reason: "entered twice", on: day("1920-02-02")) }
            expectOneEvent(e8, kind: "letter.voided", day: try day("1920-02-02"))

            let (decree, e9) = try newEvents(ledger) {
                try ledger.addDecree(
                    handle: "bread-1920", name: "Bread ration 1920", issued: day("1919-12-20"), issuer: "moscow-soviet", supplier: "mosprod",
                    rations: ["employee: 8 funt wheat"], every: .month, dueDay: 5, effectiveFrom: nil, effectiveTo: nil)
            }
            let decreeEvent = expectOneEvent(e9, kind: "decree.added", day: try day("1919-12-20"))
            #expect(decreeEvent?.subjects.contains(Subject("decree", decree.id)) == true)

            let (enrolment, e10) = try newEvents(ledger) {
                try ledger.enrol(
                    decree: "bread-1920", recipient: "dmitrov-coop", counts: [], from: day("1920-01-01"), to: nil, memberCategory: "employee")
            }
            expectOneEvent(e10, kind: "enrolment.added", day: try day("1920-01-01"))
            // The group's own count plus its one member; the member's dependant has no ration in this decree, so is not enrolled.
            #expect(enrolment.counts == [HeadCount(category: "employee", count: 126)])

            let (schedule, e11) = try newEvents(ledger) {
                try ledger.scheduleDeliveries(
                    decree: "bread-1920", recipient: nil, from: period("1920-01"), to: period("1920-02"), on: day("1920-01-02"))
            }
            expectOneEvent(e11, kind: "delivery.scheduled", day: try day("1920-01-02"))
            #expect(schedule.scheduled.count == 2)

            let (_, e12) = try newEvents(ledger) {
                try ledger.receiveDelivery(
                    decree: "bread-1920", recipient: "dmitrov-coop", period: period("1920-01"), on: day("1920-01-07"),
                    quantities: ["1000 funt wheat"], note: nil)
            }
            expectOneEvent(e12, kind: "delivery.received", day: try day("1920-01-07"))

            let (cancelled, e13) = try newEvents(ledger) {
                try ledger.cancelDelivery(
                    decree: "bread-1920", recipient: "dmitrov-coop", period: period("1920-02"), on: day("1920-02-10"), reason: "scheduled in error")
            }
            expectOneEvent(e13, kind: "delivery.cancelled", day: try day("1920-02-10"))
            #expect(cancelled.status == .cancelled)

            #expect(try ledger.events().count == 15)
        }
    }

    @Test("a new ledger is initialised as it is made, once: its office recorded as a setting, a party and an event")
    func initialize() throws {
        try withLedger { temporary in
            let ledger = temporary.ledger
            let made = try ledger.events()
            #expect(made.count == 1)
            expectOneEvent(made, kind: "ledger.initialized", day: TemporaryLedger.today)
            #expect(try ledger.setting("office") == "test")
            #expect(try ledger.officeParty()?.handle == "test")
            let (second, e2) = try newEvents(ledger) { try ledger.initialize(on: day("1920-01-02")) }
            #expect(!second)
            #expect(e2.isEmpty)
        }
    }

    @Test("the event log refuses edits and deletions")
    func appendOnly() throws {
        try withLedger { temporary in
            _ = try temporary.ledger.addAuthority(name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: nil, on: day("1919-12-01"))
            let queue = try openRaw(temporary.path)
            defer { try? queue.close() }
            let update = try #require(throws: (any Error).self) {
                try queue.write { db in try db.execute(sql: "UPDATE event SET actor = 'someone else'") }
            }
            #expect("\(update)".contains("append-only"))
            #expect(throws: (any Error).self) { try queue.write { db in try db.execute(sql: "DELETE FROM event") } }
            #expect(try temporary.ledger.events().map(\.actor) == ["tester", "tester"])
        }
    }

    @Test("events can be filtered by party, petition and kind")
    func filters() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let ledger = scene.ledger
            #expect(try ledger.events(party: "narkomprod").map(\.kind) == ["authority.added"])
            #expect(try ledger.events(petition: scene.petition.id).map(\.kind) == ["petition.logged"])
            #expect(try ledger.events(kind: "authority").count == 2)
            // The ledger was initialised on the tests' today, 4 March 1920.
            #expect(try ledger.events(since: day("1920-01-01")).map(\.kind).sorted() == ["ledger.initialized", "petition.logged"])
            #expect(try ledger.events(party: "moscow-soviet").map(\.kind) == ["authority.added", "petition.logged"])
        }
    }
}
