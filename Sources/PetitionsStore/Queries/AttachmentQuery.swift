import GRDB
import PetitionsDomain

/// The attachments one listing asks for, by id: one attachment (in force or removed), or those in force of a letter,
/// of a petition, or all of them. Its SQL is put together from the fixed fragments below with its arguments beside
/// them, so that no caller writes SQL.
struct AttachmentQuery {
    /// Only the attachment with this id, whether in force or removed.
    var id: Int64?
    /// Only the attachments of this letter.
    var letter: Int64?
    /// Only the attachments of this petition.
    var petition: Int64?

    private static let select = """
        SELECT a.id, a.letter_id, a.petition_id, a.name, a.title, a.media_type, a.size, a.sha256, a.removed_event_id, e.day AS added
        FROM attachment a JOIN event e ON e.id = a.event_id
        """

    /// The condition on `attachment a` and its arguments, in the order of the placeholders.
    private var condition: (sql: String, arguments: StatementArguments) {
        if let id { return ("a.id = ?", [id]) }
        var clauses = ["a.removed_event_id IS NULL"]
        var arguments = StatementArguments()
        if let letter {
            clauses.append("a.letter_id = ?")
            arguments += [letter]
        }
        if let petition {
            clauses.append("a.petition_id = ?")
            arguments += [petition]
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    /// The attachments' rows, by id.
    func fetchAll(_ db: Database) throws -> [AttachmentRecord] {
        let (condition, arguments) = condition
        return try AttachmentRecord.fetchAll(db, sql: "\(AttachmentQuery.select) WHERE \(condition) ORDER BY a.id", arguments: arguments)
    }
}
