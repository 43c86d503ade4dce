import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

/// The dashboard's tables (`FirstOverdue`, `FirstUnanswered`): the first rows and the count of a listing without
/// working out the rest, against the whole listing they stand for.
@Suite("Listing heads") struct ListingHeadTests {
    static let days = ["1919-07-10", "1919-11-20", "1920-01-05", "1920-03-04", "1920-06-01"]

    @Test("the first overdue deliveries and their count are those of the whole listing, streamed or not, for every day")
    func overdueHead() throws {
        let temporary = try OverdueStreamTests.ledger()
        defer { temporary.remove() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("listing-head-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The defaults (one unscoped rule: counted in SQL, the first rows streamed) and a second rule (the whole set).
        let wholePath = directory.appendingPathComponent("whole.toml").path
        try Data(OverdueStreamTests.wholeSet("").utf8).write(to: URL(fileURLWithPath: wholePath))
        var compared = 0
        for sources in [RuleSources(), RuleSources(rules: wholePath)] {
            for asOf in Self.days {
                let day = try Day(parsing: asOf)
                let whole = try ListOverdue(asOf: day, sources: sources).run(in: temporary.workspace)
                for limit in [0, 1, 5, 25] {
                    let head = try FirstOverdue(asOf: day, limit: limit, sources: sources).run(in: temporary.workspace)
                    #expect(head.total == whole.count, "as of \(asOf), limit \(limit)")
                    #expect(head.rows == Array(whole.prefix(limit)), "as of \(asOf), limit \(limit)")
                    for row in head.rows { #expect(head.names[row.recipient] == row.recipient, "the groups are named by their handles") }
                }
                compared += whole.count
            }
        }
        #expect(compared > 100, "the ledger has late deliveries to compare")
    }

    @Test("the first waiting letters and their count are those of the whole listing: replies after the day, voided, not yet due")
    func unansweredHead() throws {
        let temporary = try TemporaryLedger()
        defer { temporary.remove() }
        let ws = temporary.workspace
        _ = try AddAuthority(name: "Council", handle: "council", replyWithin: Span(20, .days)).run(in: ws)
        _ = try AddGroup(name: "Dmitrov post", handle: "dmitrov-post", counts: [HeadCount(category: "employee", count: 10)]).run(in: ws)
        var random = SeededRandom(state: 7)
        let start = try Day(parsing: "1919-06-01")
        for n in 0..<60 {
            // Several letters a day, so that the order by id within a day counts.
            let sent = start.adding(days: n / 3 * 5)
            let letter = try SendLetter(from: "dmitrov-post", to: "council", on: sent, subject: "Letter \(n)").run(in: ws)
            switch random.below(4) {
            case 0:
                _ = try ReceiveLetter(from: "council", to: "dmitrov-post", on: sent.adding(days: 40), subject: "Reply \(n)", inReplyTo: letter.id)
                    .run(in: ws)
            case 1: _ = try VoidLetter(letter: letter.id, reason: "sent twice", on: sent).run(in: ws)
            default: break
            }
        }
        var compared = 0
        for asOf in ["1919-05-01", "1919-07-01", "1919-08-15", "1919-10-01", "1920-03-04"] {
            let day = try Day(parsing: asOf)
            let whole = try ListUnanswered(asOf: day).run(in: ws)
            for limit in [0, 1, 7, 25] {
                let head = try FirstUnanswered(asOf: day, limit: limit).run(in: ws)
                #expect(head.total == whole.count, "as of \(asOf), limit \(limit)")
                #expect(head.rows == Array(whole.prefix(limit)), "as of \(asOf), limit \(limit)")
            }
            compared += whole.count
        }
        #expect(compared > 50, "letters wait on some of the days")
    }
}
