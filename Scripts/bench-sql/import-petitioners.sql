-- The hand-written equivalent of `petitions import petitioners petitioners.csv`: sqlite3's .import of the same
-- CSV, then the same rows in the same tables: one petitioner.added event each (with its subject), the person,
-- the group membership and the household. Run from the folder holding petitioners.csv.
-- As `petitions import` does (Ledger+Import.swift, SearchIndexDeferral), the search index's insert triggers are set
-- aside for the import and the new parties indexed in one INSERT … SELECT at its end, then the triggers are created
-- again from their own SQL (written to import-triggers.sql beside the CSV and read back): with the triggers, FTS5
-- flushes a segment at every statement's savepoint and every dependant indexes its person again, which made this
-- script twice the instructions of the import it stands for (8.8 billion against 4.6 at the medium scale).
.bail on
PRAGMA foreign_keys = ON;
CREATE TEMP TABLE incoming(name TEXT, handle TEXT, district TEXT, occupation TEXT, groups TEXT, dependants TEXT, "on" TEXT);
.import --csv --skip 1 petitioners.csv incoming
BEGIN IMMEDIATE;
CREATE TEMP TABLE saved_triggers AS SELECT name, sql FROM sqlite_master
  WHERE type = 'trigger' AND name IN ('search_party_insert', 'search_letter_insert', 'search_dependant_insert');
DROP TRIGGER search_party_insert;
DROP TRIGGER search_letter_insert;
DROP TRIGGER search_dependant_insert;
CREATE TEMP TABLE base AS SELECT coalesce((SELECT max(id) FROM event), 0) AS event, coalesce((SELECT max(id) FROM party), 0) AS party;
INSERT INTO event(id, uuid, kind, day, recorded_at, actor, office, summary, payload)
SELECT (SELECT event FROM base) + i.rowid,
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       'petitioner.added', i."on", strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench', 'bench', 'Added petitioner ' || i.name || ' (' || i.handle || ')',
       json_object('handle', i.handle, 'name', i.name, 'district', i.district, 'occupation', i.occupation, 'groups', json_array(i.groups), 'dependants', i.dependants)
FROM incoming i ORDER BY i.rowid;
INSERT INTO party(id, kind, handle, name, district, occupation, office, event_id)
SELECT (SELECT party FROM base) + i.rowid, 'person', i.handle, i.name, nullif(i.district, ''), nullif(i.occupation, ''), 'bench', (SELECT event FROM base) + i.rowid
FROM incoming i ORDER BY i.rowid;
INSERT INTO event_subject(event_id, subject_type, subject_id)
SELECT (SELECT event FROM base) + i.rowid, 'party', (SELECT party FROM base) + i.rowid FROM incoming i;
INSERT INTO event_subject(event_id, subject_type, subject_id)
SELECT (SELECT event FROM base) + i.rowid, 'party', g.id FROM incoming i JOIN party g ON g.handle = i.groups WHERE i.groups <> '';
INSERT INTO group_member(group_id, person_id)
SELECT g.id, (SELECT party FROM base) + i.rowid FROM incoming i JOIN party g ON g.handle = i.groups WHERE i.groups <> '';
INSERT INTO dependant(person_id, name, category)
SELECT (SELECT party FROM base) + i.rowid, trim(substr(d.value, 1, instr(d.value, ':') - 1)), lower(trim(substr(d.value, instr(d.value, ':') + 1)))
FROM incoming i, json_each('["' || replace(replace(i.dependants, '"', '\"'), ';', '","') || '"]') d
WHERE i.dependants <> '';
INSERT INTO search(rowid, kind, ref, title, body)
SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'party' AND ref > (SELECT party FROM base);
.output import-triggers.sql
SELECT sql || ';' FROM saved_triggers ORDER BY name;
.output stdout
.read import-triggers.sql
COMMIT;
