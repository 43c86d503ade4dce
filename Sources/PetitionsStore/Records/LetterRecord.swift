import GRDB
import PetitionsDomain

/// A row of `letter` with the handles of its two ends (joined from `party` by `LetterQuery`), read by name through
/// its columns and made a `Letter` here only.
struct LetterRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "letter"

    /// The columns a letter is read from.
    enum Columns {
        static let id = Column("id")
        static let direction = Column("direction")
        static let day = Column("day")
        static let channel = Column("channel")
        static let subject = Column("subject")
        static let summary = Column("summary")
        static let petitionID = Column("petition_id")
        static let inReplyTo = Column("in_reply_to")
        static let expectsReply = Column("expects_reply")
        static let replyWithin = Column("reply_within")
        static let replyDue = Column("reply_due")
        static let answeredBy = Column("answered_by")
        static let voided = Column("voided")
        static let office = Column("office")
        /// The sender's handle, joined from `party`.
        static let fromHandle = Column("f")
        /// The addressee's handle, joined from `party`.
        static let toHandle = Column("t")
    }

    /// The letter the row holds.
    let letter: Letter

    init(row: Row) throws {
        letter = Letter(
            id: row[Columns.id], direction: try row.decode(Columns.direction), from: row[Columns.fromHandle], to: row[Columns.toHandle],
            on: try row.decode(Columns.day), channel: try row.decode(Columns.channel), subject: row[Columns.subject],
            summary: row[Columns.summary], petition: row[Columns.petitionID], inReplyTo: row[Columns.inReplyTo],
            expectsReply: (row[Columns.expectsReply] as Int64) == 1, replyWithin: try row.decodeIfPresent(Columns.replyWithin),
            replyDue: try row.decodeIfPresent(Columns.replyDue), answeredBy: row[Columns.answeredBy],
            voided: (row[Columns.voided] as Int64) == 1, office: row[Columns.office])
    }
}
