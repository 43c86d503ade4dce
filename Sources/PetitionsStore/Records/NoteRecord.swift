import GRDB
import PetitionsDomain

/// A row of `petition_note` with the event that wrote it, read by name through its columns and made a `PetitionNote`
/// here only: the event says who recorded the note and, for the note of a status change, the statuses.
struct NoteRecord: FetchableRecord {
    /// The columns a note is read from.
    enum Columns {
        static let id = Column("id")
        static let day = Column("day")
        static let text = Column("text")
        static let office = Column("office")
        static let actor = Column("actor")
        static let statusFrom = Column("status_from")
        static let statusTo = Column("status_to")
    }

    /// The notes (`n`) with what their events (`e`) say, in the order a petition lists them; `condition` on `n`.
    static func sql(where condition: String) -> String {
        let status = LedgerEvent.Kind.petitionStatusChanged.rawValue
        return """
            SELECT n.id, n.day, n.text, n.office, e.actor,
                   CASE WHEN e.kind = '\(status)' AND json_type(e.payload, '$.from') = 'text' THEN json_extract(e.payload, '$.from') END AS status_from,
                   CASE WHEN e.kind = '\(status)' AND json_type(e.payload, '$.to') = 'text' THEN json_extract(e.payload, '$.to') END AS status_to
              FROM petition_note n LEFT JOIN event e ON e.id = n.event_id
             WHERE \(condition) ORDER BY n.day, n.id
            """
    }

    /// The note the row holds.
    let note: PetitionNote

    init(row: Row) throws {
        let to: String? = row[Columns.statusTo]
        note = PetitionNote(
            id: row[Columns.id], on: try row.decode(Columns.day), text: row[Columns.text], office: row[Columns.office],
            recordedBy: row[Columns.actor], statusChange: to.map { PetitionNote.StatusChange(from: row[Columns.statusFrom], to: $0) })
    }
}
