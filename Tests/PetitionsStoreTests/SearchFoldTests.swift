import Foundation
import GRDB
import PetitionsDomain
import PetitionsTestSupport
import Testing

@testable import PetitionsStore

/// An import fills the search index with the view's folding done in Swift (`SearchFold`): the index must hold what
/// `search_folded` writes, for every letter either fold touches.
@Suite struct SearchFoldTests {
    typealias Row = ExchangeStoreTests.Row

    /// Every letter of the ledger's Greek fold table and every Latin pair, in names and letter subjects among plain
    /// and Cyrillic text, imported with the index filled at the end.
    static func importEveryFoldedLetter(into t: TemporaryLedger) throws {
        let greek = try openRaw(t.path, readonly: true).read { db in
            try String.fetchAll(db, sql: "SELECT letter FROM search_fold_letter ORDER BY n")
        }
        let latin = SearchText.foldedLetters.map { String($0.0) }
        #expect(greek.count >= 240)
        let pieces = greek + latin + ["Ёлка", "Пётр", "Olga", "Dvořák", "Żukowski", "Ἀθῆναι", "ᾅδης"]
        _ = try t.ledger.addAuthority(name: "Council", handle: "sovnarkom", parent: nil, replyWithin: nil, on: nil)
        var rows: [Row] = []
        for (i, piece) in pieces.enumerated() {
            let name = "\(piece)\(pieces[(i * 7) % pieces.count]) \(piece)-x"
            rows.append(
                Row(
                    line: i + 2,
                    request: .success(
                        .petitioner(
                            NewPetitioner(
                                name: name, handle: "p-\(i)", district: i % 2 == 0 ? "Łódź \(piece)" : nil, occupation: nil, groups: [],
                                dependants: i % 3 == 0 ? [Dependant(name: "Ἑλένη \(piece)", category: "child")] : [], on: nil))))
            )
        }
        _ = try t.ledger.importRows("petitioners", source: "p.csv", rows: rows, skipInvalid: false, searchIndexAtEnd: true)
        rows = []
        for (i, piece) in pieces.enumerated() {
            rows.append(
                Row(
                    line: i + 2,
                    request: .success(
                        .letter(
                            NewLetter(
                                direction: .sent, from: "p-\(i)", to: "sovnarkom", on: try Day(parsing: "1920-02-02"),
                                subject: "Ration \(piece) ὁδός", petition: nil, inReplyTo: nil, channel: .post,
                                summary: i % 2 == 0 ? "Straße \(piece)" : nil, expectsReply: true, replyWithin: nil))))
            )
        }
        _ = try t.ledger.importRows("letters", source: "l.csv", rows: rows, skipInvalid: false, searchIndexAtEnd: true)
    }

    /// The index's rows and the view's, as the bytes of their text (Swift's `==` holds canonically equivalent text
    /// equal; SQLite and `verify` do not).
    static func indexAndView(_ path: String) throws -> (index: [[UInt8]], view: [[UInt8]]) {
        let queue = try openRaw(path, readonly: true)
        defer { try? queue.close() }
        return try queue.read { db in
            (
                try GRDB.Row.fetchAll(db, sql: "SELECT rowid AS key, kind, ref, title, body FROM search ORDER BY rowid").map { Array("\($0)".utf8) },
                try GRDB.Row.fetchAll(db, sql: "SELECT key, kind, ref, title, body FROM search_folded ORDER BY key").map { Array("\($0)".utf8) }
            )
        }
    }

    @Test("an import indexes every folded letter as the search view writes it")
    func importFoldsAsTheViewDoes() throws {
        let t = try TemporaryLedger()
        defer { t.remove() }
        try t.ledger.initialize(on: TemporaryLedger.today)
        try Self.importEveryFoldedLetter(into: t)
        let (index, view) = try Self.indexAndView(t.path)
        #expect(index.count == view.count)
        #expect(index.count > 2 * 261)
        for (x, y) in zip(index, view) where x != y {
            Issue.record("\(String(decoding: x, as: UTF8.self))\n!=\n\(String(decoding: y, as: UTF8.self))")
            break
        }
        let problems = try t.ledger.verify()
        #expect(problems.isEmpty, "\(problems)")
        // Found by their base letters, as the index writes them.
        #expect(try t.ledger.search("αθηναι").count > 0)
        #expect(try t.ledger.search("елка").count > 0)
        #expect(try t.ledger.search("lodz").count > 0)
    }

    @Test("a fold table the Swift fold cannot stand for leaves the import to the view")
    func unexpectedFoldTableFallsBackToTheView() throws {
        let t = try TemporaryLedger()
        defer { t.remove() }
        try t.ledger.initialize(on: TemporaryLedger.today)
        // A row outside the view's Greek guard: the view replaces it only in text that holds a Greek letter.
        let raw = try openRaw(t.path)
        try raw.write { db in try db.execute(sql: "INSERT INTO search_fold_letter(letter, base) VALUES ('x', 'q')") }
        try raw.close()
        try Self.importEveryFoldedLetter(into: t)
        let (index, view) = try Self.indexAndView(t.path)
        #expect(index == view)
        #expect(index.contains { String(decoding: $0, as: UTF8.self).contains("-x") })
    }
}
