import GRDB

extension Schema {
    /// v6: delivery ids are never given twice. `enrol end` deletes the later deliveries nothing came for; with a plain
    /// `INTEGER PRIMARY KEY` the next one scheduled took the highest id again, so an id printed to a clerk earlier (and
    /// named by the events of the deleted delivery) came to name another delivery. The table is rebuilt with
    /// AUTOINCREMENT the way SQLite's documentation rebuilds a table (ALTER TABLE, "Making Other Kinds Of Table Schema
    /// Changes"): a new table, every row copied with its id, the old one dropped, the new one renamed (SQLite then
    /// stores its name quoted, `CREATE TABLE "delivery"`), its indexes made again. The migrator runs it with foreign
    /// keys off and checks them before it commits; `delivery_item` and `receipt` name the table, not its rowids' order,
    /// so they are not touched. The counter starts above every id any event names, so the ids of deliveries deleted
    /// before this migration are not given again either.
    static let v6 = """
        CREATE TABLE delivery_v6 (
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
        INSERT INTO delivery_v6(id, decree_id, recipient_id, period, due, status, office, event_id)
          SELECT id, decree_id, recipient_id, period, due, status, office, event_id FROM delivery ORDER BY id;
        DROP TABLE delivery;
        ALTER TABLE delivery_v6 RENAME TO delivery;
        CREATE INDEX delivery_open ON delivery(due) WHERE status IN ('pending','partial');
        CREATE INDEX delivery_period ON delivery(period, status);
        CREATE INDEX delivery_recipient ON delivery(recipient_id, period);
        DELETE FROM sqlite_sequence WHERE name = 'delivery';
        INSERT INTO sqlite_sequence(name, seq) SELECT 'delivery', max(
          (SELECT coalesce(max(id), 0) FROM delivery),
          (SELECT coalesce(max(subject_id), 0) FROM event_subject WHERE subject_type = 'delivery'));
        """
}
