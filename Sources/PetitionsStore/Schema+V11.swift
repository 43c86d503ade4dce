import GRDB
import PetitionsDomain

extension Schema {
    /// v11: what a caseworker wrote is found where they look for it.
    ///
    /// The note given with a change of status (`petition status --note`, the API's and the web form's `note`) was kept
    /// only in its event's payload and summary: `petition show` did not list it and search did not find it. It is now
    /// a row of `petition_note` too, written by the event that changed the status, so it is listed with the petition's
    /// notes (marked as the status change's through its event) and indexed as a note. A trigger on `event_subject`
    /// writes it for every status change that names a petition and carries a note, so no path (a clerk's, an
    /// import's, a merge's, even a merge that keeps another office's change without applying it) can forget it; an
    /// older ledger's are read back from its event log.
    ///
    /// A petitioner's dependants were not in the index: `search pavel` did not find the household Pavel belongs to. A
    /// person's index entry now holds the names of their dependants after the rest (the hit is the petitioner, the
    /// snippet shows the dependant's name), kept in step by triggers on `dependant`; older ledgers' persons with
    /// dependants are indexed again.
    static let v11 = """
        DROP VIEW search_source;
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

        -- The note given with a change of status, among the petition's notes: written when the event that changed the
        -- status is joined to its petition, whatever wrote it.
        CREATE TRIGGER petition_status_note AFTER INSERT ON event_subject WHEN new.subject_type = 'petition' BEGIN
          INSERT INTO petition_note(petition_id, day, text, office, event_id)
          SELECT new.subject_id, e.day, json_extract(e.payload, '$.note'), e.office, e.id FROM event e
           WHERE e.id = new.event_id AND e.kind = '\(LedgerEvent.Kind.petitionStatusChanged.rawValue)' AND json_type(e.payload, '$.note') = 'text'
             AND length(trim(json_extract(e.payload, '$.note'))) > 0 AND EXISTS (SELECT 1 FROM petition WHERE id = new.subject_id);
        END;

        -- An older ledger: the notes of its status changes, from its event log, in the order they were recorded (the
        -- index's note trigger indexes them); and its persons with dependants, indexed again.
        INSERT INTO petition_note(petition_id, day, text, office, event_id)
        SELECT s.subject_id, e.day, json_extract(e.payload, '$.note'), e.office, e.id
          FROM event e JOIN event_subject s ON s.event_id = e.id AND s.subject_type = 'petition'
          JOIN petition t ON t.id = s.subject_id
         WHERE e.kind = '\(LedgerEvent.Kind.petitionStatusChanged.rawValue)' AND json_type(e.payload, '$.note') = 'text'
           AND length(trim(json_extract(e.payload, '$.note'))) > 0
         ORDER BY e.id;
        DELETE FROM search WHERE rowid IN (SELECT DISTINCT person_id * 8 + 1 FROM dependant);
        INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded
          WHERE kind = 'party' AND ref IN (SELECT DISTINCT person_id FROM dependant);
        """
}
