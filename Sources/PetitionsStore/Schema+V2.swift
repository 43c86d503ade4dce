import GRDB

extension Schema {

    /// v2: the CHECKs that listed three or more allowed values with `IN (...)` list them with `OR`. SQLite (3.40) builds a
    /// temporary b-tree for such a list on every row it checks: three per imported petitioner, which took a sixth of an
    /// import's instructions (callgrind). Same constraints, so only the stored table text changes, the way SQLite's
    /// documentation allows for CHECK constraints (writable_schema, then a new schema_version); no row is rewritten.
    static let v2Tables: [(name: String, sql: String)] = [
        (
            "event_subject",
            """
            CREATE TABLE event_subject (
              event_id     INTEGER NOT NULL REFERENCES event(id),
              subject_type TEXT NOT NULL CHECK (subject_type = 'party' OR subject_type = 'petition' OR subject_type = 'letter' OR subject_type = 'decree' OR subject_type = 'enrolment' OR subject_type = 'delivery' OR subject_type = 'receipt' OR subject_type = 'arrears'),
              subject_id   INTEGER NOT NULL,
              PRIMARY KEY (event_id, subject_type, subject_id)
            ) STRICT, WITHOUT ROWID
            """
        ),
        (
            "party",
            """
            CREATE TABLE party (
              id           INTEGER PRIMARY KEY,
              kind         TEXT NOT NULL CHECK (kind = 'person' OR kind = 'group' OR kind = 'authority'),
              handle       TEXT NOT NULL UNIQUE CHECK (handle GLOB '[a-z]*' AND handle NOT GLOB '*[^a-z0-9-]*'),
              name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
              district     TEXT,
              occupation   TEXT CHECK (occupation IS NULL OR kind = 'person'),
              parent_id    INTEGER REFERENCES party(id) CHECK (parent_id IS NULL OR (kind = 'authority' AND parent_id <> id)),
              reply_within TEXT CHECK (reply_within IS NULL OR kind = 'authority'),
              office       TEXT NOT NULL,
              event_id     INTEGER NOT NULL REFERENCES event(id)
            ) STRICT
            """
        ),
        (
            "petition",
            """
            CREATE TABLE petition (
              id            INTEGER PRIMARY KEY,
              petitioner_id INTEGER NOT NULL REFERENCES party(id),
              authority_id  INTEGER NOT NULL REFERENCES party(id),
              via_id        INTEGER REFERENCES party(id),
              subject       TEXT NOT NULL CHECK (length(trim(subject)) > 0),
              category      TEXT,
              opened        TEXT NOT NULL CHECK (opened GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
              status        TEXT NOT NULL DEFAULT 'open'
                            CHECK (status = 'open' OR status = 'waiting_on_petitioner' OR status = 'answered' OR status = 'resolved' OR status = 'rejected' OR status = 'withdrawn'),
              status_since  TEXT NOT NULL,
              office        TEXT NOT NULL,
              event_id      INTEGER NOT NULL REFERENCES event(id)
            ) STRICT
            """
        ),
        (
            "letter",
            """
            CREATE TABLE letter (
              id            INTEGER PRIMARY KEY,
              direction     TEXT NOT NULL CHECK (direction IN ('sent','received')),
              from_id       INTEGER NOT NULL REFERENCES party(id),
              to_id         INTEGER NOT NULL REFERENCES party(id),
              day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
              channel       TEXT NOT NULL CHECK (channel = 'post' OR channel = 'telegraph' OR channel = 'courier' OR channel = 'in-person'),
              subject       TEXT NOT NULL CHECK (length(trim(subject)) > 0),
              summary       TEXT,
              petition_id   INTEGER REFERENCES petition(id),
              in_reply_to   INTEGER REFERENCES letter(id),
              expects_reply INTEGER NOT NULL CHECK (expects_reply IN (0,1) AND (expects_reply = 0 OR direction = 'sent')),
              reply_within  TEXT,
              reply_due     TEXT,
              clock_start   TEXT NOT NULL,
              answered_by   INTEGER REFERENCES letter(id),
              voided        INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0,1)),
              office        TEXT NOT NULL,
              event_id      INTEGER NOT NULL REFERENCES event(id)
            ) STRICT
            """
        ),
        (
            "finding_state",
            """
            CREATE TABLE finding_state (
              key          TEXT PRIMARY KEY NOT NULL,
              rule         TEXT NOT NULL,
              kind         TEXT NOT NULL,
              subject_type TEXT NOT NULL,
              subject_id   INTEGER NOT NULL,
              severity     TEXT NOT NULL CHECK (severity = 'warning' OR severity = 'overdue' OR severity = 'critical'),
              since        TEXT NOT NULL,
              message      TEXT NOT NULL
            ) STRICT, WITHOUT ROWID
            """
        ),
        (
            "delivery",
            """
            CREATE TABLE delivery (
              id           INTEGER PRIMARY KEY,
              decree_id    INTEGER NOT NULL REFERENCES decree(id),
              recipient_id INTEGER NOT NULL REFERENCES party(id),
              period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
              due          TEXT NOT NULL,
              status       TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'partial' OR status = 'complete' OR status = 'cancelled'),
              office       TEXT NOT NULL,
              event_id     INTEGER NOT NULL REFERENCES event(id),
              UNIQUE (decree_id, recipient_id, period)
            ) STRICT
            """
        ),
    ]

    static func v2(_ db: Database) throws {
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        for t in v2Tables {
            try db.execute(sql: "UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?", arguments: [t.sql, t.name])
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }
}
