import Foundation
import GRDB
import PetitionsDomain

/// A match of the full-text index, before its record's text is read for the title and snippet. The index's rowid is
/// the record's id times 8 plus a number per kind (schema v4's `search_source`), so a match names its record without
/// reading the index's stored text: sorting a hundred thousand matches by rank reads only their rowids.
private struct SearchRow: FetchableRecord, Decodable {
    var rowid: Int64
    var rank: Double

    /// The number of each kind in the index's rowids.
    static let kindNumbers: [SearchKind: Int64] = [.party: 1, .petition: 2, .letter: 3, .attachment: 4, .note: 5]

    var kind: SearchKind? { SearchRow.kindNumbers.first { $0.value == rowid & 7 }?.key }
    var ref: Int64 { rowid >> 3 }
}

/// The text of one record as `search_source` (schema v4) gives it.
private struct SearchSourceRow: FetchableRecord, Decodable {
    var handle: String?
    var day: String?
    var title: String
    var body: String
}

extension Ledger {
    // MARK: - Search

    /// The most matches ranked in full. bm25 costs about 1 µs a match, so a word in half of a million letters took half
    /// a second to rank (BENCHMARKS.md, "Search and attachments"); beyond this many matches, the newest this many
    /// letters and the newest this many other records are ranked (about 50 ms), so a party or petition whose name
    /// holds the word is still found however many letters do.
    static let rankedAtMost = 10_000

    /// The records whose names, handles, subjects, summaries, categories, notes or attachment titles match `query`
    /// (FTS5 syntax: words, "phrases", prefix*, AND, OR, NOT), best first (bm25, the title weighing more than the rest);
    /// past `rankedAtMost` matches, the best of the newest (see there).
    public func search(_ query: String, kind: SearchKind? = nil, limit: Int = 20) throws -> [SearchHit] {
        let match = try Ledger.ftsMatch(query, field: "query")
        let terms = SearchText.terms(query)
        return try read { db in
            let rank = "SELECT rowid, bm25(search, 0.0, 0.0, 5.0, 1.0) AS rank FROM search WHERE search MATCH ?"
            let newest = "ORDER BY rowid DESC LIMIT \(Ledger.rankedAtMost)"
            var filter = ""
            var args: [any DatabaseValueConvertible] = [match]
            if let kind {
                filter = " AND (rowid & 7) = ?"
                args.append(SearchRow.kindNumbers[kind] ?? 0)
            }
            // Counting the matches up to the cap reads only the index's rowids: under a millisecond.
            let many = try Ledger.matching(query, field: "query") {
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?\(filter) ORDER BY rowid DESC LIMIT \(Ledger.rankedAtMost + 1))",
                    arguments: StatementArguments(args)) ?? 0
            }
            let sql: String
            if many <= Ledger.rankedAtMost {
                sql = "\(rank)\(filter) ORDER BY rank, rowid LIMIT ?"
            } else if kind != nil {
                sql = "SELECT rowid, rank FROM (\(rank)\(filter) \(newest)) ORDER BY rank, rowid LIMIT ?"
            } else {
                let letter = SearchRow.kindNumbers[.letter] ?? 0
                sql = """
                    SELECT rowid, rank FROM (\(rank) AND (rowid & 7) = \(letter) \(newest))
                    UNION SELECT rowid, rank FROM (\(rank) AND (rowid & 7) != \(letter) \(newest))
                    ORDER BY rank, rowid LIMIT ?
                    """
                args.append(match)
            }
            args.append(limit)
            let rows = try Ledger.matching(query, field: "query") {
                try SearchRow.fetchAll(db, sql: sql, arguments: StatementArguments(args))
            }
            return try rows.compactMap { row in
                guard let kind = row.kind,
                    let source = try SearchSourceRow.fetchOne(
                        db, sql: "SELECT handle, day, title, body FROM search_source WHERE kind = ? AND ref = ?",
                        arguments: [kind.rawValue, row.ref])
                else { return nil }
                let text = source.body.isEmpty ? source.title : source.title + " · " + source.body
                let marked = SearchText.marked(text, terms: terms)
                return SearchHit(
                    kind: kind, id: kind == .party ? nil : row.ref, handle: source.handle, title: source.title,
                    day: source.day.flatMap { try? Day(parsing: $0) }, snippet: marked.snippet, matches: marked.matches,
                    rank: (row.rank * 10_000).rounded() / 10_000)
            }
        }
    }

    /// The query as the index reads it, or a sentence naming `field` when there is nothing to search for.
    static func ftsMatch(_ query: String, field: String) throws -> String {
        try ControlCharacters.refuse(query, field: field)
        guard query.count <= SearchText.maximumLength else {
            throw PetitionsError(
                "\(field): the search is \(query.count) characters long; give at most \(SearchText.maximumLength).", field: field, kind: .invalid)
        }
        if let word = SearchText.dashedWord(query) {
            throw PetitionsError.invalid(
                field, query,
                "has a word that begins with \"-\" (\(word)), which is neither an option nor a way to leave a word out; "
                    + "to leave a word out, write NOT between words (flour NOT \(word.drop { $0 == "-" })); to find the word, leave out the \"-\"")
        }
        let match = SearchText.ftsQuery(query).trimmingCharacters(in: .whitespaces)
        guard !match.isEmpty else {
            throw PetitionsError.invalid(field, query, "has no word to search for")
        }
        return match
    }

    /// Runs a statement with a MATCH, turning FTS5's complaint about a malformed query into one sentence of ours.
    static func matching<T>(_ query: String, field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as DatabaseError where e.resultCode == .SQLITE_ERROR {
            if query.filter({ $0 == "\"" }).count % 2 == 1 {
                throw PetitionsError.invalid(field, query, "has an unbalanced quote (\"); close the phrase or leave the quote out")
            }
            throw PetitionsError.invalid(
                field, query,
                "is not a search petitions understands; give words, \"a phrase\" in quotes, a prefix such as prov*, and AND, OR or NOT only between words"
            )
        }
    }

    /// The SQL condition (and its argument) that keeps the records of `kind` whose id column `column` the match
    /// expression `match` (made by `ftsMatch`) finds.
    static func searchCondition(_ match: String, kind: SearchKind, column: String) -> (String, String) {
        ("\(column) IN (SELECT rowid >> 3 FROM search WHERE search MATCH ? AND (rowid & 7) = \(SearchRow.kindNumbers[kind] ?? 0))", match)
    }

    /// Problems with the full-text index: records it lacks or holds wrongly, and entries for records that are gone.
    func searchIndexProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        let missing = try Row.fetchAll(
            db,
            sql: """
                SELECT \(Ledger.searchEntryName) FROM (SELECT key, kind, ref, title, body FROM search_folded
                  EXCEPT SELECT rowid, kind, ref, title, body FROM search) LIMIT \(limit)
                """)
        var named: Set<String> = []
        for r in missing {
            let what = Ledger.searchEntry(r)
            named.insert(what)
            problems.append("search index: \(what) is missing or out of date; run petitions compact to rebuild it")
        }
        let stale = try Row.fetchAll(
            db,
            sql: """
                SELECT \(Ledger.searchEntryName) FROM (SELECT rowid, kind, ref, title, body FROM search
                  EXCEPT SELECT key, kind, ref, title, body FROM search_folded) LIMIT \(limit)
                """)
        for r in stale {
            let what = Ledger.searchEntry(r)
            guard !named.contains(what) else { continue }
            problems.append("search index: it holds \(what), which is not in the ledger; run petitions compact to rebuild it")
        }
        return problems
    }

    /// The columns naming an index entry for `searchEntry`: read as text, since an index edited by hand may hold
    /// anything (a `ref` that is not a number must be named, not crash `verify`).
    static let searchEntryName = "CAST(kind AS TEXT) AS kind, CAST(ref AS TEXT) AS ref"

    /// "letter 12", or the entry's text as it is when the index was tampered with.
    static func searchEntry(_ row: Row) -> String {
        let kind = (row["kind"] as String?).map { ControlCharacters.visible($0) } ?? "(no kind)"
        let ref = (row["ref"] as String?).map { ControlCharacters.visible($0) } ?? "(no reference)"
        return "\(kind) \(ref)"
    }

    /// Rebuilds the full-text index from the records (in the current transaction).
    func rebuildSearchIndex(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM search")
        try db.execute(sql: "INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded")
    }
}
