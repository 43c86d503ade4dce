import GRDB
import PetitionsDomain

/// A row of `attachment` with the day of the event that added it (joined by `AttachmentQuery`), read by name through
/// its columns and made an `Attachment` here only.
struct AttachmentRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "attachment"

    /// The columns an attachment is read from.
    enum Columns {
        static let id = Column("id")
        static let letterID = Column("letter_id")
        static let petitionID = Column("petition_id")
        static let name = Column("name")
        static let title = Column("title")
        static let mediaType = Column("media_type")
        static let size = Column("size")
        static let sha256 = Column("sha256")
        static let removedEventID = Column("removed_event_id")
        /// The day of the event that added it, joined from `event`.
        static let added = Column("added")
    }

    var id: Int64
    var letterID: Int64?
    var petitionID: Int64?
    var name: String
    var title: String?
    var mediaType: String
    var size: Int64
    var sha256: String
    /// The day the attachment was added, as stored (read as a day by `attachment()`, which names the attachment).
    var added: String?
    /// The event that removed it; nil while it is in force.
    var removedEventID: Int64?

    init(row: Row) throws {
        id = row[Columns.id]
        letterID = row[Columns.letterID]
        petitionID = row[Columns.petitionID]
        name = row[Columns.name]
        title = row[Columns.title]
        mediaType = row[Columns.mediaType]
        size = row[Columns.size]
        sha256 = row[Columns.sha256]
        added = row.storedText(Columns.added.name)
        removedEventID = row[Columns.removedEventID]
    }

    /// The attachment as listed; an added day that does not read is the sentence about a damaged ledger.
    func attachment() throws -> Attachment {
        guard let added, let day = try? Day(parsing: added) else {
            throw PetitionsError(
                "The ledger is damaged: attachment \(id) has an event whose day \(quoted(added ?? "NULL")) is not a day.", code: .dataError)
        }
        return Attachment(
            id: id, letter: letterID, petition: petitionID, name: name, title: title, mediaType: mediaType, size: size, sha256: sha256, added: day)
    }
}
