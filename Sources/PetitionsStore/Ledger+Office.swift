import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - The office itself

    /// The office that keeps the ledger, as a party of kind `office` with id 0 (so that no other party's id moves),
    /// recorded by the event that initialised the ledger. Its handle is the office name given to `init`.
    func addOfficeParty(_ db: Database, eventID: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM party WHERE id = 0") != true else { return }
        try db.execute(
            sql: "INSERT INTO party(id, kind, handle, name, office, event_id) VALUES (0, 'office', ?, ?, ?, ?)",
            arguments: [try Schema.officeHandle(db, context.office), context.office, context.office, eventID])
        try db.execute(sql: "INSERT INTO event_subject VALUES (?, 'party', 0)", arguments: [eventID])
    }

    /// This ledger's own office party (id 0), when the ledger was initialised.
    public func officeParty() throws -> Party? {
        try read { db in try loadParties(db, PartyQuery(id: 0)).first }
    }

    /// Corrects the office's name, address and e-mail (one `party.updated` event) and its signature (a setting,
    /// `setting.changed`); returns the office party, its signature and the fields that changed (`signature` among
    /// them): none when the office already held every value given, and nothing was recorded.
    public func setOffice(name: String?, address: String?, email: String?, signature: String?, on day: Day?) throws -> (
        office: Party, signature: String?, changed: [String]
    ) {
        // The correction of the party is the intent's event; the signature, a setting, has its own.
        let changed: [String] = try transaction { tx in
            let db = tx.db
            guard let handle = try String.fetchOne(db, sql: "SELECT handle FROM party WHERE id = 0") else {
                throw PetitionsError("The ledger \(path) has no office yet; run petitions init --office NAME first.", code: .usage)
            }
            var change = PartyChange(party: handle, kinds: [.office])
            change.name = name
            change.address = address
            change.email = email
            var changed = change.isEmpty ? [] : try tx.update(change, on: day ?? context.today).1
            if let signature {
                try ControlCharacters.refuse(signature, field: "--signature")
                let value = Ledger.nonEmpty(signature)
                let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'signature'")
                if old != value {
                    try appendEvent(
                        db, SettingChanged(key: "signature", value: value).event, day: day ?? context.today, subjects: [],
                        summary: value == nil ? "Office signature removed" : "Office signature set")
                    if let value {
                        try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('signature', ?)", arguments: [value])
                    } else {
                        try db.execute(sql: "DELETE FROM setting WHERE key = 'signature'")
                    }
                    changed.append("signature")
                }
            }
            return changed
        }
        guard let office = try officeParty() else { throw PetitionsError("The ledger has no office party.", code: .software) }
        return (office, try setting("signature"), changed)
    }
}
