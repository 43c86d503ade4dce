import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Trend of findings

    /// Findings raised and cleared per month by recorded checks on or before `asOf` (from `since` when given).
    public func findingTrend(asOf: Day, since: Day? = nil) throws -> [(month: String, raised: Int, cleared: Int)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: Ledger.findingTrendSQL, arguments: [asOf.description, (since.map { Period(containing: $0).first } ?? Day.minimum).description]
            )
            .map { ($0["month"], $0["raised"], $0["cleared"]) }
        }
    }

    /// `a + b`, or a sentence naming `what` when the sum runs past what an Int64 holds.
    /// `what` is worded only when the sum overflows: the report adds up a million delivery items.
    /// Findings raised and cleared per month, between two days (`event_kind`; plan in `Ledger+HotQueries.swift`).
    static let findingTrendSQL = """
        SELECT substr(day, 1, 7) AS month, sum(kind = '\(LedgerEvent.Kind.findingRaised.rawValue)') AS raised, sum(kind = '\(LedgerEvent.Kind.findingCleared.rawValue)') AS cleared
        FROM event WHERE kind IN ('\(LedgerEvent.Kind.findingRaised.rawValue)', '\(LedgerEvent.Kind.findingCleared.rawValue)') AND day <= ? AND day >= ? GROUP BY month ORDER BY month
        """

    static func checkedSum(_ a: Int64, _ b: Int64, _ what: @autoclosure () -> String) throws -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw PetitionsError(
                "The report cannot show \(what()): it adds up to more than can be counted; verify the ledger's amounts.", code: .dataError)
        }
        return sum
    }

    // MARK: - Redaction

    /// Every person of the ledger with the names of their dependants: what a redacted report must not show.
    public func personNames() throws -> [PersonNames] {
        try read { db in
            var out: [PersonNames] = []
            var index: [Int64: Int] = [:]
            let persons = try Row.fetchCursor(db, sql: "SELECT id, handle, name FROM party WHERE kind = 'person' ORDER BY id")
            while let r = try persons.next() {
                index[r["id"]] = out.count
                out.append(PersonNames(id: r["id"], handle: r["handle"], name: r["name"], dependants: []))
            }
            let dependants = try Row.fetchCursor(db, sql: "SELECT person_id, name FROM dependant ORDER BY id")
            while let r = try dependants.next() {
                if let i = index[r["person_id"]] { out[i].dependants.append(r["name"]) }
            }
            return out
        }
    }
}
