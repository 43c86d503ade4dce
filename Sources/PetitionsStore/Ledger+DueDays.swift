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

    /// Stores the reply due day of a letter just sent, from the facts the caller holds (`sentLetterFacts`). The general
    /// path (`storeReplyDue(_:letters:)` through `waitingLetters`) read every extension and pause in the ledger and
    /// built rows through three cursors for each letter: a third of `import letters`.
    func storeReplyDue(
        _ db: Database, sent id: Int64, from f: PartyRef, to t: PartyRef, on day: Day, subject: String, petition: Int64?,
        replyWithin: Span?
    ) throws {
        guard let dueDays else { return }
        let letter = try sentLetterFacts(
            db, id: id, from: f, to: t, on: day, subject: subject, petition: petition, replyWithin: replyWithin)
        try checkSentLetterFacts(db, letter)
        let due = dueDays.replyDue(letter).description
        try db.execute(bound: "UPDATE letter SET reply_due = ? WHERE id = ? AND reply_due IS NOT ?", due, id, due)
    }

    /// The reply due day of a letter about to be inserted (nil without rules), worked out as `storeReplyDue(_:sent:…)`
    /// works it out, so that the letter is inserted with it: storing it by an `UPDATE` after the insert was a twentieth
    /// of `import letters`. No rule's scope or window looks at a letter's id. The caller checks the facts once the
    /// letter is in (`checkSentLetterFacts`).
    func replyDue(
        _ db: Database, sending f: PartyRef, to t: PartyRef, on day: Day, subject: String, petition: Int64?, replyWithin: Span?
    ) throws -> String? {
        guard let dueDays else { return nil }
        return dueDays.replyDue(
            try sentLetterFacts(db, id: 0, from: f, to: t, on: day, subject: subject, petition: petition, replyWithin: replyWithin)
        ).description
    }

    /// A letter just sent (or about to be) as the rules see it, from the facts the caller holds: the addressee's window
    /// and parent (once per addressee during an import), and for a letter on a petition its category, petitioner and
    /// ended pauses, through cached statements. A new letter has no extension and no later letter, and its clock
    /// starts on its day.
    func sentLetterFacts(
        _ db: Database, id: Int64, from f: PartyRef, to t: PartyRef, on day: Day, subject: String, petition: Int64?,
        replyWithin: Span?
    ) throws -> WaitingLetter {
        let addressee = try addresseeFacts(db, t.id)
        var petitionCategory: String?
        var petitionSubject: String?
        var petitioner: PartyName?
        var pauses: [DayRange] = []
        if let petition {
            if let row = try Row.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT p.category, pp.id AS pid, pp.handle, pp.name, p.subject FROM petition p LEFT JOIN party pp ON pp.id = p.petitioner_id WHERE p.id = ?"
                ),
                arguments: [petition])
            {
                // By name: one row per letter recorded, not a hot loop.
                petitionCategory = row["category"]
                petitionSubject = row["subject"]
                let petitionerID: Int64? = row["pid"]
                petitioner = petitionerID.map { PartyName(id: $0, handle: row["handle"], name: row["name"]) }
            }
            // Only the pauses that ended count for the stored day (an open one only moves it later).
            let rows = try Row.fetchCursor(
                db.cachedStatement(sql: "SELECT from_day, to_day FROM petition_pause WHERE petition_id = ? AND to_day IS NOT NULL ORDER BY from_day"),
                arguments: [petition])
            while let row = try rows.next() {
                guard let from = try row.decodeIfPresent(atIndex: 0, named: "from_day", as: Day.self) else { continue }
                pauses.append(DayRange(from: from, to: try row.decodeIfPresent(atIndex: 1, named: "to_day")))
            }
        }
        return WaitingLetter(
            id: id, from: PartyName(id: f.id, handle: f.handle, name: f.name), to: PartyName(id: t.id, handle: t.handle, name: t.name),
            toParent: addressee.parent, sent: day, clockStart: day, subject: subject, petition: petition, petitionCategory: petitionCategory,
            petitioner: petitioner, ownWithin: try replyWithin.map { try Span(parsing: $0.description) }, authorityWithin: addressee.within,
            extensions: [], pauses: pauses, followUps: 0, petitionSubject: petitionSubject)
    }

    /// In a debug build (every test), asserts that the facts of a letter just inserted are what the general path
    /// (`waitingLetters`) reads for it.
    func checkSentLetterFacts(_ db: Database, _ letter: WaitingLetter) throws {
        #if DEBUG
            let general = try waitingLetters(db, asOf: Day.maximum, dueBy: nil, only: [letter.id]).map { l -> WaitingLetter in
                var l = l
                l.pauses = l.pauses.filter { $0.to != nil }
                return l
            }
            assert(general == [letter], "the due day of a letter sent is worked out from other facts than waitingLetters reads")
        #endif
    }

    /// An addressee's own reply window and the authority above it, remembered during an import.
    func addresseeFacts(_ db: Database, _ id: Int64) throws -> AddresseeFacts {
        if let known = lookups.addressee(id) { return known }
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT t.reply_within, par.id AS pid, par.handle, par.name FROM party t LEFT JOIN party par ON par.id = t.parent_id WHERE t.id = ?"
                ),
                arguments: [id])
        else { throw PetitionsError("party: no party with id \(id).", field: "party", kind: .notFound) }
        // By name: once per addressee (kept in `lookups`), not a hot loop.
        let parentID: Int64? = row["pid"]
        let facts = AddresseeFacts(
            within: try row.decodeIfPresent(Column("reply_within")),
            parent: parentID.map { PartyName(id: $0, handle: row["handle"], name: row["name"]) })
        lookups.remember(facts, for: id)
        return facts
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
        try transaction { try $0.extendLetter(id, by: span, reason: reason, on: day) }
        return try letter(id)
    }
}

extension LedgerTransaction {
    // MARK: - Deadlines of letters

    /// Extends a letter's deadline in this transaction.
    func extendLetter(_ id: Int64, by span: Span, reason: String, on day: Day) throws {
        let reason = try Ledger.checkName(reason, field: "--reason")
        guard
            let row = try Row.fetchOne(db, sql: "SELECT direction, expects_reply, voided, answered_by, day FROM letter WHERE id = ?", arguments: [id])
        else {
            throw try Ledger.noLetter(db, id, field: "letter")
        }
        // Void first: a voided letter, received or sent, is what the clerk must hear of, not that it expects no reply.
        guard (row["voided"] as Int64) == 0 else { throw PetitionsError.invalid("letter", String(id), "is void") }
        guard (row["direction"] as String) == "sent", (row["expects_reply"] as Int64) == 1 else {
            throw PetitionsError.invalid("letter", String(id), "expects no reply, so it has no deadline to extend")
        }
        guard (row["answered_by"] as Int64?) == nil else { throw PetitionsError.invalid("letter", String(id), "has already been answered") }
        guard day.description >= (row["day"] as String) else {
            throw PetitionsError.invalid("--on", day.description, "is before letter \(id) was sent on \(row["day"] as String)")
        }
        let eventID = try append(
            .letterExtended(LetterExtended(letter: id, by: span.description, reason: reason)), day: day,
            subjects: [Subject("letter", id)], summary: "Deadline of letter \(id) extended by \(span): \(reason)")
        try db.execute(
            sql: "INSERT INTO letter_extension(letter_id, span, reason, day, event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, span.description, reason, day.description, eventID])
        _ = try ledger.storeReplyDue(db, letters: [id])
    }
}

/// What the due day of a letter needs to know of its addressee.
struct AddresseeFacts {
    /// The addressee's own reply window.
    var within: Span?
    /// The authority above the addressee.
    var parent: PartyName?
}
