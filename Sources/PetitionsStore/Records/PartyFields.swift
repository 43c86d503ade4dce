import GRDB
import PetitionsDomain

/// The correctable fields of a party as stored, read through a private record.
private struct PartyFields: FetchableRecord, TableRecord {
    static let databaseTableName = "party"

    enum Columns {
        static let id = Column("id")
        static let kind = Column("kind")
    }

    var values: [String: JSONValue]

    init(row: Row) throws {
        var v: [String: JSONValue] = [:]
        for key in ["name", "district", "occupation", "address", "phone", "email", "note", "reply_within"] {
            v[key] = (row[key] as String?).json
        }
        v["parent"] = (row["parent_handle"] as String?).json
        values = v
    }

    /// The fields of party `id`, its head-counts included for a group.
    static func load(_ db: Database, _ id: Int64, kind: PartyKind) throws -> [String: JSONValue] {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT p.*, parent.handle AS parent_handle FROM party p LEFT JOIN party parent ON parent.id = p.parent_id
                WHERE p.\(Columns.id.name) = ?
                """, arguments: [id])
        guard let row else { return [:] }
        var values = try PartyFields(row: row).values
        if kind == .group {
            let counts = try Row.fetchAll(db, sql: "SELECT category, count FROM group_count WHERE group_id = ? ORDER BY category", arguments: [id])
            values["counts"] = .object(Dictionary(uniqueKeysWithValues: counts.map { ($0["category"] as String, JSONValue.int($0["count"])) }))
        }
        return values
    }
}

extension Ledger {
    /// A party's correctable fields as they stand here, its head-counts included for a group.
    func partyFieldValues(_ db: Database, _ id: Int64, kind: PartyKind) throws -> [String: JSONValue] {
        try PartyFields.load(db, id, kind: kind)
    }
}
