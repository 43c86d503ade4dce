-- The hand-written equivalent of `petitions unanswered --as-of DAY --format json`, for sqlite3 -json: sent letters
-- that expect a reply and had none as of the day (answered later counts as unanswered then), oldest first, with the
-- stored due day and the days waiting. The same two indexed halves as the ledger's query: the partial index
-- letter_waiting for letters never answered (+l.day keeps the planner off letter_day), letter_day for replies after the day (CROSS JOIN keeps them first).
-- The day comes from `.parameter set :asof 'YYYY-MM-DD'`.
WITH waiting AS (
  SELECT l.* FROM letter l WHERE l.expects_reply = 1 AND l.answered_by IS NULL AND l.voided = 0 AND +l.day <= :asof
  UNION ALL
  SELECT l.* FROM letter r CROSS JOIN letter l ON l.answered_by = r.id
  WHERE r.day > :asof AND l.expects_reply = 1 AND l.voided = 0 AND +l.day <= :asof
)
SELECT w.id AS letter, f.handle AS "from", t.handle AS "to", w.subject, w.day AS sent, w.reply_due AS due,
       CAST(julianday(:asof) - julianday(w.day) AS INTEGER) AS days_waiting,
       CASE WHEN w.reply_due < :asof THEN 'overdue' END AS severity, w.petition_id AS petition
FROM waiting w JOIN party f ON f.id = w.from_id JOIN party t ON t.id = w.to_id
ORDER BY w.day, w.id;
