import GRDB
import PetitionsDomain

/// One head-count of a group (`group_count`) or an enrolment (`enrolment_count`).
struct HeadCountRecord: FetchableRecord {
    enum Columns {
        static let category = Column("category")
        static let count = Column("count")
    }

    var headCount: HeadCount

    init(row: Row) {
        headCount = HeadCount(category: row[Columns.category], count: row[Columns.count])
    }
}
