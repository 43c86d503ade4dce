-- The complete current schema of a petitions ledger, as the migrations build it.
-- Load it with: sqlite3 new.db < schema.sql
-- A test fails when this file and the migrations in Sources/PetitionsStore/Schema.swift differ.
-- CHECKs list three or more allowed values with OR, not IN (...): SQLite 3.40 builds a temporary b-tree for such an
-- IN list on every row it checks.

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
  subject_type TEXT NOT NULL CHECK (subject_type = 'party' OR subject_type = 'petition' OR subject_type = 'letter' OR subject_type = 'decree' OR subject_type = 'enrolment' OR subject_type = 'delivery' OR subject_type = 'receipt' OR subject_type = 'arrears'),
  subject_id   INTEGER NOT NULL,
  PRIMARY KEY (event_id, subject_type, subject_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_subject_by_subject ON event_subject(subject_type, subject_id);

-- Persons, groups, authorities and the office itself (kind 'office', id 0); address, phone, email and note were added in v3.
CREATE TABLE party (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind = 'person' OR kind = 'group' OR kind = 'authority' OR kind = 'office'),
  handle       TEXT NOT NULL UNIQUE CHECK (handle GLOB '[a-z]*' AND handle NOT GLOB '*[^a-z0-9-]*'),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  district     TEXT,
  occupation   TEXT CHECK (occupation IS NULL OR kind = 'person'),
  parent_id    INTEGER REFERENCES party(id) CHECK (parent_id IS NULL OR (kind = 'authority' AND parent_id <> id)),
  reply_within TEXT CHECK (reply_within IS NULL OR kind = 'authority'),
  office       TEXT NOT NULL,
  event_id     INTEGER NOT NULL REFERENCES event(id)
, address TEXT, phone TEXT, email TEXT, note TEXT) STRICT;
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

-- When each dependant was in the household: from_day NULL for one recorded with the person (counted whenever
-- the person is), to_day the day it was removed (not counted on it). dependant_id: the row while it is held.
CREATE TABLE dependant_span (
  id           INTEGER PRIMARY KEY,
  dependant_id INTEGER,
  person_id    INTEGER NOT NULL REFERENCES party(id),
  name         TEXT NOT NULL,
  category     TEXT NOT NULL CHECK (length(category) > 0),
  from_day     TEXT,
  to_day       TEXT
) STRICT;
CREATE INDEX dependant_span_person ON dependant_span(person_id);
CREATE INDEX dependant_span_held ON dependant_span(dependant_id) WHERE to_day IS NULL;

-- When each head-count of a group was in force, as dependant_span.
CREATE TABLE group_count_span (
  id       INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES party(id),
  category TEXT NOT NULL CHECK (length(category) > 0),
  count    INTEGER NOT NULL CHECK (count > 0),
  from_day TEXT,
  to_day   TEXT
) STRICT;
CREATE INDEX group_count_span_group ON group_count_span(group_id, category);

-- The day of the event the current command appended (every command appends its event before it changes a
-- household); none for a party's own recording.
CREATE TRIGGER dependant_span_open AFTER INSERT ON dependant BEGIN
  INSERT INTO dependant_span(dependant_id, person_id, name, category, from_day)
  VALUES (new.id, new.person_id, new.name, new.category,
          (SELECT CASE WHEN kind = 'petitioner.added' THEN NULL ELSE day END FROM event ORDER BY id DESC LIMIT 1));
END;
CREATE TRIGGER dependant_span_close AFTER DELETE ON dependant BEGIN
  UPDATE dependant_span SET dependant_id = NULL,
    to_day = max(coalesce(from_day, ''), (SELECT day FROM event ORDER BY id DESC LIMIT 1))
  WHERE dependant_id = old.id AND to_day IS NULL;
END;
-- A change of a head-count on its day: the category's spans still in force after that day end on it (or, beginning
-- after it, on their first day: in force on no day), so the later recorded wins; then the new count's span opens.
CREATE TRIGGER group_count_span_open AFTER INSERT ON group_count BEGIN
  UPDATE group_count_span SET to_day = max(coalesce(from_day, ''), (SELECT day FROM event ORDER BY id DESC LIMIT 1))
  WHERE group_id = new.group_id AND category = new.category
    AND (to_day IS NULL OR to_day > (SELECT day FROM event ORDER BY id DESC LIMIT 1));
  INSERT INTO group_count_span(group_id, category, count, from_day)
  VALUES (new.group_id, new.category, new.count,
          (SELECT CASE WHEN kind = 'group.added' THEN NULL ELSE day END FROM event ORDER BY id DESC LIMIT 1));
END;
CREATE TRIGGER group_count_span_close AFTER DELETE ON group_count BEGIN
  UPDATE group_count_span SET to_day = max(coalesce(from_day, ''), (SELECT day FROM event ORDER BY id DESC LIMIT 1))
  WHERE group_id = old.group_id AND category = old.category
    AND (to_day IS NULL OR to_day > (SELECT day FROM event ORDER BY id DESC LIMIT 1));
END;

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
                CHECK (status = 'open' OR status = 'waiting_on_petitioner' OR status = 'answered' OR status = 'resolved' OR status = 'rejected' OR status = 'withdrawn'),
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
) STRICT;
CREATE INDEX letter_day ON letter(day);
CREATE INDEX letter_waiting ON letter(reply_due) WHERE expects_reply = 1 AND answered_by IS NULL AND voided = 0;
-- The same letters by the day they were sent, holding every column the dashboard's count and first rows read.
CREATE INDEX letter_waiting_sent ON letter(day, expects_reply, answered_by, voided)
  WHERE expects_reply = 1 AND answered_by IS NULL AND voided = 0;
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
  severity     TEXT NOT NULL CHECK (severity = 'warning' OR severity = 'overdue' OR severity = 'critical'),
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

-- Expected deliveries: one per (decree, recipient, period). Rebuilt by v6 with AUTOINCREMENT, so that the id of a
-- delivery `enrol end` deleted is never given to another (SQLite keeps the rebuilt table's name quoted).
CREATE TABLE "delivery" (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  decree_id    INTEGER NOT NULL REFERENCES decree(id),
  recipient_id INTEGER NOT NULL REFERENCES party(id),
  period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  due          TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'partial' OR status = 'complete' OR status = 'cancelled'),
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

-- Receipts against deliveries; a voided one (v3) stays listed and counts for nothing.
CREATE TABLE receipt (
  id          INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES delivery(id),
  day         TEXT NOT NULL,
  note        TEXT,
  office      TEXT NOT NULL,
  event_id    INTEGER NOT NULL REFERENCES event(id)
, voided INTEGER NOT NULL DEFAULT 0 CHECK (voided IN (0,1)), void_reason TEXT) STRICT;
CREATE INDEX receipt_delivery ON receipt(delivery_id);
CREATE INDEX receipt_day ON receipt(day);

CREATE TABLE receipt_item (
  receipt_id INTEGER NOT NULL REFERENCES receipt(id),
  commodity  TEXT NOT NULL,
  unit       TEXT NOT NULL REFERENCES unit(name),
  amount     INTEGER NOT NULL CHECK (amount > 0),
  PRIMARY KEY (receipt_id, commodity, unit)
) STRICT, WITHOUT ROWID;

-- Notes on petitions, each recorded by an event: case notes (petition.noted) and the notes given with changes of
-- status (petition.status_changed, v11).
CREATE TABLE petition_note (
  id          INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petition(id),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
  office      TEXT NOT NULL,
  event_id    INTEGER NOT NULL REFERENCES event(id)
) STRICT;
CREATE INDEX petition_note_petition ON petition_note(petition_id, day);
-- The note given with a change of status (v11), among the petition's notes: written when the event that changed the
-- status is joined to its petition, whatever wrote it.
CREATE TRIGGER petition_status_note AFTER INSERT ON event_subject WHEN new.subject_type = 'petition' BEGIN
  INSERT INTO petition_note(petition_id, day, text, office, event_id)
  SELECT new.subject_id, e.day, json_extract(e.payload, '$.note'), e.office, e.id FROM event e
   WHERE e.id = new.event_id AND e.kind = 'petition.status_changed' AND json_type(e.payload, '$.note') = 'text'
     AND length(trim(json_extract(e.payload, '$.note'))) > 0 AND EXISTS (SELECT 1 FROM petition WHERE id = new.subject_id);
END;

-- The event log is append-only.
CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER event_no_delete BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- Attachments: the content once per SHA-256, and each file attached to a letter or a petition. A removed
-- attachment keeps its row (removed_event_id) and its content until `petitions compact` drops the content.
CREATE TABLE attachment_content (
  id     INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size   INTEGER NOT NULL CHECK (size > 0),
  bytes  BLOB NOT NULL CHECK (length(bytes) = size)
) STRICT;

CREATE TABLE attachment (
  id               INTEGER PRIMARY KEY,
  letter_id        INTEGER REFERENCES letter(id),
  petition_id      INTEGER REFERENCES petition(id),
  name             TEXT NOT NULL CHECK (length(trim(name)) > 0),
  title            TEXT,
  media_type       TEXT NOT NULL CHECK (length(media_type) > 0),
  size             INTEGER NOT NULL CHECK (size > 0),
  sha256           TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  office           TEXT NOT NULL,
  event_id         INTEGER NOT NULL REFERENCES event(id),
  removed_event_id INTEGER REFERENCES event(id),
  CHECK ((letter_id IS NULL) <> (petition_id IS NULL))
) STRICT;
CREATE INDEX attachment_letter ON attachment(letter_id) WHERE letter_id IS NOT NULL;
CREATE INDEX attachment_petition ON attachment(petition_id) WHERE petition_id IS NOT NULL;
CREATE INDEX attachment_sha256 ON attachment(sha256);
CREATE INDEX attachment_event ON attachment(event_id);

-- What `search` finds, one row per record: key = id * 8 + a number per kind (party 1, petition 2, letter 3,
-- attachment 4, note 5). A person's entry holds their dependants' names. A new kind is one more arm here and three
-- triggers below.
CREATE VIEW search_source(key, kind, ref, handle, day, title, body) AS
  SELECT p.id * 8 + 1, 'party', p.id, p.handle, (SELECT e.day FROM event e WHERE e.id = p.event_id), p.name,
         p.handle || coalesce(' · ' || p.district, '') || coalesce(' · ' || p.occupation, '') || coalesce(' · ' || p.note, '')
           || coalesce(' · ' || (SELECT group_concat(d.name, ' · ') FROM (SELECT name FROM dependant WHERE person_id = p.id ORDER BY id) d), '')
    FROM party p
  UNION ALL
  SELECT t.id * 8 + 2, 'petition', t.id, NULL, t.opened, t.subject, coalesce(t.category, '') FROM petition t
  UNION ALL
  SELECT l.id * 8 + 3, 'letter', l.id, NULL, l.day, l.subject, coalesce(l.summary, '') FROM letter l
  UNION ALL
  SELECT a.id * 8 + 4, 'attachment', a.id, NULL, (SELECT e.day FROM event e WHERE e.id = a.event_id), coalesce(a.title, a.name),
         a.name || ' · ' || a.media_type
    FROM attachment a WHERE a.removed_event_id IS NULL
  UNION ALL
  SELECT n.id * 8 + 5, 'note', n.id, NULL, n.day, n.text, '' FROM petition_note n;

-- Greek letters with breathings, accents, a diaeresis or an iota subscript, and the letters they are searched by:
-- SQLite's unicode61 tokenizer folds neither their diacritics nor their case, so `αθηναι` did not find Ἀθῆναι.
CREATE TABLE search_fold_letter (
  n      INTEGER PRIMARY KEY,
  letter TEXT NOT NULL UNIQUE CHECK (length(letter) = 1),
  base   TEXT NOT NULL CHECK (length(base) = 1)
) STRICT;
INSERT INTO search_fold_letter(letter, base) VALUES
  ('Ά', 'Α'), ('Έ', 'Ε'), ('Ή', 'Η'), ('Ί', 'Ι'), ('Ό', 'Ο'), ('Ύ', 'Υ'), ('Ώ', 'Ω'), ('ΐ', 'ι'), ('Ϊ', 'Ι'), ('Ϋ', 'Υ'), ('ά', 'α'), ('έ', 'ε'),
  ('ή', 'η'), ('ί', 'ι'), ('ΰ', 'υ'), ('ϊ', 'ι'), ('ϋ', 'υ'), ('ό', 'ο'), ('ύ', 'υ'), ('ώ', 'ω'), ('ϓ', 'ϒ'), ('ϔ', 'ϒ'), ('ἀ', 'α'), ('ἁ', 'α'),
  ('ἂ', 'α'), ('ἃ', 'α'), ('ἄ', 'α'), ('ἅ', 'α'), ('ἆ', 'α'), ('ἇ', 'α'), ('Ἀ', 'Α'), ('Ἁ', 'Α'), ('Ἂ', 'Α'), ('Ἃ', 'Α'), ('Ἄ', 'Α'), ('Ἅ', 'Α'),
  ('Ἆ', 'Α'), ('Ἇ', 'Α'), ('ἐ', 'ε'), ('ἑ', 'ε'), ('ἒ', 'ε'), ('ἓ', 'ε'), ('ἔ', 'ε'), ('ἕ', 'ε'), ('Ἐ', 'Ε'), ('Ἑ', 'Ε'), ('Ἒ', 'Ε'), ('Ἓ', 'Ε'),
  ('Ἔ', 'Ε'), ('Ἕ', 'Ε'), ('ἠ', 'η'), ('ἡ', 'η'), ('ἢ', 'η'), ('ἣ', 'η'), ('ἤ', 'η'), ('ἥ', 'η'), ('ἦ', 'η'), ('ἧ', 'η'), ('Ἠ', 'Η'), ('Ἡ', 'Η'),
  ('Ἢ', 'Η'), ('Ἣ', 'Η'), ('Ἤ', 'Η'), ('Ἥ', 'Η'), ('Ἦ', 'Η'), ('Ἧ', 'Η'), ('ἰ', 'ι'), ('ἱ', 'ι'), ('ἲ', 'ι'), ('ἳ', 'ι'), ('ἴ', 'ι'), ('ἵ', 'ι'),
  ('ἶ', 'ι'), ('ἷ', 'ι'), ('Ἰ', 'Ι'), ('Ἱ', 'Ι'), ('Ἲ', 'Ι'), ('Ἳ', 'Ι'), ('Ἴ', 'Ι'), ('Ἵ', 'Ι'), ('Ἶ', 'Ι'), ('Ἷ', 'Ι'), ('ὀ', 'ο'), ('ὁ', 'ο'),
  ('ὂ', 'ο'), ('ὃ', 'ο'), ('ὄ', 'ο'), ('ὅ', 'ο'), ('Ὀ', 'Ο'), ('Ὁ', 'Ο'), ('Ὂ', 'Ο'), ('Ὃ', 'Ο'), ('Ὄ', 'Ο'), ('Ὅ', 'Ο'), ('ὐ', 'υ'), ('ὑ', 'υ'),
  ('ὒ', 'υ'), ('ὓ', 'υ'), ('ὔ', 'υ'), ('ὕ', 'υ'), ('ὖ', 'υ'), ('ὗ', 'υ'), ('Ὑ', 'Υ'), ('Ὓ', 'Υ'), ('Ὕ', 'Υ'), ('Ὗ', 'Υ'), ('ὠ', 'ω'), ('ὡ', 'ω'),
  ('ὢ', 'ω'), ('ὣ', 'ω'), ('ὤ', 'ω'), ('ὥ', 'ω'), ('ὦ', 'ω'), ('ὧ', 'ω'), ('Ὠ', 'Ω'), ('Ὡ', 'Ω'), ('Ὢ', 'Ω'), ('Ὣ', 'Ω'), ('Ὤ', 'Ω'), ('Ὥ', 'Ω'),
  ('Ὦ', 'Ω'), ('Ὧ', 'Ω'), ('ὰ', 'α'), ('ά', 'α'), ('ὲ', 'ε'), ('έ', 'ε'), ('ὴ', 'η'), ('ή', 'η'), ('ὶ', 'ι'), ('ί', 'ι'), ('ὸ', 'ο'), ('ό', 'ο'),
  ('ὺ', 'υ'), ('ύ', 'υ'), ('ὼ', 'ω'), ('ώ', 'ω'), ('ᾀ', 'α'), ('ᾁ', 'α'), ('ᾂ', 'α'), ('ᾃ', 'α'), ('ᾄ', 'α'), ('ᾅ', 'α'), ('ᾆ', 'α'), ('ᾇ', 'α'),
  ('ᾈ', 'Α'), ('ᾉ', 'Α'), ('ᾊ', 'Α'), ('ᾋ', 'Α'), ('ᾌ', 'Α'), ('ᾍ', 'Α'), ('ᾎ', 'Α'), ('ᾏ', 'Α'), ('ᾐ', 'η'), ('ᾑ', 'η'), ('ᾒ', 'η'), ('ᾓ', 'η'),
  ('ᾔ', 'η'), ('ᾕ', 'η'), ('ᾖ', 'η'), ('ᾗ', 'η'), ('ᾘ', 'Η'), ('ᾙ', 'Η'), ('ᾚ', 'Η'), ('ᾛ', 'Η'), ('ᾜ', 'Η'), ('ᾝ', 'Η'), ('ᾞ', 'Η'), ('ᾟ', 'Η'),
  ('ᾠ', 'ω'), ('ᾡ', 'ω'), ('ᾢ', 'ω'), ('ᾣ', 'ω'), ('ᾤ', 'ω'), ('ᾥ', 'ω'), ('ᾦ', 'ω'), ('ᾧ', 'ω'), ('ᾨ', 'Ω'), ('ᾩ', 'Ω'), ('ᾪ', 'Ω'), ('ᾫ', 'Ω'),
  ('ᾬ', 'Ω'), ('ᾭ', 'Ω'), ('ᾮ', 'Ω'), ('ᾯ', 'Ω'), ('ᾰ', 'α'), ('ᾱ', 'α'), ('ᾲ', 'α'), ('ᾳ', 'α'), ('ᾴ', 'α'), ('ᾶ', 'α'), ('ᾷ', 'α'), ('Ᾰ', 'Α'),
  ('Ᾱ', 'Α'), ('Ὰ', 'Α'), ('Ά', 'Α'), ('ᾼ', 'Α'), ('ι', 'ι'), ('ῂ', 'η'), ('ῃ', 'η'), ('ῄ', 'η'), ('ῆ', 'η'), ('ῇ', 'η'), ('Ὲ', 'Ε'), ('Έ', 'Ε'),
  ('Ὴ', 'Η'), ('Ή', 'Η'), ('ῌ', 'Η'), ('ῐ', 'ι'), ('ῑ', 'ι'), ('ῒ', 'ι'), ('ΐ', 'ι'), ('ῖ', 'ι'), ('ῗ', 'ι'), ('Ῐ', 'Ι'), ('Ῑ', 'Ι'), ('Ὶ', 'Ι'),
  ('Ί', 'Ι'), ('ῠ', 'υ'), ('ῡ', 'υ'), ('ῢ', 'υ'), ('ΰ', 'υ'), ('ῤ', 'ρ'), ('ῥ', 'ρ'), ('ῦ', 'υ'), ('ῧ', 'υ'), ('Ῠ', 'Υ'), ('Ῡ', 'Υ'), ('Ὺ', 'Υ'),
  ('Ύ', 'Υ'), ('Ῥ', 'Ρ'), ('ῲ', 'ω'), ('ῳ', 'ω'), ('ῴ', 'ω'), ('ῶ', 'ω'), ('ῷ', 'ω'), ('Ὸ', 'Ο'), ('Ό', 'Ο'), ('Ὼ', 'Ω'), ('Ώ', 'Ω'), ('ῼ', 'Ω');

-- search_source with those Greek letters written as their base letters, in text that holds one: one replace() a letter of
-- the table, in its order (n), so the work grows with the text's length (letter by letter, concatenating, it grew with
-- its square: a note of 32,000 Greek characters took 15 seconds to record).
CREATE VIEW search_greek(key, kind, ref, title, body) AS
  SELECT key, kind, ref,
         CASE WHEN title GLOB '*[Ά-ϔἀ-ῼ]*' THEN (
           WITH RECURSIVE f(n, out) AS (
             SELECT 0, s.title UNION ALL
             SELECT f.n + 1, replace(f.out, l.letter, l.base) FROM f JOIN search_fold_letter l ON l.n = f.n + 1)
           SELECT out FROM f WHERE n = (SELECT max(n) FROM search_fold_letter))
         ELSE title END,
         CASE WHEN body GLOB '*[Ά-ϔἀ-ῼ]*' THEN (
           WITH RECURSIVE f(n, out) AS (
             SELECT 0, s.body UNION ALL
             SELECT f.n + 1, replace(f.out, l.letter, l.base) FROM f JOIN search_fold_letter l ON l.n = f.n + 1)
           SELECT out FROM f WHERE n = (SELECT max(n) FROM search_fold_letter))
         ELSE body END
    FROM search_source s;

-- The same text as the index holds it: search_greek, and the letters that SQLite's unicode61 tokenizer does not fold
-- (Ł, Ø, ß, Æ, Œ, Đ, Þ, ı, Ħ, ё) written as the Latin (or Cyrillic) letters they are searched by; the tokenizer folds
-- case and other diacritics. Text that is all printable ASCII (most of it) is taken as it is.
-- The same text as the index holds it: search_greek, and the letters that SQLite's unicode61 tokenizer does not fold
-- (Ł, Ø, ß, Æ, Œ, Đ, Þ, ı, Ħ, ё) written as the Latin (or Cyrillic) letters they are searched by; the tokenizer folds
-- case and other diacritics. Text that is all printable ASCII (most of it) is taken as it is.
CREATE VIEW search_folded(key, kind, ref, title, body) AS
  SELECT key, kind, ref,
         CASE WHEN title GLOB '*[^ -~]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'Ł', 'l'), 'ł', 'l'), 'Ø', 'o'), 'ø', 'o'), 'ß', 'ss'), 'ẞ', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Đ', 'd'), 'đ', 'd'), 'Ð', 'd'), 'ð', 'd'), 'Þ', 'th'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'h'), 'ħ', 'h'), 'Ё', 'е'), 'ё', 'е') ELSE title END,
         CASE WHEN body GLOB '*[^ -~]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body, 'Ł', 'l'), 'ł', 'l'), 'Ø', 'o'), 'ø', 'o'), 'ß', 'ss'), 'ẞ', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Đ', 'd'), 'đ', 'd'), 'Ð', 'd'), 'ð', 'd'), 'Þ', 'th'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'h'), 'ħ', 'h'), 'Ё', 'е'), 'ё', 'е') ELSE body END
    FROM search_greek;

-- The full-text index (FTS5), kept in step by the triggers below in the transaction of every change.
CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_party_insert AFTER INSERT ON party BEGIN
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'party' AND ref = new.id;
END;
CREATE TRIGGER search_party_update AFTER UPDATE OF name, handle, district, occupation, note ON party BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 1;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'party' AND ref = new.id;
END;
CREATE TRIGGER search_party_delete AFTER DELETE ON party BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 1;
END;
CREATE TRIGGER search_petition_insert AFTER INSERT ON petition BEGIN
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'petition' AND ref = new.id;
END;
CREATE TRIGGER search_petition_update AFTER UPDATE OF subject, category ON petition BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 2;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'petition' AND ref = new.id;
END;
CREATE TRIGGER search_petition_delete AFTER DELETE ON petition BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 2;
END;
CREATE TRIGGER search_letter_insert AFTER INSERT ON letter BEGIN
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'letter' AND ref = new.id;
END;
CREATE TRIGGER search_letter_update AFTER UPDATE OF subject, summary ON letter BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 3;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'letter' AND ref = new.id;
END;
CREATE TRIGGER search_letter_delete AFTER DELETE ON letter BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 3;
END;
CREATE TRIGGER search_attachment_insert AFTER INSERT ON attachment BEGIN
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'attachment' AND ref = new.id;
END;
CREATE TRIGGER search_attachment_update AFTER UPDATE OF title, name, removed_event_id ON attachment BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 4;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'attachment' AND ref = new.id;
END;
CREATE TRIGGER search_attachment_delete AFTER DELETE ON attachment BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 4;
END;
CREATE TRIGGER search_note_insert AFTER INSERT ON petition_note BEGIN
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'note' AND ref = new.id;
END;
CREATE TRIGGER search_note_update AFTER UPDATE OF text ON petition_note BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 5;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'note' AND ref = new.id;
END;
CREATE TRIGGER search_note_delete AFTER DELETE ON petition_note BEGIN
  DELETE FROM search WHERE rowid = old.id * 8 + 5;
END;
-- A dependant added, removed or renamed: the person's index entry again.
CREATE TRIGGER search_dependant_insert AFTER INSERT ON dependant BEGIN
  DELETE FROM search WHERE rowid = new.person_id * 8 + 1;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'party' AND ref = new.person_id;
END;
CREATE TRIGGER search_dependant_update AFTER UPDATE OF name, person_id ON dependant BEGIN
  DELETE FROM search WHERE rowid = old.person_id * 8 + 1 OR rowid = new.person_id * 8 + 1;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded
    WHERE kind = 'party' AND (ref = old.person_id OR ref = new.person_id);
END;
CREATE TRIGGER search_dependant_delete AFTER DELETE ON dependant BEGIN
  DELETE FROM search WHERE rowid = old.person_id * 8 + 1;
  INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'party' AND ref = old.person_id;
END;
-- The office server's accounts and API tokens (v5): not in the event log, not exported.
CREATE TABLE account (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
  role          TEXT NOT NULL CHECK (role = 'admin' OR role = 'clerk' OR role = 'reader'),
  password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE api_token (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES account(id),
  label      TEXT,
  token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX api_token_account ON api_token(account_id);
