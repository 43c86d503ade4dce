import Foundation
import GRDB
import PetitionsApp
import PetitionsDomain
import PetitionsStore
import PetitionsTestSupport
import Testing

/// Pages of the letters, deliveries and events read in SQL: a page reads its own rows and the count, never the
/// rows of the other pages. A row damaged outside petitions (which refuses whatever reads it) past the page shows it:
/// the page is answered, the whole listing and the page that holds the row are refused.
@Suite("Pages read in SQL") struct PageTests {
    /// An authority, a group enrolled in a decree with six monthly deliveries, and five letters a day apart.
    static func scene(_ t: TemporaryLedger) throws {
        let ws = t.workspace
        _ = try AddAuthority(name: "Moscow supply", handle: "moscow-supply").run(in: ws)
        _ = try AddGroup(name: "Dmitrov post", handle: "dmitrov-post", counts: [HeadCount(category: "employee", count: 10)]).run(in: ws)
        _ = try AddDecree(
            handle: "decree-1918", name: "Decree", issued: try day("1918-08-15"), supplier: "moscow-supply", rations: ["employee: 8 funt wheat"]
        )
        .run(in: ws)
        _ = try EnrolRecipient(decree: "decree-1918", recipient: "dmitrov-post", from: try day("1919-09-01")).run(in: ws)
        _ = try ScheduleDeliveries(decree: "decree-1918", from: try period("1920-01"), to: try period("1920-06")).run(in: ws)
        for n in 1...5 {
            _ = try SendLetter(from: "dmitrov-post", to: "moscow-supply", on: try day("1920-02-0\(n)"), subject: "Letter \(n)").run(in: ws)
        }
    }

    /// Damages the last row of each listing, as a hand edit of the file would.
    static func damageLastRows(_ path: String) throws {
        let raw = try openRaw(path)
        try raw.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE letter SET channel = 'pigeon' WHERE id = (SELECT max(id) FROM letter)")
            try db.execute(sql: "UPDATE delivery SET status = 'lost' WHERE period = '1920-06'")
            try db.execute(sql: "DROP TRIGGER event_no_update")
            try db.execute(sql: "UPDATE event SET day = '1999-99-99' WHERE id = (SELECT max(id) FROM event)")
        }
        try raw.close()
    }

    @Test("the first page of letters, deliveries and events is read alone with the whole listing's count")
    func pagesReadTheirRows() throws {
        try withLedger { t in
            try Self.scene(t)
            let events = try ListEvents().run(in: t.workspace)
            try Self.damageLastRows(t.path)
            let first = RowWindow(limit: 2)
            let letters = try ListLetters().page(first, in: t.workspace)
            #expect(letters.rows.map(\.subject) == ["Letter 1", "Letter 2"] && letters.total == 5)
            let deliveries = try ListDeliveries().page(first, in: t.workspace)
            #expect(deliveries.rows.map(\.period.description) == ["1920-01", "1920-02"] && deliveries.total == 6)
            let eventPage = try ListEvents().page(first, in: t.workspace)
            #expect(eventPage.rows.map(\.id) == events.prefix(2).map(\.id) && eventPage.total == events.count)
            let middle = try ListLetters().page(RowWindow(limit: 2, offset: 2), in: t.workspace)
            #expect(middle.rows.map(\.subject) == ["Letter 3", "Letter 4"] && middle.total == 5)
            // The whole listings, and the pages that hold the damaged rows, read them and say so.
            #expect(throws: PetitionsError.self) { _ = try ListLetters().run(in: t.workspace) }
            #expect(throws: PetitionsError.self) { _ = try ListLetters().page(RowWindow(limit: 2, offset: 4), in: t.workspace) }
            #expect(throws: PetitionsError.self) { _ = try ListDeliveries().run(in: t.workspace) }
            #expect(throws: PetitionsError.self) { _ = try ListEvents().run(in: t.workspace) }
        }
    }

    @Test("a page past the end is empty with the count; a listing that fits its page needs no count")
    func pastTheEnd() throws {
        try withLedger { t in
            try Self.scene(t)
            let past = try ListLetters().page(RowWindow(limit: 10, offset: 50), in: t.workspace)
            #expect(past.rows.isEmpty && past.total == 5)
            let all = try ListLetters(party: "moscow-supply").page(RowWindow(limit: 10), in: t.workspace)
            #expect(all.rows.count == 5 && all.total == 5)
            let waiting = try ListLetters(waiting: true).page(RowWindow(limit: 3, offset: 1), in: t.workspace)
            #expect(waiting.rows.map(\.subject) == ["Letter 2", "Letter 3", "Letter 4"] && waiting.total == 5)
        }
    }
}
