import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Another office's own party

    /// The handle of another office's own party, as that office's `init` made it from its name, passed through `map`.
    static func officeHandle(of office: String, map: [String: String]) -> String {
        let theirs = Schema.officeHandleBase(office)
        return map[theirs] ?? theirs
    }

    /// Replays another office's `ledger.initialized`: that office's own party (kind office) is made here, recorded by
    /// this event as it is in its own ledger, so that the letters it sent and received, and the changes to its name,
    /// merge like any other party's. Its settings stay in its ledger. Returns whether the party was already here.
    func replayOfficeInitialized(_ db: Database, _ e: ExchangedEvent, _ event: LedgerEvent, office: String, map: [String: String]) throws
        -> Bool
    {
        let handle = Ledger.officeHandle(of: office, map: map)
        if let id = try existing(db, "party", handle) { return try keep(db, e, event, subjects: [Subject("party", id)]) }
        let name = try Ledger.checkName(office, field: "office")
        _ = try keep(db, e, event, subjects: [])
        guard let eventID = try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE uuid = ?", arguments: [e.uuid]) else {
            throw PetitionsError("The event \(e.uuid) just merged cannot be found.", code: .software)
        }
        // Below 0, as this office's own party is 0, so that no other party's id moves: offices that record the same
        // parties in the same order keep the same ids, as they did before offices were parties.
        let id = try Int64.fetchOne(db, sql: "SELECT min(coalesce(min(id), 0), 0) - 1 FROM party") ?? -1
        try db.execute(
            sql: "INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (?, 'office', ?, ?, ?, ?)",
            arguments: [id, handle, name, e.office, eventID])
        try db.execute(sql: "INSERT INTO event_subject VALUES (?, 'party', ?)", arguments: [eventID, id])
        return false
    }
}
