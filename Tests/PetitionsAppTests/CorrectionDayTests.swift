import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

/// Defects found by trying the product as a new caseworker and as an attacker (seventeenth session).
@Suite("The days of corrections") struct CorrectionDayTests {
    @Test("an attachment's removal dated after today, or before the attachment was added, is refused and records nothing")
    func attachmentRemovalDays() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let ws = d.workspace
        let added = try AttachBytes(letter: d.appeal.id, name: "reply.pdf", bytes: Data("%PDF-1.4 reply".utf8), on: try Day(parsing: "1920-02-01"))
            .run(in: ws)
        let before = try ListEvents().run(in: ws).count
        for (day, words) in [("1920-03-05", "is after today (1920-03-04)"), ("1920-01-31", "before attachment \(added.id) was added")] {
            let refusal = #expect(throws: PetitionsError.self) {
                _ = try RemoveAttachment(id: added.id, reason: "Attached to the wrong letter", on: try Day(parsing: day)).run(in: ws)
            }
            #expect(refusal?.field == "--on")
            #expect(refusal?.message.contains("'\(day)'") == true, "\(String(describing: refusal?.message))")
            #expect(refusal?.message.contains(words) == true, "\(String(describing: refusal?.message))")
        }
        #expect(try ListEvents().run(in: ws).count == before)
        #expect(try ListAttachments(letter: d.appeal.id).run(in: ws).map(\.id) == [added.id], "still attached")
        // On the day it was added, and today, a removal is recorded.
        _ = try RemoveAttachment(id: added.id, reason: "Attached to the wrong letter", on: try Day(parsing: "1920-02-01")).run(in: ws)
        #expect(try ListAttachments(letter: d.appeal.id).run(in: ws).isEmpty)
    }
}

extension CorrectionDayTests {
    @Test("a letter's void dated before the letter is refused and records nothing; on its day it is voided")
    func letterVoidBeforeTheLetter() throws {
        let d = try Dmitrov()
        defer { d.ledger.remove() }
        let ws = d.workspace
        let before = try ListEvents().run(in: ws).count
        let refusal = #expect(throws: PetitionsError.self) {
            _ = try VoidLetter(letter: d.appeal.id, reason: "Typed twice", on: try Day(parsing: "1900-01-01")).run(in: ws)
        }
        #expect(refusal?.field == "--on")
        #expect(
            refusal?.message.contains("'1900-01-01' is before letter \(d.appeal.id)'s day (1920-01-20)") == true, "\(String(describing: refusal))")
        #expect(try ListEvents().run(in: ws).count == before)
        #expect(try ShowLetter(letter: d.appeal.id).run(in: ws).voided == false)
        _ = try VoidLetter(letter: d.appeal.id, reason: "Typed twice", on: try Day(parsing: "1920-01-20")).run(in: ws)
        #expect(try ShowLetter(letter: d.appeal.id).run(in: ws).voided == true)
    }
}
