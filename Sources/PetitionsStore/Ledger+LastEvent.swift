import GRDB
import PetitionsDomain

extension Ledger {
    /// The id of the last event recorded (0 when none): any recorded change, a setting's included, moves it, so a
    /// front end may keep what it computed from the ledger for as long as it stays the same.
    public func lastEventID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM event")) ?? 0 }
    }
}
