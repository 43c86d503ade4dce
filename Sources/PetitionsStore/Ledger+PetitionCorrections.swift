import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Correcting a petition

    /// Corrects a petition's subject, category or intermediary as one `petition.updated` event; returns the petition and
    /// the fields that changed.
    public func update(_ change: PetitionChange, on day: Day?) throws -> (petition: Petition, changed: [String]) {
        try refuseAfterToday(day, "a correction")
        let changed = try transaction { try $0.update(change, on: day ?? context.today) }
        return (try petition(change.petition), changed)
    }

    /// Writes corrected fields of a petition (from this ledger's command or another office's event).
    func applyPetitionFields(_ db: Database, _ id: Int64, _ fields: [String: JSONValue]) throws {
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch key {
            case "subject":
                guard let s = value.text else { throw PetitionsError("its payload clears the subject of petition \(id).") }
                try db.execute(sql: "UPDATE petition SET subject = ? WHERE id = ?", arguments: [try Ledger.checkName(s, field: "subject"), id])
            case "category":
                try db.execute(sql: "UPDATE petition SET category = ? WHERE id = ?", arguments: [value.text, id])
            case "via":
                let via = try value.text.map { try resolveParty(db, $0, kinds: [.person], field: "via").id }
                try db.execute(sql: "UPDATE petition SET via_id = ? WHERE id = ?", arguments: [via, id])
            default:
                throw PetitionsError("its payload corrects \(quoted(key)), which is not a field of a petition.")
            }
        }
    }

    // MARK: - Case notes

    /// Writes a case note on a petition.
    public func notePetition(_ id: Int64, text: String, on day: Day?) throws -> PetitionNote {
        let noteID = try transaction { try $0.notePetition(id, text: text, on: day ?? context.today) }
        return try read { db in
            guard let n = try NoteRecord.fetchOne(db, sql: NoteRecord.sql(where: "n.id = ?"), arguments: [noteID]) else {
                throw PetitionsError("note: no note with id \(noteID).")
            }
            return n.note
        }
    }

    /// A petition's notes, oldest first: its case notes and the notes given with changes of its status.
    public func notes(petition id: Int64) throws -> [PetitionNote] {
        try read { db in
            try NoteRecord.fetchAll(db, sql: NoteRecord.sql(where: "n.petition_id = ?"), arguments: [id]).map(\.note)
        }
    }
}

extension LedgerTransaction {
    // MARK: - Correcting a petition, case notes

    /// Corrects a petition in this transaction; returns the fields that changed (none when nothing would).
    func update(_ change: PetitionChange, on day: Day) throws -> [String] {
        guard !change.isEmpty else {
            throw PetitionsError("Say what to correct: give --subject, --category, --via or --no-via.", code: .usage)
        }
        let p = try ledger.requirePetition(db, change.petition, field: "petition")
        let current: [String: JSONValue] = ["subject": .string(p.subject), "category": p.category.json, "via": p.via.json]
        var after: [String: JSONValue] = [:]
        if let s = change.subject { after["subject"] = .string(try Ledger.checkName(s, field: "--subject")) }
        if let c = change.category { after["category"] = (Ledger.nonEmpty(c)?.lowercased()).json }
        if let via = change.via {
            after["via"] =
                try via.map { ref in
                    let v = try ledger.resolveParty(db, ref, kinds: [.person], field: "--via")
                    guard v.handle != p.petitioner else { throw Ledger.ownIntermediary(v.handle) }
                    return JSONValue.string(v.handle)
                } ?? .null
        }
        after = after.filter { (current[$0.key] ?? .null) != $0.value }
        guard !after.isEmpty else { return [] }
        let before = Dictionary(uniqueKeysWithValues: after.keys.map { ($0, current[$0] ?? .null) })
        let fields = after.keys.sorted()
        try append(
            PetitionUpdated(petition: p.id, before: before, after: after).event, day: day, subjects: [Subject("petition", p.id)],
            summary: "Petition \(p.id) corrected: \(fields.joined(separator: ", "))")
        try ledger.applyPetitionFields(db, p.id, after)
        return fields
    }

    /// Writes a case note on a petition in this transaction; returns its id.
    func notePetition(_ id: Int64, text: String, on day: Day) throws -> Int64 {
        let p = try ledger.requirePetition(db, id, field: "petition")
        let text = try Ledger.checkName(text, field: "--text")
        let eventID = try append(
            PetitionNoted(petition: p.id, text: text).event, day: day, subjects: [Subject("petition", p.id)],
            summary: "Note on petition \(p.id): \(text.count > 60 ? String(text.prefix(59)) + "…" : text)")
        try db.execute(
            sql: "INSERT INTO petition_note(petition_id, day, text, office, event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [p.id, day.description, text, stamp.office, eventID])
        return db.lastInsertedRowID
    }
}
