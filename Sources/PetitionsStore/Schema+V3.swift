import GRDB

extension Schema {
    /// v3, corrections: the office becomes a party (kind `office`, id 0, so that no other party's id moves); parties get
    /// an address, phone, e-mail and note; receipts can be voided; petitions get case notes. The party CHECK on kind
    /// is widened the way v2 changed its CHECKs (writable_schema, then a new schema_version): every row already meets
    /// the wider constraint, so no row is rewritten and the tables that refer to `party` are not touched.
    static let v3SQL = """
        ALTER TABLE party ADD COLUMN address TEXT;
        ALTER TABLE party ADD COLUMN phone TEXT;
        ALTER TABLE party ADD COLUMN email TEXT;
        ALTER TABLE party ADD COLUMN note TEXT;
        ALTER TABLE receipt ADD COLUMN voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0,1));
        ALTER TABLE receipt ADD COLUMN void_reason TEXT;

        -- Case notes on petitions, each recorded by an event.
        CREATE TABLE petition_note (
          id          INTEGER PRIMARY KEY,
          petition_id INTEGER NOT NULL REFERENCES petition(id),
          day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
          office      TEXT NOT NULL,
          event_id    INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;
        CREATE INDEX petition_note_petition ON petition_note(petition_id, day);
        """

    static func v3(_ db: Database) throws {
        try db.execute(sql: v3SQL)
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(
            sql: """
                UPDATE sqlite_master
                SET sql = replace(sql, 'kind = ''group'' OR kind = ''authority'')', 'kind = ''group'' OR kind = ''authority'' OR kind = ''office'')')
                WHERE type = 'table' AND name = 'party'
                """)
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        // An initialised ledger gets its office party, recorded by the event that initialised the ledger.
        if let office = try Row.fetchOne(
            db,
            sql: """
                SELECT s.value AS name, (SELECT min(id) FROM event WHERE kind = 'ledger.initialized') AS event_id
                FROM setting s WHERE s.key = 'office'
                """), let eventID = office["event_id"] as Int64?
        {
            let name: String = office["name"]
            try db.execute(
                sql: "INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (0, 'office', ?, ?, ?, ?)",
                arguments: [try officeHandle(db, name), name, name, eventID])
        }
    }

    /// The office party's handle: the office name when it is a valid handle not taken by another party, else made
    /// from it, else `office`.
    static func officeHandle(_ db: Database, _ name: String) throws -> String {
        let base = officeHandleBase(name)
        var candidate = base
        var n = 2
        while try Bool.fetchOne(db, sql: "SELECT 1 FROM party WHERE handle = ?", arguments: [candidate]) == true {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    /// The handle an office's name gives its party in a ledger where no other party has it (as in every ledger that
    /// `init` makes): the name's letters and digits, lower-case, joined by hyphens, else `office`.
    static func officeHandleBase(_ name: String) -> String {
        let base = String(
            name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        ).split(separator: "-").joined(separator: "-")
        return base.isEmpty || !(base.first?.isLetter ?? false) ? "office" : base
    }
}
