import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

@Suite("Merging between offices: another office's own party, our office's settings, a log's bad values, --map")
struct OfficeMergeTests {
    static func day(_ text: String) throws -> Day { try Day(parsing: text) }

    /// A ledger initialised for `office`.
    static func office(_ office: String) throws -> TemporaryLedger {
        let l = try TemporaryLedger(office: office)
        _ = try InitLedger(on: try day("1920-01-05")).run(in: l.workspace)
        return l
    }

    /// The whole event log of `l`, written to a file in its folder.
    static func export(_ l: TemporaryLedger, _ name: String = "log.jsonl") throws -> String {
        let path = l.directory.appendingPathComponent(name).path
        try ExportRecords(what: .events, output: path).run(in: l.workspace)
        return path
    }

    @Test("the letters another office sent and received as itself merge: its own party is made here from its log, and the ledgers converge")
    func otherOfficeOwnLetters() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        _ = try AddAuthority(name: "Moscow postal-telegraph supply centre", handle: "moscow-supply").run(in: a.workspace)
        let appeal = try SendLetter(from: "dmitrov", to: "moscow-supply", on: try Self.day("1920-01-20"), subject: "Appeal").run(in: a.workspace)
        let answer = try ReceiveLetter(
            from: "moscow-supply", to: "dmitrov", on: try Self.day("1920-02-02"), subject: "Answer", inReplyTo: appeal.id
        ).run(in: a.workspace)
        _ = try AttachBytes(letter: answer.id, name: "answer.txt", bytes: Data("We answer.".utf8), on: try Self.day("1920-02-03"))
            .run(in: a.workspace)

        let b = try Self.office("klin")
        defer { b.remove() }
        let merged = try MergeEvents(path: try Self.export(a)).run(in: b.workspace)
        #expect(merged.notApplied == [])
        #expect(merged.added == merged.events)
        let office = try ShowParty(party: "dmitrov").run(in: b.workspace)
        #expect(office.kind == .office && office.name == "dmitrov" && office.office == "dmitrov")
        #expect(try OfficeName().run(in: b.workspace) == "klin", "this ledger's own office stays its own")
        #expect(office.id < 0, "below this office's own 0, so that no other party's id moves")
        #expect(try ShowParty(party: "moscow-supply").run(in: b.workspace).id == (try ShowParty(party: "moscow-supply").run(in: a.workspace).id))
        let letters = try ListLetters().run(in: b.workspace)
        #expect(letters.map { "\($0.from)→\($0.to): \($0.subject)" } == ["dmitrov→moscow-supply: Appeal", "moscow-supply→dmitrov: Answer"])
        #expect(letters.last?.inReplyTo == letters.first?.id)
        #expect(try ListAttachments().run(in: b.workspace).map(\.name) == ["answer.txt"])
        #expect(try VerifyLedger().run(in: b.workspace).problems == [])

        // And back: each ledger then holds the other office's party and the same letters.
        _ = try MergeEvents(path: try Self.export(b)).run(in: a.workspace)
        #expect(try ShowParty(party: "klin").run(in: a.workspace).kind == .office)
        #expect(try ListLetters().run(in: a.workspace).map(\.subject) == letters.map(\.subject))
        #expect(try VerifyLedger().run(in: a.workspace).problems == [])
    }
}
