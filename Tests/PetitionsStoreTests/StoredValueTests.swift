import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

@Suite("Stored values") struct StoredValueTests {
    @Test("a stored day that is not a day is an error naming the column and the value, never 1000-01-01")
    func damagedDayIsAnError() throws {
        try withLedger { t in
            _ = try t.ledger.addAuthority(name: "Moscow supply", handle: "moscow-supply", parent: nil, replyWithin: nil, on: nil)
            _ = try t.ledger.addGroup(name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [], on: nil)
            _ = try t.ledger.logPetition(
                from: "dmitrov-post", to: "moscow-supply", subject: "Provisions", on: try day("1920-01-20"), via: nil, category: nil)
            let raw = try openRaw(t.path)
            // Passes the schema's pattern, but there is no 13th month.
            try raw.write { try $0.execute(sql: "UPDATE petition SET opened = '1920-13-45'") }
            try raw.close()
            #expect(throws: PetitionsError("The ledger is damaged: its opened '1920-13-45' is not a day (it was changed outside petitions).")) {
                _ = try ListPetitions().run(in: t.workspace)
            }
        }
    }

    @Test("a stored reply window that is not a span is an error, not a letter without one")
    func damagedSpanIsAnError() throws {
        try withLedger { t in
            _ = try t.ledger.addAuthority(name: "Moscow supply", handle: "moscow-supply", parent: nil, replyWithin: nil, on: nil)
            _ = try t.ledger.addGroup(name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [], on: nil)
            _ = try t.ledger.sendLetter(
                from: "dmitrov-post", to: "moscow-supply", on: try day("1920-01-20"), subject: "Appeal", petition: nil,
                replyWithin: Span(2, .weeks), expectsReply: true, channel: .post, summary: nil)
            let raw = try openRaw(t.path)
            try raw.write { try $0.execute(sql: "PRAGMA ignore_check_constraints = ON; UPDATE letter SET reply_within = '2 fortnights'") }
            try raw.close()
            #expect(
                throws: PetitionsError("The ledger is damaged: its reply_within '2 fortnights' is not a span (it was changed outside petitions).")
            ) {
                _ = try ListLetters().run(in: t.workspace)
            }
        }
    }

    @Test("a reminder of a letter whose stored day is damaged says so, not that the letter does not exist")
    func damagedLetterIsNotMissing() throws {
        try withLedger { t in
            _ = try t.ledger.addAuthority(name: "Moscow supply", handle: "moscow-supply", parent: nil, replyWithin: nil, on: nil)
            _ = try t.ledger.addGroup(name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [], on: nil)
            let sent = try t.ledger.sendLetter(
                from: "dmitrov-post", to: "moscow-supply", on: try day("1920-01-20"), subject: "Appeal", petition: nil,
                replyWithin: nil, expectsReply: true, channel: .post, summary: nil)
            let raw = try openRaw(t.path)
            try raw.write { try $0.execute(sql: "UPDATE letter SET day = '1920-02-30'") }
            try raw.close()
            #expect(throws: PetitionsError("The ledger is damaged: its day '1920-02-30' is not a day (it was changed outside petitions).")) {
                _ = try WriteDraft(.reminder(letter: sent.id), asOf: try day("1920-03-04")).run(in: t.workspace)
            }
        }
    }

    @Test("a case note whose stored day is not a day is an error naming the column and the value, as every stored day is")
    func damagedNoteDayIsAnError() throws {
        try withLedger { t in
            _ = try t.ledger.addAuthority(name: "Moscow supply", handle: "moscow-supply", parent: nil, replyWithin: nil, on: nil)
            _ = try t.ledger.addGroup(name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [], on: nil)
            let petition = try t.ledger.logPetition(
                from: "dmitrov-post", to: "moscow-supply", subject: "Provisions", on: try day("1920-01-20"), via: nil, category: nil)
            _ = try NotePetition(petition: petition.id, text: "Called at the office", on: try day("1920-01-22")).run(in: t.workspace)
            let raw = try openRaw(t.path)
            try raw.write { try $0.execute(sql: "UPDATE petition_note SET day = '1920-02-30'") }
            try raw.close()
            #expect(throws: PetitionsError("The ledger is damaged: its day '1920-02-30' is not a day (it was changed outside petitions).")) {
                _ = try ShowPetition(petition: petition.id).run(in: t.workspace)
            }
        }
    }

    @Test("a letter whose stored channel is not one petitions knows is an error naming it, not a crash")
    func damagedChannelIsAnError() throws {
        try withLedger { t in
            _ = try t.ledger.addAuthority(name: "Moscow supply", handle: "moscow-supply", parent: nil, replyWithin: nil, on: nil)
            _ = try t.ledger.addGroup(name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [], on: nil)
            _ = try t.ledger.sendLetter(
                from: "dmitrov-post", to: "moscow-supply", on: try day("1920-01-20"), subject: "Appeal", petition: nil,
                replyWithin: nil, expectsReply: true, channel: .post, summary: nil)
            let raw = try openRaw(t.path)
            try raw.write { try $0.execute(sql: "PRAGMA ignore_check_constraints = ON; UPDATE letter SET channel = 'pigeon'") }
            try raw.close()
            #expect(
                throws: PetitionsError("The ledger is damaged: its channel 'pigeon' is not a known channel (it was changed outside petitions).")
            ) {
                _ = try ListLetters().run(in: t.workspace)
            }
        }
    }

    @Test("a petition whose stored status day is damaged refuses a change of status, recording nothing")
    func damagedStatusDayRefusesAChange() throws {
        try withLedger { t in
            _ = try t.ledger.addAuthority(name: "Moscow supply", handle: "moscow-supply", parent: nil, replyWithin: nil, on: nil)
            _ = try t.ledger.addGroup(name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [], on: nil)
            let petition = try t.ledger.logPetition(
                from: "dmitrov-post", to: "moscow-supply", subject: "Provisions", on: try day("1920-01-20"), via: nil, category: nil)
            let raw = try openRaw(t.path)
            try raw.write { try $0.execute(sql: "UPDATE petition SET status_since = '1920-04-31'") }
            try raw.close()
            let before = try snapshot(t.path)
            #expect(
                throws: PetitionsError("The ledger is damaged: its status_since '1920-04-31' is not a day (it was changed outside petitions).")
            ) {
                _ = try t.ledger.changeStatus(petition: petition.id, to: .answered, on: try day("1920-02-01"), note: nil)
            }
            #expect(try snapshot(t.path) == before)
        }
    }
}
