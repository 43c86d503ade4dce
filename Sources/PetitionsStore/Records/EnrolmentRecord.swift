import GRDB
import PetitionsDomain

/// An enrolment as `EnrolmentQuery` reads it: its row and its decree's and recipient's handles.
private struct EnrolmentRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "enrolment"

    enum Columns {
        static let id = Column("id")
        static let fromDay = Column("from_day")
        static let toDay = Column("to_day")
        static let decreeHandle = Column("d")
        static let recipientHandle = Column("r")
    }

    var id: Int64
    var decree: String
    var recipient: String
    var from: Day
    var to: Day?

    init(row: Row) throws {
        id = row[Columns.id]
        decree = row[Columns.decreeHandle]
        recipient = row[Columns.recipientHandle]
        from = try row.day(Columns.fromDay.name)
        to = try row.optionalDay(Columns.toDay.name)
    }
}

extension Ledger {
    /// The enrolments `query` lists, each with its head-counts.
    func loadEnrolments(_ db: Database, _ query: EnrolmentQuery) throws -> [Enrolment] {
        try EnrolmentRecord.fetchAll(db, sql: query.sql, arguments: query.arguments).map { e in
            let counts = try HeadCountRecord.fetchAll(
                db, sql: "SELECT category, count FROM enrolment_count WHERE enrolment_id = ? ORDER BY category", arguments: [e.id]
            ).map(\.headCount)
            return Enrolment(id: e.id, decree: e.decree, recipient: e.recipient, from: e.from, to: e.to, counts: counts)
        }
    }
}
