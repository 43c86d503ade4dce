import GRDB
import PetitionsDomain

/// A decree as `DecreeQuery` reads it: its row and its supplier's and issuer's handles.
private struct DecreeRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "decree"

    enum Columns {
        static let id = Column("id")
        static let handle = Column("handle")
        static let name = Column("name")
        static let issued = Column("issued")
        static let frequency = Column("frequency")
        static let dueDay = Column("due_day")
        static let effectiveFrom = Column("effective_from")
        static let effectiveTo = Column("effective_to")
        static let office = Column("office")
        static let supplierHandle = Column("s")
        static let issuerHandle = Column("i")
    }

    var id: Int64
    var handle: String
    var name: String
    var issued: Day
    var issuer: String?
    var supplier: String
    var every: Frequency
    var dueDay: Int
    var effectiveFrom: Day?
    var effectiveTo: Day?
    var office: String

    init(row: Row) throws {
        id = row[Columns.id]
        handle = row[Columns.handle]
        name = row[Columns.name]
        issued = try row.day(Columns.issued.name)
        issuer = row[Columns.issuerHandle]
        supplier = row[Columns.supplierHandle]
        every = try row.stored(Frequency.self, Columns.frequency.name)
        dueDay = row[Columns.dueDay]
        effectiveFrom = try row.optionalDay(Columns.effectiveFrom.name)
        effectiveTo = try row.optionalDay(Columns.effectiveTo.name)
        office = row[Columns.office]
    }
}

/// One ration of a decree: per head of a category, per period, in base units of its unit.
private struct RationRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "ration"

    enum Columns {
        static let category = Column("category")
        static let commodity = Column("commodity")
        static let amount = Column("amount")
        static let unit = Column("unit")
    }

    var category: String
    var commodity: String
    var amount: Int64
    var unit: String

    init(row: Row) {
        category = row[Columns.category]
        commodity = row[Columns.commodity]
        amount = row[Columns.amount]
        unit = row[Columns.unit]
    }
}

extension Ledger {
    /// The decrees `query` lists, each with its rations.
    func loadDecrees(_ db: Database, _ query: DecreeQuery) throws -> [Decree] {
        try DecreeRecord.fetchAll(db, sql: query.sql, arguments: query.arguments).map { d in
            let rations = try RationRecord.fetchAll(db, sql: "SELECT * FROM ration WHERE decree_id = ? ORDER BY rowid", arguments: [d.id]).map {
                Ration(category: $0.category, quantity: quantityValue($0.amount, unit: $0.unit, commodity: $0.commodity))
            }
            return Decree(
                id: d.id, handle: d.handle, name: d.name, issued: d.issued, issuer: d.issuer, supplier: d.supplier, every: d.every,
                dueDay: d.dueDay, rations: rations, effectiveFrom: d.effectiveFrom, effectiveTo: d.effectiveTo, office: d.office)
        }
    }
}
