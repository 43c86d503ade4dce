import GRDB
import PetitionsDomain

/// The letters one listing asks for, oldest first (by day, then id): one letter, those of a petition, from or to a
/// party, waiting for a reply, or matched by the full-text index, all of them or one window of them. Its SQL is put
/// together from the fixed fragments below with its arguments beside them, so that no caller writes SQL.
struct LetterQuery {
    /// Only the letter with this id.
    var id: Int64?
    /// Only the letters on this petition.
    var petition: Int64?
    /// Only the letters from or to this party (its id).
    var party: Int64?
    /// Only the letters waiting for a reply (expected, not answered, not void).
    var waiting = false
    /// Only the letters the full-text index matches: a match expression made by `Ledger.ftsMatch`.
    var matching: String?
    /// Only the letters in this window of the listing (`LIMIT`/`OFFSET`); nil for every one.
    var window: RowWindow?

    private static let select = """
        SELECT l.*, f.handle AS f, t.handle AS t FROM letter l JOIN party f ON f.id = l.from_id JOIN party t ON t.id = l.to_id
        """

    /// The condition on `letter l` and its arguments, in the order of the placeholders.
    private var condition: (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let id {
            clauses.append("l.id = ?")
            arguments += [id]
        }
        if let petition {
            clauses.append("l.petition_id = ?")
            arguments += [petition]
        }
        if let party {
            clauses.append("(l.from_id = ? OR l.to_id = ?)")
            arguments += [party, party]
        }
        if waiting { clauses.append("l.expects_reply = 1 AND l.answered_by IS NULL AND l.voided = 0") }
        if let matching {
            let (clause, match) = Ledger.searchCondition(matching, kind: .letter, column: "l.id")
            clauses.append(clause)
            arguments += [match]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// The letters, one at a time from a cursor, so that an export keeps memory flat.
    func each(_ db: Database, _ body: (Letter) throws -> Void) throws {
        var (condition, arguments) = condition
        // A few texts in all (the filters' combinations, the window's numbers as arguments): each is prepared once per
        // connection. Prepared anew, the one letter the server shows after recording it was a tenth of its time
        // under bench-server's writes (perf).
        var sql = "\(LetterQuery.select) WHERE \(condition) ORDER BY l.day, l.id"
        if let window {
            sql += " LIMIT ? OFFSET ?"
            arguments += [max(0, window.limit), max(0, window.offset)]
        }
        let records = try LetterRecord.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        while let record = try records.next() { try body(record.letter) }
    }

    /// The letters, in a list.
    func fetchAll(_ db: Database) throws -> [Letter] {
        var letters: [Letter] = []
        try each(db) { letters.append($0) }
        return letters
    }

    /// How many letters the query lists without its window.
    func count(_ db: Database) throws -> Int {
        let (condition, arguments) = condition
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM letter l WHERE \(condition)"), arguments: arguments) ?? 0
    }
}
