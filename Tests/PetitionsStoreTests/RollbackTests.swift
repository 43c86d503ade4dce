import Foundation
import GRDB
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

@Suite("Failed commands change nothing")
struct RollbackTests {
    /// Runs `operation`, expects it to fail with a `PetitionsError`, and checks that no table and no event changed.
    @discardableResult
    func expectNothingChanged(
        _ temporary: TemporaryLedger, sourceLocation: SourceLocation = #_sourceLocation,
        _ operation: () throws -> Void
    ) throws -> PetitionsError? {
        let before = try snapshot(temporary.path)
        let eventsBefore = try temporary.ledger.events().count
        let error = #expect(throws: PetitionsError.self, sourceLocation: sourceLocation) { try operation() }
        let after = try snapshot(temporary.path)
        #expect(after.keys.sorted() == before.keys.sorted(), sourceLocation: sourceLocation)
        for table in before.keys.sorted() {
            #expect(after[table]?.count == before[table]?.count, "row count of \(table)", sourceLocation: sourceLocation)
            #expect(after[table] == before[table], "rows of \(table)", sourceLocation: sourceLocation)
        }
        #expect(try temporary.ledger.events().count == eventsBefore, sourceLocation: sourceLocation)
        return error
    }

    /// A scene with a decree, an enrolment and a scheduled delivery for January 1920.
    func sceneWithDelivery(_ ledger: Ledger) throws -> Scene {
        let scene = try Scene(ledger)
        _ = try ledger.addDecree(
            handle: "bread", name: "Bread", issued: day("1919-12-20"), issuer: nil, supplier: "narkomprod",
            rations: ["employee: 8 funt wheat"], every: .month, dueDay: 1, effectiveFrom: nil, effectiveTo: nil)
        _ = try ledger.enrol(decree: "bread", recipient: scene.group.handle, counts: [], from: day("1920-01-01"), to: nil, memberCategory: "employee")
        _ = try ledger.scheduleDeliveries(decree: "bread", recipient: nil, from: period("1920-01"), to: period("1920-01"), on: nil)
        return scene
    }

    @Test("a reply dated before the letter it answers")
    func replyBeforeLetter() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let sent = try scene.ledger.sendLetter(
                from: scene.person.handle, to: "moscow-soviet", on: day("1920-01-20"), subject: "Firewood",
                petition: scene.petition.id, replyWithin: nil, expectsReply: true, channel: .post, summary: nil)
            let error = try expectNothingChanged(temporary) {
                _ = try scene.ledger.receiveLetter(
                    from: "moscow-soviet", to: scene.person.handle, on: day("1920-01-19"), subject: "Granted",
                    inReplyTo: sent.id, petition: nil, channel: .post, summary: nil)
            }
            #expect(error?.message.contains("--on") == true)
            #expect(try scene.ledger.letter(sent.id).answeredBy == nil)
        }
    }

    @Test("a receipt in a unit of the wrong dimension")
    func wrongDimension() throws {
        try withLedger { temporary in
            let scene = try sceneWithDelivery(temporary.ledger)
            let error = try expectNothingChanged(temporary) {
                _ = try scene.ledger.receiveDelivery(
                    decree: "bread", recipient: scene.group.handle, period: period("1920-01"), on: day("1920-01-05"),
                    quantities: ["3 litre wheat"], note: nil)
            }
            #expect(error?.message.contains("'3 litre wheat'") == true)
            #expect(error?.message.contains("volume") == true)
        }
    }

    @Test("a receipt whose second quantity is wrong records not even the first")
    func partlyWrongReceipt() throws {
        try withLedger { temporary in
            let scene = try sceneWithDelivery(temporary.ledger)
            try expectNothingChanged(temporary) {
                _ = try scene.ledger.receiveDelivery(
                    decree: "bread", recipient: scene.group.handle, period: period("1920-01"), on: day("1920-01-05"),
                    quantities: ["100 funt wheat", "5 funt sugar"], note: nil)
            }
        }
    }

    @Test("an authority whose handle is taken")
    func duplicateHandle() throws {
        try withLedger { temporary in
            _ = try Scene(temporary.ledger)
            let error = try expectNothingChanged(temporary) {
                _ = try temporary.ledger.addAuthority(
                    name: "Another Soviet", handle: "moscow-soviet", parent: nil, replyWithin: nil, on: day("1920-01-01"))
            }
            #expect(error?.message.contains("'moscow-soviet'") == true)
        }
    }

    @Test("a petition to an unknown authority suggests the closest")
    func unknownAuthority() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let error = try expectNothingChanged(temporary) {
                _ = try scene.ledger.logPetition(
                    from: scene.person.handle, to: "moscow-sovet", subject: "Firewood", on: day("1920-01-11"), via: nil, category: nil)
            }
            #expect(error?.message.contains("--to") == true)
            #expect(error?.message.contains("'moscow-soviet'") == true)
        }
    }

    @Test("a petition to a party that is not an authority")
    func wrongKind() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let error = try expectNothingChanged(temporary) {
                _ = try scene.ledger.logPetition(
                    from: scene.person.handle, to: scene.group.handle, subject: "Firewood", on: day("1920-01-11"), via: nil, category: nil)
            }
            #expect(error?.message.contains("authority") == true)
        }
    }

    @Test("a forbidden change of status")
    func forbiddenStatus() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            _ = try scene.ledger.changeStatus(petition: scene.petition.id, to: .resolved, on: day("1920-02-01"), note: nil)
            let error = try expectNothingChanged(temporary) {
                _ = try scene.ledger.changeStatus(petition: scene.petition.id, to: .answered, on: day("1920-02-02"), note: nil)
            }
            #expect(error?.message.contains("resolved") == true)
            #expect(try scene.ledger.petition(scene.petition.id).status == .resolved)
        }
    }

    @Test("a dependant the database refuses undoes the petitioner and its event")
    func constraintAfterWrites() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            // The dependant is inserted after the event and the party; the CHECK on its name fails last.
            let error = try expectNothingChanged(temporary) {
                _ = try scene.ledger.addPetitioner(
                    name: "Vera Figner", handle: nil, district: nil, occupation: nil, groups: [scene.group.handle],
                    dependants: [Dependant(name: "   ", category: "child")], on: day("1920-01-01"))
            }
            #expect(error?.message.contains("refused") == true)
            #expect(throws: PetitionsError.self) { try scene.ledger.party("vera-figner") }
        }
    }

    @Test("a head-count the database refuses undoes the group and its event")
    func groupCountRefused() throws {
        try withLedger { temporary in
            _ = try Scene(temporary.ledger)
            try expectNothingChanged(temporary) {
                _ = try temporary.ledger.addGroup(
                    name: "Tver Artel", handle: "tver-artel", district: nil,
                    counts: [HeadCount(category: "employee", count: 0)], on: day("1920-01-01"))
            }
        }
    }

    @Test("the database itself refuses a party of an unknown kind")
    func rawConstraint() throws {
        try withLedger { temporary in
            let authority = try temporary.ledger.addAuthority(
                name: "Moscow Soviet", handle: nil, parent: nil, replyWithin: nil, on: day("1919-12-01"))
            let eventID = try #require(try temporary.ledger.events().first?.id)
            let queue = try openRaw(temporary.path)
            defer { try? queue.close() }
            let insert = "INSERT INTO party(kind, handle, name, office, event_id) VALUES (?, ?, 'Someone', 'test', ?)"
            // The same statement with a valid kind is accepted, so the refusal below is the kind's.
            try queue.write { db in try db.execute(sql: insert, arguments: ["person", "someone", eventID]) }
            let error = try #require(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: insert, arguments: ["robot", "robot", eventID]) }
            }
            #expect(error.resultCode == .SQLITE_CONSTRAINT)
            #expect(error.message?.contains("kind") == true)
            // A handle with capitals, a person with a parent, and a dangling event are refused too.
            #expect(throws: DatabaseError.self) {
                try queue.write { db in try db.execute(sql: insert, arguments: ["person", "Someone-Else", eventID]) }
            }
            #expect(throws: DatabaseError.self) { try queue.write { db in try db.execute(sql: insert, arguments: ["person", "ghost", 9999]) } }
            #expect(throws: DatabaseError.self) {
                try queue.write { db in
                    try db.execute(
                        sql: "INSERT INTO party(kind, handle, name, parent_id, office, event_id) VALUES ('person', 'child', 'C', ?, 'test', ?)",
                        arguments: [authority.id, eventID])
                }
            }
            #expect(try temporary.ledger.parties(kind: .person).map(\.handle) == ["someone"])
        }
    }
}
