import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Recorded checks

    /// Records each finding that appeared, changed severity or cleared since the last recorded check, as events
    /// on the as-of day. Recording the same findings again writes nothing.
    public func recordFindings(_ findings: [FindingRecord], asOf: Day) throws -> RecordedCheck {
        try recordFindings(asOf: asOf) { record in
            for f in findings { try record(f) }
        }
    }

    /// The same, with the findings handed to `record` one at a time by `produce`, in their order, inside the one
    /// transaction: none of them need be held (`check --record` words each as it goes).
    public func recordFindings(asOf: Day, _ produce: (_ record: (FindingRecord) throws -> Void) throws -> Void) throws -> RecordedCheck {
        try write { db in
            var previous: [String: (severity: String, type: String, id: Int64, message: String, rule: String)] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM finding_state") {
                previous[r["key"]] = (r["severity"], r["subject_type"], r["subject_id"], r["message"], r["rule"])
            }
            var raised = 0
            var cleared = 0
            var current = Set<String>()
            try produce { f in
                current.insert(f.key)
                if let p = previous[f.key], p.severity == f.severity { return }
                let event = FindingRaised(
                    key: f.key, rule: f.rule, kind: f.kind, severity: f.severity, previousSeverity: previous[f.key]?.severity,
                    message: f.message)
                try appendEvent(
                    db, event.event, day: asOf, subjects: Ledger.findingSubjects(f.subjectType, f.subjectID),
                    summary: "[\(f.severity)] \(f.message)")
                try db.execute(
                    sql: """
                        INSERT INTO finding_state(key, rule, kind, subject_type, subject_id, severity, since, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(key) DO UPDATE SET severity = excluded.severity, message = excluded.message
                        """, arguments: [f.key, f.rule, f.kind, f.subjectType, f.subjectID, f.severity, asOf.description, f.message])
                raised += 1
            }
            for (key, p) in previous.sorted(by: { $0.key < $1.key }) where !current.contains(key) {
                try appendEvent(
                    db, .findingCleared(FindingCleared(key: key, rule: p.rule, severity: p.severity, message: p.message)), day: asOf,
                    subjects: Ledger.findingSubjects(p.type, p.id), summary: "Cleared: \(p.message)")
                try db.execute(sql: "DELETE FROM finding_state WHERE key = ?", arguments: [key])
                cleared += 1
            }
            return RecordedCheck(raised: raised, cleared: cleared)
        }
    }

    static func findingSubjects(_ type: String, _ id: Int64) -> [Subject] {
        switch type {
        case "letter", "delivery", "petition", "party", "decree": return [Subject(type, id)]
        case "arrears": return [Subject("party", id)]
        default: return []
        }
    }

    /// Findings raised and cleared per month, from recorded checks.
    public func findingTrend() throws -> [(month: String, raised: Int, cleared: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT substr(day, 1, 7) AS month, sum(kind = '\(LedgerEvent.Kind.findingRaised.rawValue)') AS raised, sum(kind = '\(LedgerEvent.Kind.findingCleared.rawValue)') AS cleared
                    FROM event WHERE kind IN ('\(LedgerEvent.Kind.findingRaised.rawValue)', '\(LedgerEvent.Kind.findingCleared.rawValue)') GROUP BY month ORDER BY month
                    """
            ).map { ($0["month"], $0["raised"], $0["cleared"]) }
        }
    }
}
