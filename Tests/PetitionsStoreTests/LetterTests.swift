import Foundation
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

@Suite("Letters")
struct LetterTests {
    func send(_ scene: Scene, to: String = "moscow-soviet", on d: String, petition: Int64?) throws -> Letter {
        try scene.ledger.sendLetter(
            from: scene.person.handle, to: to, on: day(d), subject: "Firewood", petition: petition,
            replyWithin: Span(20, .workingDays), expectsReply: true, channel: .post, summary: nil)
    }

    func receive(_ scene: Scene, from: String = "moscow-soviet", on d: String, inReplyTo: Int64?, petition: Int64?) throws -> Letter {
        try scene.ledger.receiveLetter(
            from: from, to: scene.person.handle, on: day(d), subject: "About the firewood", inReplyTo: inReplyTo,
            petition: petition, channel: .post, summary: nil)
    }

    func waiting(_ scene: Scene) throws -> [Int64] {
        try scene.ledger.letters(waiting: true).map(\.id)
    }

    @Test("a reply marks the letter it answers as answered")
    func reply() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let sent = try send(scene, on: "1920-01-15", petition: scene.petition.id)
            #expect(try waiting(scene) == [sent.id])
            let reply = try receive(scene, on: "1920-02-01", inReplyTo: sent.id, petition: nil)
            #expect(try scene.ledger.letter(sent.id).answeredBy == reply.id)
            #expect(try waiting(scene).isEmpty)
            #expect(reply.direction == .received)
            #expect(!reply.expectsReply)
        }
    }

    @Test("a later letter from the addressee on the same petition answers what was sent to it before")
    func laterLetterOnPetition() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let ledger = scene.ledger
            _ = try ledger.addAuthority(name: "Dmitrov Soviet", handle: "dmitrov-soviet", parent: nil, replyWithin: nil, on: day("1919-12-01"))
            let first = try send(scene, on: "1920-01-15", petition: scene.petition.id)
            let second = try send(scene, on: "1920-01-25", petition: scene.petition.id)
            let elsewhere = try send(scene, to: "dmitrov-soviet", on: "1920-01-20", petition: scene.petition.id)
            let otherPetition = try send(scene, on: "1920-01-20", petition: nil)
            let afterwards = try send(scene, on: "1920-02-10", petition: scene.petition.id)

            let answer = try receive(scene, on: "1920-02-01", inReplyTo: nil, petition: scene.petition.id)
            #expect(try ledger.letter(first.id).answeredBy == answer.id)
            #expect(try ledger.letter(second.id).answeredBy == answer.id)
            // Not sent to the authority that wrote, not on the petition, or sent after the answer: still waiting.
            #expect(try ledger.letter(elsewhere.id).answeredBy == nil)
            #expect(try ledger.letter(otherPetition.id).answeredBy == nil)
            #expect(try ledger.letter(afterwards.id).answeredBy == nil)
            #expect(Set(try waiting(scene)) == [elsewhere.id, otherPetition.id, afterwards.id])
        }
    }

    @Test("voiding the reply makes the original wait again")
    func voidingReply() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let sent = try send(scene, on: "1920-01-15", petition: scene.petition.id)
            let reply = try receive(scene, on: "1920-02-01", inReplyTo: sent.id, petition: nil)
            let voided = try scene.ledger.voidLetter(reply.id, reason: "belongs to another petitioner", on: day("1920-02-03"))
            #expect(voided.voided)
            #expect(try scene.ledger.letter(sent.id).answeredBy == nil)
            #expect(try waiting(scene) == [sent.id])
            // A voided letter cannot be voided again nor answered.
            #expect(throws: PetitionsError.self) { try scene.ledger.voidLetter(reply.id, reason: "again", on: day("1920-02-04")) }
            _ = try scene.ledger.voidLetter(sent.id, reason: "never posted", on: day("1920-02-04"))
            #expect(try waiting(scene).isEmpty)
            #expect(throws: PetitionsError.self) { try receive(scene, on: "1920-02-05", inReplyTo: sent.id, petition: nil) }
        }
    }

    @Test("a letter that expects no reply never waits")
    func noReplyExpected() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let note = try scene.ledger.sendLetter(
                from: scene.person.handle, to: "moscow-soviet", on: day("1920-01-15"), subject: "Thanks",
                petition: nil, replyWithin: Span(1, .weeks), expectsReply: false, channel: .inPerson, summary: "  ")
            #expect(try waiting(scene).isEmpty)
            #expect(note.replyWithin == nil)
            #expect(note.summary == nil)
            #expect(note.channel == .inPerson)
        }
    }

    @Test("a reply can only answer a letter that was sent")
    func replyToReceived() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let incoming = try receive(scene, on: "1920-01-20", inReplyTo: nil, petition: nil)
            let error = try #require(throws: PetitionsError.self) { try receive(scene, on: "1920-01-21", inReplyTo: incoming.id, petition: nil) }
            #expect(error.message.contains("--in-reply-to"))
        }
    }

    @Test("a letter on a petition cannot be dated before the petition was opened")
    func beforePetition() throws {
        try withLedger { temporary in
            let scene = try Scene(temporary.ledger)
            let error = try #require(throws: PetitionsError.self) { try send(scene, on: "1920-01-09", petition: scene.petition.id) }
            #expect(error.message.contains("1920-01-09"))
            #expect(try scene.ledger.letters().isEmpty)
        }
    }
}
