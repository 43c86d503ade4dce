-- The hand-written equivalent of `petitions overdue --as-of DAY --format json` (7 days of grace), for sqlite3 -json.
-- Same rows: deliveries pending or partial whose due day plus grace is before the day, and deliveries completed by
-- receipts after the day, with what each should bring, what came as of the day and the shortfall.
-- The day comes from `.parameter set :asof 'YYYY-MM-DD'`.
WITH late AS (
  SELECT d.id, d.decree_id, d.recipient_id, d.period, d.due, 0 AS later FROM delivery d
  WHERE d.status IN ('pending', 'partial') AND d.due < :asof
  UNION
  SELECT d.id, d.decree_id, d.recipient_id, d.period, d.due, 1 FROM receipt rc JOIN delivery d ON d.id = rc.delivery_id
  WHERE rc.day > :asof AND d.due < :asof AND d.status <> 'cancelled'
), lines AS (
  SELECT l.id, i.commodity, i.unit, i.expected,
         CASE WHEN l.later = 0 THEN i.received ELSE coalesce((SELECT sum(ri.amount) FROM receipt rc JOIN receipt_item ri ON ri.receipt_id = rc.id
              WHERE rc.delivery_id = l.id AND rc.day <= :asof AND ri.commodity = i.commodity), 0) END AS received
  FROM late l JOIN delivery_item i ON i.delivery_id = l.id
)
SELECT l.id AS delivery, k.handle AS decree, r.handle AS recipient, s.handle AS supplier, l.period, l.due,
       date(l.due, '+8 days') AS overdue_since, CAST(julianday(:asof) - julianday(l.due, '+7 days') AS INTEGER) AS days_overdue,
       (SELECT json_group_array(json_object('commodity', x.commodity, 'expected', x.expected * 1.0 / u.base, 'received', x.received * 1.0 / u.base,
                                            'shortfall', max(0, x.expected - x.received) * 1.0 / u.base, 'unit', x.unit))
        FROM lines x JOIN unit u ON u.name = x.unit WHERE x.id = l.id) AS lines
FROM late l JOIN decree k ON k.id = l.decree_id JOIN party r ON r.id = l.recipient_id JOIN party s ON s.id = k.supplier_id
WHERE l.due < date(:asof, '-7 days')
  AND EXISTS (SELECT 1 FROM lines x WHERE x.id = l.id AND x.received < x.expected)
ORDER BY l.due, l.id;
