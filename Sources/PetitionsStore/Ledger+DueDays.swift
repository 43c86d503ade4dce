import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Stored due days

    /// Recomputes the stored reply due day of the given letters (all waiting letters when nil) with `replyDue`.
    func storeReplyDue(_ db: Database, letters ids: [Int64]?) throws -> Int {
        guard let dueDays else { return 0 }
        let letters = try waitingLetters(db, asOf: Day.maximum, dueBy: nil, only: ids)
        let update = try db.cachedStatement(sql: "UPDATE letter SET reply_due = ? WHERE id = ? AND reply_due IS NOT ?")
        var changed = 0
        for var l in letters {
            // An open pause only ever moves the due day later: the stored day stays the earliest it can be.
            l.pauses = l.pauses.filter { $0.to != nil }
            let due = dueDays.replyDue(l).description
            try update.execute(arguments: [due, l.id, due])
            changed += db.changesCount
        }
        return changed
    }

    /// Recomputes every waiting letter's stored due day (after the calendar or the rules changed), as one event.
    public func applyRules(on day: Day, reason: String) throws -> Int {
        try write { db in
            let n = try storeReplyDue(db, letters: nil)
            try appendEvent(
                db, .rulesApplied(RulesApplied(changed: Int64(n), reason: reason)), day: day, subjects: [],
                summary: "Due days recomputed (\(n) changed): \(reason)")
            return n
        }
    }

    /// Stores a setting (the ledger's own calendar or rules) as a recorded event.
    public func storeSetting(_ key: String, value: String?, on day: Day, summary: String) throws {
        try write { db in
            if let value {
                try db.execute(
                    sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
            try appendEvent(db, .settingChanged(SettingChanged(key: key, value: value)), day: day, subjects: [], summary: summary)
            _ = try storeReplyDue(db, letters: nil)
        }
    }

    // MARK: - Deadlines of letters

    /// Extends one letter's reply deadline by `span`, as a recorded event.
    public func extendLetter(_ id: Int64, by span: Span, reason: String, on day: Day) throws -> Letter {
        try write { db in try extendLetter(db, id, by: span, reason: reason, on: day, stamp: newStamp()) }
        return try letter(id)
    }

    /// Extends a letter's deadline in the current transaction under `stamp`.
    func extendLetter(_ db: Database, _ id: Int64, by span: Span, reason: String, on day: Day, stamp: EventStamp) throws {
        let reason = try Ledger.checkName(reason, field: "--reason")
        guard
            let row = try Row.fetchOne(db, sql: "SELECT direction, expects_reply, voided, answered_by, day FROM letter WHERE id = ?", arguments: [id])
        else {
            throw PetitionsError("letter: no letter with id \(id).", field: "letter", kind: .notFound)
        }
        guard (row["direction"] as String) == "sent", (row["expects_reply"] as Int64) == 1 else {
            throw PetitionsError.invalid("letter", String(id), "expects no reply, so it has no deadline to extend")
        }
        guard (row["voided"] as Int64) == 0 else { throw PetitionsError.invalid("letter", String(id), "is void") }
        guard (row["answered_by"] as Int64?) == nil else { throw PetitionsError.invalid("letter", String(id), "has already been answered") }
        guard day.description >= (row["day"] as String) else {
            throw PetitionsError.invalid("--on", day.description, "is before letter \(id) was sent on \(row["day"] as String)")
        }
        let eventID = try appendEvent(
            db, .letterExtended(LetterExtended(letter: id, by: span.description, reason: reason)), day: day,
            subjects: [Subject("letter", id)], summary: "Deadline of letter \(id) extended by \(span): \(reason)",
            stamp: stamp)
        try db.execute(
            sql: "INSERT INTO letter_extension(letter_id, span, reason, day, event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, span.description, reason, day.description, eventID])
        _ = try storeReplyDue(db, letters: [id])
    }
}
