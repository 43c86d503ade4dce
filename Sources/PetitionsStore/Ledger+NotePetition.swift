import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    /// The petition a case note was written on, or nil when there is no note `id` (a search result's link).
    public func petitionOfNote(_ id: Int64) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT petition_id FROM petition_note WHERE id = ?", arguments: [id]) }
    }
}
