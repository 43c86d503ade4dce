import GRDB
import PetitionsDomain

/// A row of `petition_note`, read by name through its columns and made a `PetitionNote` here only.
struct NoteRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "petition_note"

    /// The columns a case note is read from.
    enum Columns {
        static let id = Column("id")
        static let petitionID = Column("petition_id")
        static let day = Column("day")
        static let text = Column("text")
        static let office = Column("office")
    }

    /// The case note the row holds.
    let note: PetitionNote

    init(row: Row) throws {
        note = PetitionNote(id: row[Columns.id], on: try row.decode(Columns.day), text: row[Columns.text], office: row[Columns.office])
    }
}
