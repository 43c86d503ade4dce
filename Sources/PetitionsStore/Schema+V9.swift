import GRDB

extension Schema {
    /// v9: a head-count dated before one already recorded replaces it from that day on, instead of counting beside it.
    /// Under v8, `group edit --count employee=12 --on 1920-03-01` and then `--count employee=14 --on 1920-02-01` left
    /// the first count (125, recorded with the group) in force until 1 March and the 14 from 1 February: 139 employees
    /// in February. Now every change to a head-count ends, on its day, whatever the same category's earlier spans still
    /// said after it (the later recorded wins, as the group's current counts always did); a span that would then end
    /// before it begins ends on its first day, so it is in force on no day. A dependant removed on a day before the
    /// day it was added likewise ends on its first day. Existing ledgers are mended the same way.
    ///
    /// And the letters still waiting for a reply get an index by the day they were sent that holds every column the
    /// dashboard's count and first rows read (`letter_waiting_sent`): through `letter_waiting` (by due day) each
    /// waiting letter's row was read for its day, and after every write the server reads those pages again (a
    /// connection's page cache is dropped when another writes): 20 ms of a dashboard view after a letter was recorded
    /// on the medium ledger, now a walk of the index's few pages (BENCHMARKS.md).
    static let v9 = """
        CREATE INDEX letter_waiting_sent ON letter(day, expects_reply, answered_by, voided)
          WHERE expects_reply = 1 AND answered_by IS NULL AND voided = 0;

        DROP TRIGGER group_count_span_open;
        DROP TRIGGER group_count_span_close;
        -- A change of a head-count on the day of the event the current command appended: the category's spans still in
        -- force after that day end on it (or, beginning after it, on their first day); then the new count's opens.
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
        DROP TRIGGER dependant_span_close;
        CREATE TRIGGER dependant_span_close AFTER DELETE ON dependant BEGIN
          UPDATE dependant_span SET dependant_id = NULL,
            to_day = max(coalesce(from_day, ''), (SELECT day FROM event ORDER BY id DESC LIMIT 1))
          WHERE dependant_id = old.id AND to_day IS NULL;
        END;

        -- Mend what v8 wrote: each head-count span ends no later than the first later-recorded span of its category
        -- begins (or on its own first day), and no span ends before it begins.
        UPDATE group_count_span AS a SET to_day = max(coalesce(a.from_day, ''), (
            SELECT min(b.from_day) FROM group_count_span b
            WHERE b.group_id = a.group_id AND b.category = a.category AND b.id > a.id AND b.from_day IS NOT NULL))
        WHERE EXISTS (
            SELECT 1 FROM group_count_span b WHERE b.group_id = a.group_id AND b.category = a.category AND b.id > a.id
              AND b.from_day IS NOT NULL AND (a.to_day IS NULL OR a.to_day > b.from_day));
        UPDATE group_count_span SET to_day = from_day WHERE to_day IS NOT NULL AND from_day IS NOT NULL AND to_day < from_day;
        UPDATE dependant_span SET to_day = from_day WHERE to_day IS NOT NULL AND from_day IS NOT NULL AND to_day < from_day;
        """
}
