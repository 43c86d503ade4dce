extension Schema {
    /// v4: attachments (their content once per SHA-256) and the full-text search index with the triggers that keep it
    /// in step. It runs after v3, so case notes (`petition_note`) and the parties' notes are indexed too.
    ///
    /// A new kind of record in the index is one arm of `search_source` and three triggers.
    static let v4 = """
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
        -- attachment 4, case note 5). A new kind is one more arm here and three triggers below.
        CREATE VIEW search_source(key, kind, ref, handle, day, title, body) AS
          SELECT p.id * 8 + 1, 'party', p.id, p.handle, (SELECT e.day FROM event e WHERE e.id = p.event_id), p.name,
                 p.handle || coalesce(' · ' || p.district, '') || coalesce(' · ' || p.occupation, '') || coalesce(' · ' || p.note, '')
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

        -- The same text as the index holds it: letters that SQLite's unicode61 tokenizer does not fold (Ł, Ø, ß, Æ, Œ, Đ, Þ, ı,
        -- Ħ, ё) written as the Latin (or Cyrillic) letters they are searched by; the tokenizer folds case and other diacritics.
        -- Text that is all printable ASCII (most of it) is taken as it is, without the chain of replace()s.
        CREATE VIEW search_folded(key, kind, ref, title, body) AS
          SELECT key, kind, ref,
                 CASE WHEN title GLOB '*[^ -~]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(title, 'Ł', 'l'), 'ł', 'l'), 'Ø', 'o'), 'ø', 'o'), 'ß', 'ss'), 'ẞ', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Đ', 'd'), 'đ', 'd'), 'Ð', 'd'), 'ð', 'd'), 'Þ', 'th'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'h'), 'ħ', 'h'), 'Ё', 'е'), 'ё', 'е') ELSE title END,
                 CASE WHEN body GLOB '*[^ -~]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(body, 'Ł', 'l'), 'ł', 'l'), 'Ø', 'o'), 'ø', 'o'), 'ß', 'ss'), 'ẞ', 'ss'), 'Æ', 'ae'), 'æ', 'ae'), 'Œ', 'oe'), 'œ', 'oe'), 'Đ', 'd'), 'đ', 'd'), 'Ð', 'd'), 'ð', 'd'), 'Þ', 'th'), 'þ', 'th'), 'ı', 'i'), 'Ħ', 'h'), 'ħ', 'h'), 'Ё', 'е'), 'ё', 'е') ELSE body END
            FROM search_source;

        -- The full-text index (FTS5), kept in step by the triggers below in the transaction of every change.
        CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
        INSERT INTO search(rowid, kind, ref, title, body) SELECT key, kind, ref, title, body FROM search_folded;

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
        """
}
