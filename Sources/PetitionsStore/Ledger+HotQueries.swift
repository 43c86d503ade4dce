import GRDB
import PetitionsDomain

/// A query that a listing, the check, the report or an import runs on every use, named for `QueryPlanTests`, which runs
/// `EXPLAIN QUERY PLAN` on each and fails on a full scan of `letter`, `delivery`, `receipt` or `event` where an index
/// should serve. A new hot query is added to `Ledger.hotQueries` with its plan in a comment.
struct HotQuery: Sendable {
    /// What runs it, e.g. `overdue: open deliveries`.
    var name: String
    var sql: String
}

extension Ledger {
    // MARK: - overdue (and check, report): the late deliveries

    /// The columns and joins of a late delivery: decree, recipient, supplier and the supplier's parent, by id.
    static let lateColumns = """
        d.id, d.period, d.due, k.id AS kid, k.handle AS kh, k.name AS kn, r.id AS rid, r.handle AS rh, r.name AS rn,
        s.id AS sid, s.handle AS sh, s.name AS sn, sp.id AS spid, sp.handle AS sph, sp.name AS spn
        """
    static let lateJoins = """
        JOIN decree k ON k.id = d.decree_id JOIN party r ON r.id = d.recipient_id JOIN party s ON s.id = k.supplier_id
        LEFT JOIN party sp ON sp.id = s.parent_id
        """

    /// Deliveries with a receipt recorded for a day after `:asOf` (few): what they had as of the day is worked out apart.
    /// ```
    /// SEARCH rc USING INDEX receipt_day (day>?)
    /// SEARCH d USING INTEGER PRIMARY KEY (rowid=?)      -- then k, r, s, sp the same way
    /// USE TEMP B-TREE FOR ORDER BY
    /// ```
    static let lateWithLaterReceiptsSQL = """
        SELECT \(lateColumns), 1 AS later FROM receipt rc JOIN delivery d ON d.id = rc.delivery_id \(lateJoins)
        WHERE rc.day > :asOf AND rc.voided = 0 AND d.due < :asOf AND d.status <> 'cancelled' ORDER BY d.id
        """

    /// Deliveries still pending or partial and due before `:asOf`, from the partial index of open deliveries.
    /// Without `INDEXED BY` SQLite walks every delivery in id order to save sorting the open ones (`SCAN d`): on the
    /// medium ledger 170 million instructions in sqlite3 against 141 million through the index, and the gap grows with
    /// every delivery that comes in full (the index holds only the open ones).
    /// ```
    /// SEARCH d USING INDEX delivery_open (due<?)
    /// SEARCH k USING INTEGER PRIMARY KEY (rowid=?)      -- then r, s, sp the same way
    /// USE TEMP B-TREE FOR ORDER BY
    /// ```
    static let lateOpenSQL = """
        SELECT \(lateColumns), 0 AS later FROM delivery d INDEXED BY delivery_open \(lateJoins)
        WHERE d.status IN ('pending', 'partial') AND d.due < :asOf ORDER BY d.id
        """

    /// What the late deliveries (a JSON array of ids) should bring.
    /// ```
    /// SEARCH delivery_item USING PRIMARY KEY (delivery_id=?)
    /// LIST SUBQUERY 1: SCAN json_each VIRTUAL TABLE INDEX 1:
    /// ```
    static let lateItemsSQL = """
        SELECT delivery_id, commodity, unit, expected, received FROM delivery_item
        WHERE delivery_id IN (SELECT value FROM json_each(?)) ORDER BY delivery_id, commodity
        """

    /// What deliveries with later receipts had received by the day.
    /// ```
    /// SEARCH rc USING INDEX receipt_delivery (delivery_id=?)
    /// LIST SUBQUERY 1: SCAN json_each VIRTUAL TABLE INDEX 1:
    /// SEARCH i USING PRIMARY KEY (receipt_id=?)
    /// USE TEMP B-TREE FOR GROUP BY
    /// ```
    /// What came for one delivery as of a day, by commodity and the unit it came in (`receipt_delivery`), for the
    /// deliveries something came for: text shows a receipt in another unit than the decree's as it was entered.
    static let receivedByUnitSQL = """
        SELECT i.commodity, i.unit, sum(i.amount) FROM receipt rc JOIN receipt_item i ON i.receipt_id = rc.id
        WHERE rc.delivery_id = ? AND rc.day <= ? AND rc.voided = 0 GROUP BY i.commodity, i.unit ORDER BY i.commodity, i.unit
        """

    static let receivedAsOfSQL = """
        SELECT rc.delivery_id, i.commodity, sum(i.amount) AS n FROM receipt rc JOIN receipt_item i ON i.receipt_id = rc.id
        WHERE rc.delivery_id IN (SELECT value FROM json_each(?)) AND rc.day <= ? AND rc.voided = 0 GROUP BY rc.delivery_id, i.commodity
        """

    /// The late deliveries as of `:asOf` (due on or before `:lastDue`, some item short as of the day): the common
    /// part of the streaming listing and of its count.
    static let lateCTE = """
        WITH later(id) AS MATERIALIZED (SELECT rc.delivery_id FROM receipt rc WHERE rc.day > :asOf AND rc.voided = 0),
        cand AS (
          SELECT d.id, d.decree_id, d.recipient_id, d.period, d.due, 1 AS later FROM delivery d
          WHERE d.id IN (SELECT id FROM later) AND d.due <= :lastDue AND d.status <> 'cancelled'
          UNION ALL
          SELECT d.id, d.decree_id, d.recipient_id, d.period, d.due, 0 FROM delivery d INDEXED BY delivery_open
          WHERE d.status IN ('pending', 'partial') AND d.due <= :lastDue AND d.id NOT IN (SELECT id FROM later)
        ),
        late AS (
          SELECT c.* FROM cand c WHERE EXISTS (
            SELECT 1 FROM delivery_item i WHERE i.delivery_id = c.id AND i.expected > CASE WHEN c.later = 0 THEN i.received ELSE
              coalesce((SELECT sum(ri.amount) FROM receipt rc JOIN receipt_item ri ON ri.receipt_id = rc.id AND ri.commodity = i.commodity
                        WHERE rc.delivery_id = c.id AND rc.day <= :asOf AND rc.voided = 0), 0) END)
        )
        """

    /// The streaming `overdue` (one overdue_delivery rule, unscoped): the late deliveries found by `lateRunsSQL`
    /// (`:late`, a JSON array of each id times two, plus one where it has a receipt after the day), with their items,
    /// in the order the listing prints them (period, recipient handle, decree handle, then commodity), their runs 0
    /// (worked out from `lateRunsSQL`). A delivery with a receipt after `:asOf` counts what came by the day. The sort is
    /// SQLite's, which spills to disk, so memory stays flat. The runs were worked out here by two window functions
    /// (`row_number()` for islands, then `count(*)` over each): the second window's sort of every row cost more than
    /// reading the late deliveries' months again in their entitlements' order (sqlite3 shell, large ledger, CPU:
    /// 1.38 s with the windows, 0.85 s without plus 0.25–0.40 s for `lateRunsSQL`); and finding the late deliveries
    /// again here (`lateCTE`, every candidate's receipts summed) was a seventh of `overdue` (callgrind, medium).
    /// ```
    /// SCAN j VIRTUAL TABLE INDEX 1:, SEARCH d USING INTEGER PRIMARY KEY (rowid=?)
    /// SEARCH k, r, s, sp USING INTEGER PRIMARY KEY, SEARCH i USING PRIMARY KEY (delivery_id=?)
    /// CORRELATED SCALAR SUBQUERY: SEARCH rc USING INDEX receipt_delivery, SEARCH ri USING PRIMARY KEY
    /// USE TEMP B-TREE FOR ORDER BY
    /// ```
    static let lateInPrintOrderSQL = """
        WITH late(id, decree_id, recipient_id, period, due, later) AS (
          SELECT d.id, d.decree_id, d.recipient_id, d.period, d.due, j.value & 1 FROM json_each(:late) j
          CROSS JOIN delivery d ON d.id = j.value >> 1
        )
        SELECT c.id, c.period, c.due, k.id AS kid, k.handle AS kh, k.name AS kn, r.id AS rid, r.handle AS rh, r.name AS rn,
          s.id AS sid, s.handle AS sh, s.name AS sn, sp.id AS spid, sp.handle AS sph, sp.name AS spn, 0 AS run,
          i.commodity, i.unit, i.expected, CASE WHEN c.later = 0 THEN i.received ELSE
            coalesce((SELECT sum(ri.amount) FROM receipt rc JOIN receipt_item ri ON ri.receipt_id = rc.id AND ri.commodity = i.commodity
                      WHERE rc.delivery_id = c.id AND rc.day <= :asOf AND rc.voided = 0), 0) END AS got, c.later
        FROM late c JOIN decree k ON k.id = c.decree_id JOIN party r ON r.id = c.recipient_id JOIN party s ON s.id = k.supplier_id
        LEFT JOIN party sp ON sp.id = s.parent_id JOIN delivery_item i ON i.delivery_id = c.id
        ORDER BY c.period, r.handle, k.handle, i.commodity
        """

    /// The streaming `check`: the same late deliveries and items as `lateInPrintOrderSQL`, with no runs (0 in their
    /// column) and in no particular order but each delivery's items one after the other (the items are searched for
    /// each delivery in turn, innermost, as the plan shows): `check` sorts what it holds itself and works the runs out
    /// over it, so neither the windows nor the sort of every item row with its handles is paid for (on a copy of the
    /// medium ledger with 200,634 late deliveries, 0.52 s against 1.24 s for the sqlite3 shell).
    /// ```
    /// COMPOUND QUERY (late): SEARCH d USING INTEGER PRIMARY KEY for the later ones, UNION ALL
    ///   SEARCH d USING INDEX delivery_open (due<?) for the open ones; for each:
    /// CORRELATED SCALAR SUBQUERY: SEARCH i USING PRIMARY KEY (delivery_id=?), SEARCH rc USING INDEX receipt_delivery
    /// SEARCH k, r, s, sp USING INTEGER PRIMARY KEY, SEARCH i USING PRIMARY KEY (delivery_id=?)
    /// ```
    static let lateScanSQL = """
        \(lateCTE)
        SELECT c.id, c.period, c.due, k.id AS kid, k.handle AS kh, k.name AS kn, r.id AS rid, r.handle AS rh, r.name AS rn,
          s.id AS sid, s.handle AS sh, s.name AS sn, sp.id AS spid, sp.handle AS sph, sp.name AS spn, 0 AS run,
          i.commodity, i.unit, i.expected, CASE WHEN c.later = 0 THEN i.received ELSE
            coalesce((SELECT sum(ri.amount) FROM receipt rc JOIN receipt_item ri ON ri.receipt_id = rc.id AND ri.commodity = i.commodity
                      WHERE rc.delivery_id = c.id AND rc.day <= :asOf AND rc.voided = 0), 0) END AS got, c.later
        FROM late c JOIN decree k ON k.id = c.decree_id JOIN party r ON r.id = c.recipient_id JOIN party s ON s.id = k.supplier_id
        LEFT JOIN party sp ON sp.id = s.parent_id JOIN delivery_item i ON i.delivery_id = c.id
        """

    /// How many deliveries the streaming `overdue` lists (the dashboard's count): the late deliveries alone, without
    /// their runs, parties or items.
    /// ```
    /// MATERIALIZE later, cand: as lateInPrintOrderSQL
    /// SCAN c, CORRELATED SCALAR SUBQUERY: SEARCH i USING PRIMARY KEY (delivery_id=?)
    /// ```
    static let lateCountSQL = "\(lateCTE)\nSELECT count(*) FROM late"

    // MARK: - unanswered (and check, report, recording a letter): the waiting letters

    /// The waiting letters, with `filter` (more `AND` terms on `l`) in both halves: none (`unanswered`), a due day
    /// (`check`), or one letter (recording it).
    /// ```
    /// COMPOUND QUERY
    /// |--LEFT-MOST SUBQUERY
    /// |  |--SEARCH l USING INDEX letter_waiting (reply_due<?)   -- for one letter: SEARCH l USING INTEGER PRIMARY KEY
    /// |  |--SEARCH f USING INTEGER PRIMARY KEY (rowid=?)        -- then t, par, p, pp the same way
    /// |  `--CORRELATED SCALAR SUBQUERY: SEARCH x USING INDEX letter_petition (petition_id=?)
    /// `--UNION ALL
    ///    |--SEARCH r USING COVERING INDEX letter_day (day>?)
    ///    |--SEARCH l USING INDEX letter_answered_by (answered_by=?)
    ///    `--the same parties and subquery
    /// ```
    /// (Without a due day the first half is `SCAN l USING INDEX letter_waiting`: every letter still waiting, which
    /// is what `unanswered` lists; the partial index holds nothing else.)
    static func waitingSQL(_ filter: String, extra: String = "") -> String {
        """
        SELECT \(Ledger.waitingColumns)\(extra) FROM letter l \(Ledger.waitingJoins)
        WHERE l.expects_reply = 1 AND l.answered_by IS NULL AND l.voided = 0 AND +l.day <= :asOf\(filter)
        UNION ALL
        SELECT \(Ledger.waitingColumns)\(extra) FROM letter r CROSS JOIN letter l ON l.answered_by = r.id \(Ledger.waitingJoins)
        WHERE r.day > :asOf AND l.expects_reply = 1 AND l.voided = 0 AND +l.day <= :asOf\(filter)
        """
    }

    /// The waiting letters in the `unanswered` listing's order, by day sent and id. The day is sorted through a copy
    /// of it with a `+` (`sent_key`, after `waitingColumns`, not read): an `ORDER BY l.day` let SQLite walk `letter_day` over every letter to
    /// skip the sort (`SCAN l USING INDEX letter_day`). Plan: each half as in `waitingSQL`, each with `USE TEMP B-TREE
    /// FOR ORDER BY` over its waiting letters only, then `MERGE (UNION ALL)`. Wrapping the halves in a subquery sorted
    /// outside cost a third more instructions (the rows copied through a co-routine): 205 against 164 million for the
    /// sqlite3 shell on the medium ledger, 124 million unsorted.
    static func waitingInPrintOrderSQL(_ filter: String) -> String {
        waitingSQL(filter, extra: ", +l.day AS sent_key") + "\nORDER BY sent_key, 1"
    }
    /// How many letters `unanswered` lists as of `:asOf` (the dashboard's count): both halves of `waitingSQL`, counted
    /// without reading a row into Swift. The first half walks only the covering index `letter_waiting_sent`: through
    /// `letter_waiting` it read each waiting letter's row for its day, thousands of pages read again after every write.
    /// ```
    /// SCALAR SUBQUERY 1: SEARCH l USING COVERING INDEX letter_waiting_sent (day<?)
    /// SCALAR SUBQUERY 2: SEARCH r USING COVERING INDEX letter_day (day>?), SEARCH l USING INDEX letter_answered_by (answered_by=?)
    /// ```
    static let waitingCountSQL = """
        SELECT (SELECT count(*) FROM letter l INDEXED BY letter_waiting_sent
                WHERE l.expects_reply = 1 AND l.answered_by IS NULL AND l.voided = 0 AND l.day <= :asOf)
          + (SELECT count(*) FROM letter r CROSS JOIN letter l ON l.answered_by = r.id
             WHERE r.day > :asOf AND l.expects_reply = 1 AND l.voided = 0 AND +l.day <= :asOf)
        """

    /// The ids of the first `:limit` letters `unanswered` lists as of `:asOf`, in its order (sent, then id): the
    /// dashboard's rows, of which only these are then read whole (`waitingSQL` with ` AND l.id IN (...)`).
    /// ```
    /// CO-ROUTINE: SEARCH l USING COVERING INDEX letter_waiting_sent (day<?); UNION ALL SEARCH r USING COVERING INDEX
    ///   letter_day (day>?), SEARCH l USING INDEX letter_answered_by (answered_by=?)
    /// USE TEMP B-TREE FOR ORDER BY (a sorter that keeps the first :limit)
    /// ```
    static let firstWaitingSQL = """
        SELECT id FROM (
          SELECT l.id, l.day FROM letter l INDEXED BY letter_waiting_sent
          WHERE l.expects_reply = 1 AND l.answered_by IS NULL AND l.voided = 0 AND l.day <= :asOf
          UNION ALL
          SELECT l.id, l.day FROM letter r CROSS JOIN letter l ON l.answered_by = r.id
          WHERE r.day > :asOf AND l.expects_reply = 1 AND l.voided = 0 AND +l.day <= :asOf)
        ORDER BY day, id LIMIT :limit
        """

    /// How many petitions there are of each status.
    /// ```
    /// SCAN petition USING COVERING INDEX petition_status
    /// ```
    static let petitionCountsSQL = "SELECT status, count(*) AS n FROM petition GROUP BY status"

    /// The status of petition `p` as of `:asOf`, as the report works it out: the last status change recorded for a
    /// day on or before it (by day, then by event), else open.
    static let statusAsOf = """
        coalesce((SELECT json_extract(e.payload, '$.to') FROM event_subject s JOIN event e ON e.id = s.event_id
                  WHERE s.subject_type = 'petition' AND s.subject_id = p.id AND e.kind = '\(LedgerEvent.Kind.petitionStatusChanged.rawValue)' AND e.day <= :asOf
                  ORDER BY e.day DESC, e.id DESC LIMIT 1), 'open')
        """

    /// Of the petitions opened on or before `:asOf` that had a status change dated by then, how many had each status
    /// on that day: the last change by day, then by event, as `statusAsOf` picks it (the rest were open). One pass
    /// over the status changes to the day, grouped by petition; `statusAsOf` for each petition in turn walked every
    /// change to the day per petition (6.4 s against 13 ms for 5,000 petitions with 3 changes each, in sqlite3).
    /// ```
    /// SEARCH e USING INDEX event_kind (kind=? AND day<?)
    /// SEARCH s USING PRIMARY KEY (event_id=? AND subject_type=?)
    /// USE TEMP B-TREE FOR GROUP BY
    /// SCAN last
    /// SEARCH p USING INTEGER PRIMARY KEY (rowid=?)
    /// USE TEMP B-TREE FOR GROUP BY
    /// ```
    static let changedPetitionCountsSQL = """
        SELECT last.status AS status, count(*) AS n FROM (
          SELECT s.subject_id AS pid, json_extract(e.payload, '$.to') AS status, max(e.day || ' ' || printf('%019d', e.id)) AS latest
          FROM event e CROSS JOIN event_subject s ON s.event_id = e.id AND s.subject_type = 'petition'
          WHERE e.kind = '\(LedgerEvent.Kind.petitionStatusChanged.rawValue)' AND e.day <= :asOf GROUP BY s.subject_id) last
        CROSS JOIN petition p ON p.id = last.pid
        WHERE p.opened <= :asOf GROUP BY last.status
        """

    /// How many petitions were opened on or before `:asOf`.
    /// ```
    /// SCAN petition USING COVERING INDEX petition_status      -- petitions are few beside letters and events
    /// ```
    static let petitionsOpenedSQL = "SELECT count(*) FROM petition WHERE opened <= :asOf"

    /// Extensions of reply deadlines (a small table: `SCAN letter_extension`).
    static let extensionsSQL = "SELECT letter_id, span FROM letter_extension WHERE day <= ? ORDER BY id"
    /// Times petitions waited on their petitioners (a small table: `SCAN petition_pause`).
    static let pausesSQL = "SELECT petition_id, from_day, to_day FROM petition_pause WHERE from_day <= ?"

    // MARK: - check

    /// Open petitions and their last activity.
    /// ```
    /// SEARCH p USING INDEX petition_status (status=? AND opened<?)
    /// SEARCH f, a USING INTEGER PRIMARY KEY (rowid=?)
    /// CORRELATED SCALAR SUBQUERY 1: SEARCH s USING COVERING INDEX event_subject_by_subject (subject_type=? AND subject_id=?)
    ///                               SEARCH e USING INTEGER PRIMARY KEY (rowid=?)
    /// CORRELATED SCALAR SUBQUERY 2: SEARCH letter USING INDEX letter_petition (petition_id=?)
    /// ```
    static let petitionActivitySQL = """
        SELECT p.id, p.subject, p.category, p.opened, f.id AS fid, f.handle AS fh, f.name AS fn, a.id AS aid, a.handle AS ah, a.name AS an,
          max(p.opened,
              coalesce((SELECT max(e.day) FROM event_subject s JOIN event e ON e.id = s.event_id
                        WHERE s.subject_type = 'petition' AND s.subject_id = p.id AND e.day <= :asOf), p.opened),
              coalesce((SELECT max(day) FROM letter WHERE petition_id = p.id AND day <= :asOf AND voided = 0), p.opened)) AS last
        FROM petition p JOIN party f ON f.id = p.petitioner_id JOIN party a ON a.id = p.authority_id
        WHERE p.status = 'open' AND p.opened <= :asOf
        """

    // MARK: - report

    // The report's scoped queries are built by `dueItems` + `supplySelect`, `petitionRowsQuery` and
    // `authorityRowsQuery`; their plans, by scope:
    //
    // supply, whole ledger: MATERIALIZE later (SEARCH rc USING INDEX receipt_day (day>?), SEARCH ri USING PRIMARY KEY),
    //   SCAN d (every delivery due, in id order, on purpose: `QueryPlanTests.fullPasses`), SEARCH i USING PRIMARY KEY,
    //   SEARCH later USING AUTOMATIC COVERING INDEX (delivery_id=? AND commodity=?).
    // supply, --recipient: SEARCH d USING INDEX delivery_recipient (recipient_id=? AND period<?); --decree and
    //   --authority: SEARCH d USING INDEX sqlite_autoindex_delivery_1 (decree_id=?); --since: SEARCH d USING INDEX
    //   delivery_period (period>? AND period<?); each then USE TEMP B-TREE FOR ORDER BY.
    // petitions: SCAN p (petitions, not a large table) or SEARCH p USING INDEX petition_authority / petition_petitioner;
    //   the status as of the day: SEARCH s USING COVERING INDEX event_subject_by_subject, SEARCH e USING INTEGER PRIMARY KEY.
    // authorities, whole ledger: SCAN l (every letter sent up to the day, in table order, on purpose:
    //   `QueryPlanTests.fullPasses`); --since: SEARCH l USING INDEX letter_day (day>? AND day<?); --authority:
    //   SEARCH l USING INDEX letter_to (to_id=? AND day<?); --recipient: MULTI-INDEX OR over letter_from and
    //   letter_petition; the reply: SEARCH r USING INTEGER PRIMARY KEY.
    // finding trend: SEARCH event USING COVERING INDEX event_kind (kind=? AND day>? AND day<?), USE TEMP B-TREE FOR GROUP BY.

    /// Letters with attachments: `SCAN a USING INDEX attachment_letter` (attachments only), then `SEARCH l` and
    /// `SEARCH e USING INTEGER PRIMARY KEY`.
    static let letterDocumentsSQL = """
        SELECT l.id, l.day, l.from_id, l.to_id, count(*) AS n FROM attachment a
        JOIN letter l ON l.id = a.letter_id JOIN event e ON e.id = a.event_id
        WHERE a.removed_event_id IS NULL AND l.day <= ?1 AND e.day <= ?1
        GROUP BY l.id ORDER BY l.day, l.id
        """

    // MARK: - import (and the single commands)

    /// `SEARCH event USING INDEX event_kind (kind=?)`: the imports recorded before.
    static let importedDigestSQL = """
        SELECT day, actor, recorded_at FROM event WHERE kind = ? AND json_extract(payload, '$.digest') = ?
        ORDER BY id DESC LIMIT 1
        """
    /// `SEARCH party USING INDEX sqlite_autoindex_party_1 (handle=?)`.
    static let partyByHandleSQL = "SELECT id, kind, handle, name FROM party WHERE handle = ?"
    /// `SEARCH decree USING INDEX sqlite_autoindex_decree_1 (handle=?)`.
    static let decreeByHandleSQL = "SELECT * FROM decree WHERE handle = ?"
    /// `SEARCH delivery USING COVERING INDEX sqlite_autoindex_delivery_1 (decree_id=? AND recipient_id=? AND period=?)`.
    static let deliveryByPeriodSQL = "SELECT id FROM delivery WHERE decree_id = ? AND recipient_id = ? AND period = ?"

    // MARK: - The list

    /// Every hot query, with each variant a scope or a filter makes of it. Whole-ledger passes that read every row on
    /// purpose are named in `QueryPlanTests.fullPasses`, with why.
    static func hotQueries() -> [HotQuery] {
        let day = Day.minimum
        let party = PartyName(id: 1, handle: "x", name: "x")
        let scopes: [(String, ResolvedReportScope)] = [
            ("whole ledger", ResolvedReportScope(authority: nil, recipient: nil, recipientParties: [], decree: nil, since: nil)),
            ("--authority", ResolvedReportScope(authority: party, recipient: nil, recipientParties: [], decree: nil, since: nil)),
            ("--recipient", ResolvedReportScope(authority: nil, recipient: party, recipientParties: [1], decree: nil, since: nil)),
            ("--decree", ResolvedReportScope(authority: nil, recipient: nil, recipientParties: [], decree: party, since: nil)),
            ("--since", ResolvedReportScope(authority: nil, recipient: nil, recipientParties: [], decree: nil, since: day)),
        ]
        var out = [
            HotQuery(name: "overdue: deliveries with later receipts", sql: lateWithLaterReceiptsSQL),
            HotQuery(name: "overdue: open deliveries", sql: lateOpenSQL),
            HotQuery(name: "overdue: items", sql: lateItemsSQL),
            HotQuery(name: "overdue: received as of the day", sql: receivedAsOfSQL),
            HotQuery(name: "deliveries: received by unit", sql: receivedByUnitSQL),
            HotQuery(name: "deliveries: those with receipts after a day", sql: DeliveriesAsOf.receiptsAfterSQL),
            HotQuery(name: "overdue (streaming): late deliveries in print order", sql: lateInPrintOrderSQL),
            HotQuery(name: "overdue (streaming): the runs of missed periods", sql: lateRunsSQL),
            HotQuery(name: "check (streaming): late deliveries in no order", sql: lateScanSQL),
            HotQuery(name: "overdue (dashboard): how many are late", sql: lateCountSQL),
            HotQuery(name: "unanswered: waiting letters", sql: waitingSQL("")),
            HotQuery(name: "unanswered: waiting letters in print order", sql: waitingInPrintOrderSQL("")),
            HotQuery(name: "unanswered (dashboard): how many wait", sql: waitingCountSQL),
            HotQuery(name: "unanswered (dashboard): the first ones", sql: firstWaitingSQL),
            HotQuery(name: "dashboard: petitions by status", sql: petitionCountsSQL),
            HotQuery(name: "dashboard: petitions changed by a day, by status", sql: changedPetitionCountsSQL),
            HotQuery(name: "dashboard: petitions opened by a day", sql: petitionsOpenedSQL),
            HotQuery(name: "check: waiting letters due by a day", sql: waitingSQL(" AND (l.reply_due IS NULL OR l.reply_due <= :dueBy)")),
            HotQuery(name: "letter send: its own due day", sql: waitingSQL(" AND l.id = :id")),
            HotQuery(name: "unanswered: extensions", sql: extensionsSQL),
            HotQuery(name: "unanswered: pauses", sql: pausesSQL),
            HotQuery(name: "check: petition activity", sql: petitionActivitySQL),
            HotQuery(name: "report: finding trend", sql: findingTrendSQL),
            HotQuery(name: "report: documents", sql: letterDocumentsSQL),
            HotQuery(name: "import: earlier import of the same file", sql: importedDigestSQL),
            HotQuery(name: "import: party by handle", sql: partyByHandleSQL),
            HotQuery(name: "import: decree by handle", sql: decreeByHandleSQL),
            HotQuery(name: "import: delivery by period", sql: deliveryByPeriodSQL),
            // The search index's triggers run these for every letter and party recorded (schema.sql).
            HotQuery(
                name: "import: search text of a letter",
                sql:
                    "SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'letter' AND ref = ?"),
            HotQuery(
                name: "import: search text of a party",
                sql:
                    "SELECT key, kind, ref, title, body FROM search_folded WHERE kind = 'party' AND ref = ?"),
        ]
        out += EventQuery.hotQueries()
        for (scopeName, scope) in scopes {
            out.append(HotQuery(name: "report (\(scopeName)): supply", sql: dueItems(scope).sql + "\n" + supplySelect))
            out.append(HotQuery(name: "report (\(scopeName)): petitions", sql: petitionRowsQuery(scope, asOf: day).0))
            out.append(HotQuery(name: "report (\(scopeName)): authorities", sql: authorityRowsQuery(scope, asOf: day).0))
        }
        return out
    }
}
