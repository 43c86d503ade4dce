import GRDB
import PetitionsDomain

/// A row of `petition` with the handles of its petitioner, authority and intermediary (joined from `party` by
/// `PetitionQuery`), read by name through its columns and made a `Petition` here only.
struct PetitionRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "petition"

    /// The columns a petition is read from.
    enum Columns {
        static let id = Column("id")
        static let subject = Column("subject")
        static let category = Column("category")
        static let opened = Column("opened")
        static let status = Column("status")
        static let office = Column("office")
        /// The petitioner's handle, joined from `party`.
        static let petitionerHandle = Column("f")
        /// The authority's handle, joined from `party`.
        static let authorityHandle = Column("a")
        /// The intermediary's handle, joined from `party`; NULL without one.
        static let viaHandle = Column("v")
    }

    /// The petition the row holds.
    let petition: Petition

    init(row: Row) throws {
        petition = Petition(
            id: row[Columns.id], petitioner: row[Columns.petitionerHandle], authority: row[Columns.authorityHandle], via: row[Columns.viaHandle],
            subject: row[Columns.subject], category: row[Columns.category], opened: try row.decode(Columns.opened),
            status: try row.decode(Columns.status), office: row[Columns.office])
    }
}
