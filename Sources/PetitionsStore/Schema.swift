import GRDB

/// The ledger's migrations: SQL, never edited once shipped. `schema.sql` at the top of the
/// repository is what they build, and a test keeps the two equal.
enum Schema {
    /// `PRAGMA application_id` of a petitions ledger ("PETN").
    static let applicationID: Int32 = 0x5045_544E

    /// Migrations in order; a ledger that has applied one not listed here is newer than this program.
    static let migrations: [(id: String, apply: @Sendable (Database) throws -> Void)] = [
        ("v1", { try $0.execute(sql: v1) }),
        ("v2", v2),
        ("v3", v3),
        ("v4", { try $0.execute(sql: v4) }),
        ("v5", { try $0.execute(sql: v5) }),
        ("v6", { try $0.execute(sql: v6) }),
        ("v7", { try $0.execute(sql: v7) }),
        ("v8", { try $0.execute(sql: v8) }),
        ("v9", { try $0.execute(sql: v9) }),
        ("v10", { try $0.execute(sql: v10) }),
        ("v11", { try $0.execute(sql: v11) }),
    ]

    static let v1 = """
        PRAGMA application_id = 1346720846;

        -- Settings of this ledger: office, stored calendar and rules.
        CREATE TABLE setting (
          key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) > 0),
          value TEXT NOT NULL
        ) STRICT;

        -- Units of measure: base is how many base units (µg, µl, millionths of a piece) one unit holds.
        CREATE TABLE unit (
          name      TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
          dimension TEXT NOT NULL CHECK (length(dimension) > 0),
          base      INTEGER NOT NULL CHECK (base > 0)
        ) STRICT;

        -- The append-only event log. day: the historical day the clerk gives; recorded_at: the moment it was written.
        CREATE TABLE event (
          id          INTEGER PRIMARY KEY,
          uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
          kind        TEXT NOT NULL CHECK (kind GLOB '[a-z]*.[a-z]*'),
          day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          recorded_at TEXT NOT NULL,
          actor       TEXT NOT NULL CHECK (length(actor) > 0),
          office      TEXT NOT NULL CHECK (length(office) > 0),
          summary     TEXT NOT NULL,
          payload     TEXT NOT NULL CHECK (json_valid(payload))
        ) STRICT;
        CREATE INDEX event_kind ON event(kind, day);
        CREATE INDEX event_day ON event(day);

        -- What each event concerns.
        CREATE TABLE event_subject (
          event_id     INTEGER NOT NULL REFERENCES event(id),
          subject_type TEXT NOT NULL CHECK (subject_type IN ('party','petition','letter','decree','enrolment','delivery','receipt','arrears')),
          subject_id   INTEGER NOT NULL,
          PRIMARY KEY (event_id, subject_type, subject_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX event_subject_by_subject ON event_subject(subject_type, subject_id);

        -- Persons, groups and authorities.
        CREATE TABLE party (
          id           INTEGER PRIMARY KEY,
          kind         TEXT NOT NULL CHECK (kind IN ('person','group','authority')),
          handle       TEXT NOT NULL UNIQUE CHECK (handle GLOB '[a-z]*' AND handle NOT GLOB '*[^a-z0-9-]*'),
          name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
          district     TEXT,
          occupation   TEXT CHECK (occupation IS NULL OR kind = 'person'),
          parent_id    INTEGER REFERENCES party(id) CHECK (parent_id IS NULL OR (kind = 'authority' AND parent_id <> id)),
          reply_within TEXT CHECK (reply_within IS NULL OR kind = 'authority'),
          office       TEXT NOT NULL,
          event_id     INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;
        CREATE INDEX party_kind ON party(kind, handle);
        CREATE INDEX party_parent ON party(parent_id);

        -- A person's household.
        CREATE TABLE dependant (
          id        INTEGER PRIMARY KEY,
          person_id INTEGER NOT NULL REFERENCES party(id),
          name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
          category  TEXT NOT NULL CHECK (length(category) > 0)
        ) STRICT;
        CREATE INDEX dependant_person ON dependant(person_id);

        -- Members of a group.
        CREATE TABLE group_member (
          group_id  INTEGER NOT NULL REFERENCES party(id),
          person_id INTEGER NOT NULL REFERENCES party(id),
          PRIMARY KEY (group_id, person_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX group_member_person ON group_member(person_id);

        -- Head-counts of a group whose members are not all listed.
        CREATE TABLE group_count (
          group_id INTEGER NOT NULL REFERENCES party(id),
          category TEXT NOT NULL CHECK (length(category) > 0),
          count    INTEGER NOT NULL CHECK (count > 0),
          PRIMARY KEY (group_id, category)
        ) STRICT, WITHOUT ROWID;

        -- Petitions (requests).
        CREATE TABLE petition (
          id            INTEGER PRIMARY KEY,
          petitioner_id INTEGER NOT NULL REFERENCES party(id),
          authority_id  INTEGER NOT NULL REFERENCES party(id),
          via_id        INTEGER REFERENCES party(id),
          subject       TEXT NOT NULL CHECK (length(trim(subject)) > 0),
          category      TEXT,
          opened        TEXT NOT NULL CHECK (opened GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          status        TEXT NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open','waiting_on_petitioner','answered','resolved','rejected','withdrawn')),
          status_since  TEXT NOT NULL,
          office        TEXT NOT NULL,
          event_id      INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;
        CREATE INDEX petition_status ON petition(status, opened);
        CREATE INDEX petition_authority ON petition(authority_id);
        CREATE INDEX petition_petitioner ON petition(petitioner_id);
        -- Merging another office's log finds a petition by the UUID of the event that logged it.
        CREATE INDEX petition_event ON petition(event_id);

        -- Letters sent and received. reply_due is the stored due day of an expected reply.
        CREATE TABLE letter (
          id            INTEGER PRIMARY KEY,
          direction     TEXT NOT NULL CHECK (direction IN ('sent','received')),
          from_id       INTEGER NOT NULL REFERENCES party(id),
          to_id         INTEGER NOT NULL REFERENCES party(id),
          day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          channel       TEXT NOT NULL CHECK (channel IN ('post','telegraph','courier','in-person')),
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
        ) STRICT;
        CREATE INDEX letter_day ON letter(day);
        CREATE INDEX letter_waiting ON letter(reply_due) WHERE expects_reply = 1 AND answered_by IS NULL AND voided = 0;
        CREATE INDEX letter_petition ON letter(petition_id);
        CREATE INDEX letter_reply ON letter(in_reply_to);
        CREATE INDEX letter_to ON letter(to_id, day);
        CREATE INDEX letter_from ON letter(from_id, day);
        CREATE INDEX letter_answered_by ON letter(answered_by) WHERE answered_by IS NOT NULL;
        CREATE INDEX letter_event ON letter(event_id);

        -- Extensions of a letter's reply deadline, each a recorded event.
        CREATE TABLE letter_extension (
          id        INTEGER PRIMARY KEY,
          letter_id INTEGER NOT NULL REFERENCES letter(id),
          span      TEXT NOT NULL,
          reason    TEXT NOT NULL CHECK (length(trim(reason)) > 0),
          day       TEXT NOT NULL,
          event_id  INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;
        CREATE INDEX letter_extension_letter ON letter_extension(letter_id);

        -- Times a petition waited on its petitioner: the deadlines of its letters stop then.
        CREATE TABLE petition_pause (
          petition_id INTEGER NOT NULL REFERENCES petition(id),
          from_day    TEXT NOT NULL,
          to_day      TEXT CHECK (to_day IS NULL OR to_day >= from_day),
          PRIMARY KEY (petition_id, from_day)
        ) STRICT, WITHOUT ROWID;

        -- What the last recorded check found, so that the next one records only what was raised or cleared.
        CREATE TABLE finding_state (
          key          TEXT PRIMARY KEY NOT NULL,
          rule         TEXT NOT NULL,
          kind         TEXT NOT NULL,
          subject_type TEXT NOT NULL,
          subject_id   INTEGER NOT NULL,
          severity     TEXT NOT NULL CHECK (severity IN ('warning','overdue','critical')),
          since        TEXT NOT NULL,
          message      TEXT NOT NULL
        ) STRICT, WITHOUT ROWID;

        -- Decrees: entitlement schemes.
        CREATE TABLE decree (
          id             INTEGER PRIMARY KEY,
          handle         TEXT NOT NULL UNIQUE CHECK (handle GLOB '[a-z]*' AND handle NOT GLOB '*[^a-z0-9-]*'),
          name           TEXT NOT NULL CHECK (length(trim(name)) > 0),
          issued         TEXT NOT NULL,
          issuer_id      INTEGER REFERENCES party(id),
          supplier_id    INTEGER NOT NULL REFERENCES party(id),
          frequency      TEXT NOT NULL DEFAULT 'month' CHECK (frequency IN ('month')),
          due_day        INTEGER NOT NULL DEFAULT 1 CHECK (due_day BETWEEN 1 AND 31),
          effective_from TEXT,
          effective_to   TEXT CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from),
          office         TEXT NOT NULL,
          event_id       INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;

        -- Rations: per head of a category, per period.
        CREATE TABLE ration (
          decree_id INTEGER NOT NULL REFERENCES decree(id),
          category  TEXT NOT NULL CHECK (length(category) > 0),
          commodity TEXT NOT NULL CHECK (length(commodity) > 0 AND commodity = lower(commodity)),
          amount    INTEGER NOT NULL CHECK (amount > 0),
          unit      TEXT NOT NULL REFERENCES unit(name),
          PRIMARY KEY (decree_id, category, commodity)
        ) STRICT;

        -- Recipients enrolled in decrees, with the head-counts in force.
        CREATE TABLE enrolment (
          id           INTEGER PRIMARY KEY,
          decree_id    INTEGER NOT NULL REFERENCES decree(id),
          recipient_id INTEGER NOT NULL REFERENCES party(id),
          from_day     TEXT NOT NULL,
          to_day       TEXT CHECK (to_day IS NULL OR to_day >= from_day),
          office       TEXT NOT NULL,
          event_id     INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;
        CREATE INDEX enrolment_decree ON enrolment(decree_id, recipient_id);

        CREATE TABLE enrolment_count (
          enrolment_id INTEGER NOT NULL REFERENCES enrolment(id),
          category     TEXT NOT NULL CHECK (length(category) > 0),
          count        INTEGER NOT NULL CHECK (count > 0),
          PRIMARY KEY (enrolment_id, category)
        ) STRICT, WITHOUT ROWID;

        -- Expected deliveries: one per (decree, recipient, period).
        CREATE TABLE delivery (
          id           INTEGER PRIMARY KEY,
          decree_id    INTEGER NOT NULL REFERENCES decree(id),
          recipient_id INTEGER NOT NULL REFERENCES party(id),
          period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
          due          TEXT NOT NULL,
          status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','partial','complete','cancelled')),
          office       TEXT NOT NULL,
          event_id     INTEGER NOT NULL REFERENCES event(id),
          UNIQUE (decree_id, recipient_id, period)
        ) STRICT;
        CREATE INDEX delivery_open ON delivery(due) WHERE status IN ('pending','partial');
        CREATE INDEX delivery_period ON delivery(period, status);
        CREATE INDEX delivery_recipient ON delivery(recipient_id, period);

        -- What a delivery should bring, and what has come, in base units; unit is the decree's.
        CREATE TABLE delivery_item (
          delivery_id INTEGER NOT NULL REFERENCES delivery(id),
          commodity   TEXT NOT NULL,
          unit        TEXT NOT NULL REFERENCES unit(name),
          expected    INTEGER NOT NULL CHECK (expected > 0),
          received    INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),
          PRIMARY KEY (delivery_id, commodity)
        ) STRICT, WITHOUT ROWID;

        -- Receipts against deliveries.
        CREATE TABLE receipt (
          id          INTEGER PRIMARY KEY,
          delivery_id INTEGER NOT NULL REFERENCES delivery(id),
          day         TEXT NOT NULL,
          note        TEXT,
          office      TEXT NOT NULL,
          event_id    INTEGER NOT NULL REFERENCES event(id)
        ) STRICT;
        CREATE INDEX receipt_delivery ON receipt(delivery_id);
        CREATE INDEX receipt_day ON receipt(day);

        CREATE TABLE receipt_item (
          receipt_id INTEGER NOT NULL REFERENCES receipt(id),
          commodity  TEXT NOT NULL,
          amount     INTEGER NOT NULL CHECK (amount > 0),
          unit       TEXT NOT NULL REFERENCES unit(name),
          PRIMARY KEY (receipt_id, commodity)
        ) STRICT, WITHOUT ROWID;

        -- The event log is append-only.
        CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
        """
}
