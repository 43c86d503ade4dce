import GRDB

extension Schema {
    /// v8: dependants and a group's head-counts keep the days they were in force. `dependant` and `group_count` hold a
    /// household as it stands now, so a report as of a past day (and an enrolment from a past day without `--count`)
    /// counted a dependant added or a head-count changed later. Two tables keep each one's span: from the day of the
    /// event that added it (none for those recorded with the person or the group: they count whenever the party
    /// does), to the day of the event that removed or changed it, on which it no longer counts. Triggers keep them in
    /// step with every write, taking the day from the event each command appends before it changes a household, so
    /// no path (a clerk's, an import's, a merge's) can forget them. An older ledger's spans are read back from its
    /// event log: `dependant.added` and `dependant.removed`, and the head-counts before and after each `party.updated`.
    static let v8 = """
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
          UPDATE dependant_span SET dependant_id = NULL, to_day = (SELECT day FROM event ORDER BY id DESC LIMIT 1)
          WHERE dependant_id = old.id AND to_day IS NULL;
        END;
        CREATE TRIGGER group_count_span_open AFTER INSERT ON group_count BEGIN
          INSERT INTO group_count_span(group_id, category, count, from_day)
          VALUES (new.group_id, new.category, new.count,
                  (SELECT CASE WHEN kind = 'group.added' THEN NULL ELSE day END FROM event ORDER BY id DESC LIMIT 1));
        END;
        CREATE TRIGGER group_count_span_close AFTER DELETE ON group_count BEGIN
          UPDATE group_count_span SET to_day = (SELECT day FROM event ORDER BY id DESC LIMIT 1)
          WHERE group_id = old.group_id AND category = old.category AND to_day IS NULL;
        END;

        -- An older ledger: dependants removed, from their removals and the additions before them; dependants held, from
        -- their latest addition (none: recorded with the person).
        INSERT INTO dependant_span(dependant_id, person_id, name, category, from_day, to_day)
        SELECT NULL, s.subject_id, json_extract(e.payload, '$.name'), json_extract(e.payload, '$.category'),
               (SELECT max(a.day) FROM event a JOIN event_subject t ON t.event_id = a.id AND t.subject_type = 'party' AND t.subject_id = s.subject_id
                WHERE a.kind = 'dependant.added' AND a.id < e.id
                  AND json_extract(a.payload, '$.name') = json_extract(e.payload, '$.name')
                  AND json_extract(a.payload, '$.category') = json_extract(e.payload, '$.category')),
               e.day
          FROM event e JOIN event_subject s ON s.event_id = e.id AND s.subject_type = 'party'
          JOIN party p ON p.id = s.subject_id AND p.kind = 'person'
         WHERE e.kind = 'dependant.removed' AND json_type(e.payload, '$.category') = 'text';
        INSERT INTO dependant_span(dependant_id, person_id, name, category, from_day)
        SELECT d.id, d.person_id, d.name, d.category,
               (SELECT max(a.day) FROM event a JOIN event_subject t ON t.event_id = a.id AND t.subject_type = 'party' AND t.subject_id = d.person_id
                WHERE a.kind = 'dependant.added' AND json_extract(a.payload, '$.name') = d.name AND json_extract(a.payload, '$.category') = d.category)
          FROM dependant d;

        -- Head-counts replaced by a correction, from the correction before (none: recorded with the group) to it;
        -- head-counts held, from the latest correction.
        INSERT INTO group_count_span(group_id, category, count, from_day, to_day)
        SELECT c.group_id, j.key, j.value, c.previous, c.day
          FROM (SELECT s.subject_id AS group_id, e.day, json_extract(e.payload, '$.before.counts') AS counts,
                       lag(e.day) OVER (PARTITION BY s.subject_id ORDER BY e.id) AS previous
                  FROM event e JOIN event_subject s ON s.event_id = e.id AND s.subject_type = 'party'
                  JOIN party p ON p.id = s.subject_id AND p.kind = 'group'
                 WHERE e.kind = 'party.updated' AND json_type(e.payload, '$.after.counts') = 'object') c,
               json_each(c.counts) j
         WHERE json_type(c.counts) = 'object' AND j.type = 'integer' AND j.value > 0;
        INSERT INTO group_count_span(group_id, category, count, from_day)
        SELECT g.group_id, g.category, g.count,
               (SELECT max(e.day) FROM event e JOIN event_subject s ON s.event_id = e.id AND s.subject_type = 'party' AND s.subject_id = g.group_id
                WHERE e.kind = 'party.updated' AND json_type(e.payload, '$.after.counts') = 'object')
          FROM group_count g;
        """
}
