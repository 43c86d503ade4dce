import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    /// The dated household records (schema v8) against the households they date: each dependant held now has one
    /// open span saying the same, each head-count in force one open span of the same count, no open span outlives
    /// its record, and no span ends before it begins. A difference would count a household differently for past
    /// periods than for today's.
    func householdSpanProblems(_ db: Database, limit: Int) throws -> [String] {
        var problems: [String] = []
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.person_id, (SELECT count(*) FROM dependant_span s WHERE s.dependant_id = d.id AND s.to_day IS NULL
                  AND s.person_id = d.person_id AND s.name = d.name AND s.category = d.category) AS open
                FROM dependant d WHERE open <> 1 LIMIT \(limit)
                """)
        {
            problems.append(
                "dependant \(r["id"] as Int64) of party \(r["person_id"] as Int64): has \(r["open"] as Int64) open household spans saying the same; it should have 1"
            )
        }
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.person_id FROM dependant_span s WHERE s.to_day IS NULL
                  AND (s.dependant_id IS NULL OR NOT EXISTS (SELECT 1 FROM dependant d WHERE d.id = s.dependant_id)) LIMIT \(limit)
                """)
        {
            problems.append(
                "dependant_span \(r["id"] as Int64) of party \(r["person_id"] as Int64): is open but no dependant of the household holds it")
        }
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT c.group_id, c.category, c.count, (SELECT count(*) FROM group_count_span s WHERE s.group_id = c.group_id
                  AND s.category = c.category AND s.count = c.count AND s.to_day IS NULL) AS open
                FROM group_count c WHERE open <> 1 LIMIT \(limit)
                """)
        {
            problems.append(
                "group_count of party \(r["group_id"] as Int64): the head-count \(r["category"] as String)=\(r["count"] as Int64) has \(r["open"] as Int64) open spans saying the same; it should have 1"
            )
        }
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, s.group_id, s.category FROM group_count_span s WHERE s.to_day IS NULL AND NOT EXISTS (
                  SELECT 1 FROM group_count c WHERE c.group_id = s.group_id AND c.category = s.category AND c.count = s.count) LIMIT \(limit)
                """)
        {
            problems.append(
                "group_count_span \(r["id"] as Int64) of party \(r["group_id"] as Int64): is open for \(r["category"] as String) but the group's head-count is not what it says"
            )
        }
        // Two head-counts of one category in force on the same day would count it twice for that day.
        for r in try Row.fetchAll(
            db,
            sql: """
                SELECT a.id AS a, b.id AS b, a.group_id, a.category FROM group_count_span a JOIN group_count_span b
                  ON b.group_id = a.group_id AND b.category = a.category AND b.id > a.id
                WHERE (a.from_day IS NULL OR a.to_day IS NULL OR a.from_day < a.to_day)
                  AND (b.from_day IS NULL OR b.to_day IS NULL OR b.from_day < b.to_day)
                  AND (a.from_day IS NULL OR b.to_day IS NULL OR a.from_day < b.to_day)
                  AND (b.from_day IS NULL OR a.to_day IS NULL OR b.from_day < a.to_day) LIMIT \(limit)
                """)
        {
            problems.append(
                "group_count_span \(r["a"] as Int64) and \(r["b"] as Int64) of party \(r["group_id"] as Int64): both count \(r["category"] as String) on the same days"
            )
        }
        for table in ["dependant_span", "group_count_span"] {
            for r in try Row.fetchAll(
                db,
                sql:
                    "SELECT id, from_day, to_day FROM \(table) WHERE from_day IS NOT NULL AND to_day IS NOT NULL AND to_day < from_day LIMIT \(limit)"
            ) {
                problems.append("\(table) \(r["id"] as Int64): ends on \(r["to_day"] as String), before it begins on \(r["from_day"] as String)")
            }
        }
        return problems
    }
}
