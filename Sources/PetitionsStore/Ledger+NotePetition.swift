import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    /// The petition a note was written on, or nil when there is no note `id` (a search result's link).
    public func petitionOfNote(_ id: Int64) throws -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT petition_id FROM petition_note WHERE id = ?", arguments: [id]) }
    }

    /// Status changes whose note is not among their petition's notes (schema v11's trigger writes it with the event):
    /// `petition show` would not list it, nor search find it.
    func statusNoteProblems(_ db: Database, limit: Int) throws -> [String] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT s.subject_id AS petition, e.id AS event, e.day FROM event e
                  JOIN event_subject s ON s.event_id = e.id AND s.subject_type = 'petition'
                  JOIN petition t ON t.id = s.subject_id
                 WHERE e.kind = ? AND json_type(e.payload, '$.note') = 'text' AND length(trim(json_extract(e.payload, '$.note'))) > 0
                   AND NOT EXISTS (SELECT 1 FROM petition_note n WHERE n.event_id = e.id AND n.petition_id = s.subject_id)
                 ORDER BY e.id LIMIT \(limit)
                """, arguments: [LedgerEvent.Kind.petitionStatusChanged.rawValue]
        ).map { r in
            "petition \(r["petition"] as Int64): the note of its change of status on \(r["day"] as String) (event \(r["event"] as Int64)) is not among its notes"
        }
    }
}
