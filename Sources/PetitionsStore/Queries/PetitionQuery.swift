import GRDB
import PetitionsDomain

/// The petitions one listing asks for, oldest first (by the day opened, then id): one petition, those of a status, of
/// a party (as petitioner, authority or intermediary), or matched by the full-text index. Its SQL is put together from
/// the fixed fragments below with its arguments beside them, so that no caller writes SQL.
struct PetitionQuery {
    /// Only the petition with this id.
    var id: Int64?
    /// Only the petitions of this status.
    var status: PetitionStatus?
    /// Only the petitions of this party (its id), as petitioner, authority or intermediary.
    var party: Int64?
    /// Only the petitions the full-text index matches: a match expression made by `Ledger.ftsMatch`.
    var matching: String?

    private static let select = """
        SELECT p.*, f.handle AS f, a.handle AS a, v.handle AS v FROM petition p
        JOIN party f ON f.id = p.petitioner_id JOIN party a ON a.id = p.authority_id LEFT JOIN party v ON v.id = p.via_id
        """

    /// The condition on `petition p` and its arguments, in the order of the placeholders.
    private var condition: (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        if let id {
            clauses.append("p.id = ?")
            arguments += [id]
        }
        if let status {
            clauses.append("p.status = ?")
            arguments += [status.rawValue]
        }
        if let party {
            clauses.append("(p.petitioner_id = ? OR p.authority_id = ? OR p.via_id = ?)")
            arguments += [party, party, party]
        }
        if let matching {
            let (clause, match) = Ledger.searchCondition(matching, kind: .petition, column: "p.id")
            clauses.append(clause)
            arguments += [match]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// The petitions, one at a time from a cursor, so that an export keeps memory flat.
    func each(_ db: Database, _ body: (Petition) throws -> Void) throws {
        let (condition, arguments) = condition
        let records = try PetitionRecord.fetchCursor(
            db, sql: "\(PetitionQuery.select) WHERE \(condition) ORDER BY p.opened, p.id", arguments: arguments)
        while let record = try records.next() { try body(record.petition) }
    }

    /// The petitions, in a list.
    func fetchAll(_ db: Database) throws -> [Petition] {
        var petitions: [Petition] = []
        try each(db) { petitions.append($0) }
        return petitions
    }
}
