import GRDB
import PetitionsDomain

extension Ledger {
    /// The first `limit` letters waiting for a reply as of `asOf` in the `unanswered` listing's order (sent, then id),
    /// and how many wait in all (every letter `waitingLetters(asOf:)` reads that was sent on or before the day): the
    /// count and the ids from two indexed queries, then those letters alone read as `waitingLetters` reads them.
    public func waitingHead(asOf: Day, limit: Int) throws -> RowPage<WaitingLetter> {
        try read { db in
            let args: StatementArguments = ["asOf": asOf.description, "limit": limit]
            let total = try Int.fetchOne(db.cachedStatement(sql: Ledger.waitingCountSQL), arguments: ["asOf": asOf.description]) ?? 0
            let ids = try Int64.fetchAll(db.cachedStatement(sql: Ledger.firstWaitingSQL), arguments: args)
            guard !ids.isEmpty else { return RowPage(rows: [], total: total) }
            return RowPage(rows: try waitingLetters(db, asOf: asOf, dueBy: nil, only: ids), total: total)
        }
    }

    /// The first `limit` late deliveries as of `asOf` in the `overdue` listing's order, each with its run of missed
    /// periods (as `streamLateDeliveries` hands them), and how many are late in all (due on or before `lastDue`).
    public func lateHead(asOf: Day, lastDue: Day, limit: Int) throws -> RowPage<(delivery: LateDelivery, run: Int)> {
        try read { db in
            let total =
                try Int.fetchOne(
                    db.cachedStatement(sql: Ledger.lateCountSQL), arguments: ["asOf": asOf.description, "lastDue": lastDue.description]) ?? 0
            var rows: [(delivery: LateDelivery, run: Int)] = []
            if limit > 0 {
                try streamLateDeliveries(db, asOf: asOf, lastDue: lastDue) { d, run, _ in
                    rows.append((d, run))
                    return rows.count < limit
                }
            }
            return RowPage(rows: rows, total: total)
        }
    }

    /// How many petitions opened on or before `asOf` had each status on that day, as the report works it out: those
    /// with a status change dated by then by the last of them, the others open.
    public func petitionCounts(asOf: Day) throws -> [PetitionStatus: Int] {
        try read { db in
            let args: StatementArguments = ["asOf": asOf.description]
            var counts: [PetitionStatus: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: Ledger.changedPetitionCountsSQL), arguments: args) {
                counts[try row.stored(PetitionStatus.self, "status")] = row["n"]
            }
            let opened = try Int.fetchOne(db.cachedStatement(sql: Ledger.petitionsOpenedSQL), arguments: args) ?? 0
            let unchanged = opened - counts.values.reduce(0, +)
            if unchanged > 0 { counts[.open, default: 0] += unchanged }
            return counts
        }
    }

    /// How many petitions there are of each status (one covering index: `petition_status`).
    public func petitionCounts() throws -> [PetitionStatus: Int] {
        try read { db in
            var counts: [PetitionStatus: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: Ledger.petitionCountsSQL)) {
                counts[try row.stored(PetitionStatus.self, "status")] = row["n"]
            }
            return counts
        }
    }
}

extension Ledger {
    /// ` LIMIT n OFFSET m` for a listing's query, or nothing without a window (both are whole numbers, not text).
    static func limitClause(_ window: RowWindow?) -> String {
        window.map { " LIMIT \(max(0, $0.limit)) OFFSET \(max(0, $0.offset))" } ?? ""
    }
}
