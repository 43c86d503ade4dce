import GRDB
import PetitionsDomain

/// A party as `PartyQuery` reads it: its row, its parent's handle and the day of the event that recorded it.
private struct PartyRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "party"

    enum Columns {
        static let id = Column("id")
        static let kind = Column("kind")
        static let handle = Column("handle")
        static let name = Column("name")
        static let office = Column("office")
        static let district = Column("district")
        static let address = Column("address")
        static let phone = Column("phone")
        static let email = Column("email")
        static let note = Column("note")
        static let occupation = Column("occupation")
        static let replyWithin = Column("reply_within")
        static let parentHandle = Column("parent_handle")
        static let recorded = Column("recorded")
    }

    var party: Party
    var recorded: Day?

    init(row: Row) throws {
        let kind = try row.stored(PartyKind.self, Columns.kind.name)
        var p = Party(id: row[Columns.id], kind: kind, handle: row[Columns.handle], name: row[Columns.name], office: row[Columns.office])
        p.district = row[Columns.district]
        p.address = row[Columns.address]
        p.phone = row[Columns.phone]
        p.email = row[Columns.email]
        p.note = row[Columns.note]
        switch kind {
        case .person: p.occupation = row[Columns.occupation]
        case .authority:
            p.parent = row[Columns.parentHandle]
            p.replyWithin = try row.optionalSpan(Columns.replyWithin.name)
        case .group, .office: break
        }
        party = p
        recorded = try row.optionalDay(Columns.recorded.name)
    }
}

/// A dependant of a person's household.
private struct DependantRecord: FetchableRecord, TableRecord {
    static let databaseTableName = "dependant"

    enum Columns {
        static let name = Column("name")
        static let category = Column("category")
    }

    var dependant: Dependant

    init(row: Row) {
        dependant = Dependant(name: row[Columns.name], category: row[Columns.category])
    }
}

extension Ledger {
    /// The parties `query` lists.
    func loadParties(_ db: Database, _ query: PartyQuery) throws -> [Party] {
        var out: [Party] = []
        try eachParty(db, query) { p, _ in out.append(p) }
        return out
    }

    /// The parties `query` lists, one at a time from a cursor (an export of a million persons keeps memory flat), each
    /// with its household, groups, members, counts or chain, and the day of the event that recorded it.
    func eachParty(_ db: Database, _ query: PartyQuery, _ body: (Party, Day?) throws -> Void) throws {
        let records = try PartyRecord.fetchCursor(db, sql: query.sql, arguments: query.arguments)
        while let record = try records.next() {
            var p = record.party
            switch p.kind {
            case .person:
                p.dependants = try DependantRecord.fetchAll(
                    db.cachedStatement(sql: "SELECT name, category FROM dependant WHERE person_id = ? ORDER BY id"), arguments: [p.id]
                ).map(\.dependant)
                p.groups = try String.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT g.handle FROM group_member m JOIN party g ON g.id = m.group_id WHERE m.person_id = ? ORDER BY g.handle"),
                    arguments: [p.id])
            case .group:
                p.members = try String.fetchAll(
                    db.cachedStatement(
                        sql: "SELECT p.handle FROM group_member m JOIN party p ON p.id = m.person_id WHERE m.group_id = ? ORDER BY p.handle"),
                    arguments: [p.id])
                p.counts = try HeadCountRecord.fetchAll(
                    db.cachedStatement(sql: "SELECT category, count FROM group_count WHERE group_id = ? ORDER BY category"), arguments: [p.id]
                ).map(\.headCount)
            case .authority:
                p.chain = try chain(db, above: p.id).map(\.handle)
            case .office:
                break
            }
            try body(p, record.recorded)
        }
    }
}
