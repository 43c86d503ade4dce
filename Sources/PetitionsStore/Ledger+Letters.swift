import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Letters

    /// Records a letter sent by our side (a petitioner we act for, or the office) to an authority, the office or a petitioner.
    /// With `restartsClock`, the earlier unanswered letters to the same authority on the same petition wait from this day.
    /// `body` is the whole text of the letter (e.g. the draft it was sent from), kept in the event's payload.
    public func sendLetter(
        from: String, to: String, on day: Day, subject: String, petition: Int64?, replyWithin: Span?,
        expectsReply: Bool, channel: Channel, summary: String?, restartsClock: Bool = false, body: String? = nil
    ) throws -> Letter {
        let id = try transaction {
            try $0.sendLetter(
                from: from, to: to, on: day, subject: subject, petition: petition, replyWithin: replyWithin, expectsReply: expectsReply,
                channel: channel, summary: summary, restartsClock: restartsClock, body: body)
        }
        return try letter(id)
    }

    /// Records a letter received by our side (a petitioner or the office) from any party. A reply marks the letter it answers (and, on the same
    /// petition, every earlier letter to that authority) as answered.
    public func receiveLetter(
        from: String, to: String, on day: Day, subject: String, inReplyTo: Int64?, petition: Int64?,
        channel: Channel, summary: String?
    ) throws -> Letter {
        let id = try transaction {
            try $0.receiveLetter(
                from: from, to: to, on: day, subject: subject, inReplyTo: inReplyTo, petition: petition, channel: channel, summary: summary)
        }
        return try letter(id)
    }

    /// Voids a letter recorded in error: a new event, never a silent edit.
    public func voidLetter(_ id: Int64, reason: String, on day: Day) throws -> Letter {
        // Dated after today it would be void in today's listings before it was voided, as a receipt's void would.
        try refuseAfterToday(day, "a void")
        try transaction { tx in
            try refuseVoidBeforeLetter(tx.db, id, on: day)
            try tx.voidLetter(id, reason: reason, on: day)
        }
        return try letter(id)
    }

    /// Refuses a void dated before the letter it voids: the letter would be void before it was written, as a receipt's
    /// void before its receipt would; a letter dated after today may still be voided today. A merge refuses another
    /// office's so dated.
    func refuseVoidBeforeLetter(_ db: Database, _ id: Int64, on day: Day) throws {
        try refuseVoid(before: "letter", db, id, on: day)
    }

    /// Refuses a void dated before the day of the `record` (`letter`, `receipt`: its table) it voids; one dated after
    /// today may still be voided today.
    func refuseVoid(before record: String, _ db: Database, _ id: Int64, on day: Day) throws {
        guard let text = try String.fetchOne(db, sql: "SELECT day FROM \(record) WHERE id = ?", arguments: [id]),
            let dated = try? Day(parsing: text), day < min(dated, context.today)
        else { return }
        throw PetitionsError.invalid(
            "--on", day.description,
            "is before \(record) \(id)'s day (\(dated)); a \(record) is voided on or after its day, so nothing was recorded")
    }

    /// One letter by id.
    public func letter(_ id: Int64) throws -> Letter {
        try read { db in
            guard let l = try LetterQuery(id: id).fetchAll(db).first else {
                throw try Ledger.noLetter(db, id, field: "letter")
            }
            return l
        }
    }

    /// Letters, optionally of one petition or party, or matching a search, oldest first.
    public func letters(petition: Int64? = nil, party: String? = nil, waiting: Bool = false, search: String? = nil) throws -> [Letter] {
        try letterPage(petition: petition, party: party, waiting: waiting, search: search, window: nil).rows
    }

    /// The letters `letters(...)` lists, only those in `window` read (`LIMIT`/`OFFSET` in SQL), and how many it lists
    /// in all (`count(*)`); without a window, every one and their number.
    public func letterPage(petition: Int64?, party: String?, waiting: Bool, search: String?, window: RowWindow?) throws -> RowPage<Letter> {
        let matching = try search.map { try Ledger.ftsMatch($0, field: "--search") }
        return try read { db in
            let query = try letterQuery(db, petition: petition, party: party, waiting: waiting, matching: matching, window: window)
            return try Ledger.matching(search ?? "", field: "--search") {
                let rows = try query.fetchAll(db)
                guard let window, rows.count >= window.limit || window.offset > 0 else { return RowPage(rows: rows, total: rows.count) }
                return RowPage(rows: rows, total: try query.count(db))
            }
        }
    }

    /// The letters `letters(...)` lists, handed to `body` one at a time as they are read (memory stays flat however
    /// many letters), `passes` times over the same snapshot of the ledger (a table measures its columns, then writes
    /// its rows): `body` is given the pass, from 0.
    public func eachLetter(
        petition: Int64?, party: String?, waiting: Bool, search: String?, passes: Int = 1, _ body: (_ pass: Int, Letter) throws -> Void
    ) throws {
        let matching = try search.map { try Ledger.ftsMatch($0, field: "--search") }
        try read { db in
            let query = try letterQuery(db, petition: petition, party: party, waiting: waiting, matching: matching, window: nil)
            // A search SQLite cannot read fails at its first row, before anything is handed over.
            try Ledger.matching(search ?? "", field: "--search") {
                for pass in 0..<passes { try query.each(db) { try body(pass, $0) } }
            }
        }
    }

    /// The query of the letters of one petition or party (each when given; an unknown one is its sentence), waiting,
    /// or matched by `matching`, in `window`.
    private func letterQuery(_ db: Database, petition: Int64?, party: String?, waiting: Bool, matching: String?, window: RowWindow?) throws
        -> LetterQuery
    {
        var query = LetterQuery(waiting: waiting, matching: matching, window: window)
        if let petition {
            // An unknown petition is said, as `events --petition` says it, not answered with an empty list.
            query.petition = try requirePetition(db, petition, field: "--petition").id
        }
        if let party {
            query.party = try resolveParty(db, party, kinds: [.person, .group, .authority, .office], field: "--party").id
        }
        return query
    }
}

extension LedgerTransaction {
    // MARK: - Letters

    /// Records a sent letter in this transaction; returns its id.
    func sendLetter(
        from: String, to: String, on day: Day, subject: String, petition: Int64?, replyWithin: Span?,
        expectsReply: Bool, channel: Channel, summary: String?, restartsClock: Bool, body: String? = nil
    ) throws -> Int64 {
        let subject = try Ledger.checkName(subject, field: "--subject")
        let f = try ledger.resolveParty(db, from, kinds: [.person, .group, .office], field: "--from")
        let t = try ledger.resolveParty(db, to, kinds: [.authority, .person, .group, .office], field: "--to")
        try Ledger.requireLetterEnds(f, t)
        if let petition {
            let p = try ledger.requirePetition(db, petition, field: "--petition")
            guard day >= p.opened else {
                throw PetitionsError.invalid("--on", day.description, "is before petition \(petition) was opened on \(p.opened)")
            }
        }
        let event = LetterSent(
            from: f.handle, to: t.handle, on: day.description, subject: subject, petition: petition, channel: channel.rawValue,
            summary: Ledger.nonEmpty(summary), expectsReply: expectsReply, replyWithin: replyWithin?.description,
            restartsClock: restartsClock, body: body)
        let eventID = try append(
            event.event, day: day,
            subjects: [Subject("party", f.id), Subject("party", t.id)] + (petition.map { [Subject("petition", $0)] } ?? []),
            summary: "Letter from \(f.name) to \(t.name): \(subject)")
        // A letter that restarts no clock is inserted with its due day, worked out from the facts in hand; one that
        // restarts others' clocks has it stored with theirs, below.
        let due =
            expectsReply && !restartsClock
            ? try ledger.replyDue(db, sending: f, to: t, on: day, subject: subject, petition: petition, replyWithin: replyWithin) : nil
        try db.execute(
            bound: """
                INSERT INTO letter(direction, from_id, to_id, day, channel, subject, summary, petition_id, expects_reply, reply_within, clock_start, office, event_id, reply_due)
                VALUES ('sent', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            f.id, t.id, day.description, channel.rawValue, subject, Ledger.nonEmpty(summary), petition,
            Int64(expectsReply ? 1 : 0), expectsReply ? replyWithin?.description : nil, day.description, stamp.office, eventID, due)
        let id = db.lastInsertedRowID
        #if DEBUG
            if due != nil {
                try ledger.checkSentLetterFacts(
                    db,
                    ledger.sentLetterFacts(db, id: id, from: f, to: t, on: day, subject: subject, petition: petition, replyWithin: replyWithin))
            }
        #endif
        try db.execute(bound: "INSERT INTO event_subject VALUES (?, 'letter', ?)", eventID, id)
        var affected = [id]
        if restartsClock {
            guard let petition else {
                throw PetitionsError("--restarts-clock: the clock restarts for earlier letters on the same petition; give --petition.", code: .usage)
            }
            let earlier = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM letter WHERE petition_id = ? AND to_id = ? AND direction = 'sent' AND expects_reply = 1
                    AND answered_by IS NULL AND voided = 0 AND id <> ? AND day <= ?
                    """, arguments: [petition, t.id, id, day.description])
            for e in earlier {
                try db.execute(sql: "UPDATE letter SET clock_start = ? WHERE id = ?", arguments: [day.description, e])
                try db.execute(sql: "INSERT INTO event_subject VALUES (?, 'letter', ?)", arguments: [eventID, e])
            }
            affected += earlier
        }
        if affected.count > 1 {
            _ = try ledger.storeReplyDue(db, letters: affected)
        } else if expectsReply && restartsClock {
            try ledger.storeReplyDue(db, sent: id, from: f, to: t, on: day, subject: subject, petition: petition, replyWithin: replyWithin)
        }
        return id
    }

    /// Records a received letter in this transaction; returns its id. `replyToVoided`: a merge
    /// records another office's reply to a letter voided here (the reply came); a clerk's is refused.
    // Longer than 60 lines on purpose: one transaction's checks and writes, in the order they must happen.
    func receiveLetter(
        from: String, to: String, on day: Day, subject: String, inReplyTo: Int64?, petition: Int64?,
        channel: Channel, summary: String?, replyToVoided: Bool = false
    ) throws -> Int64 {
        let subject = try Ledger.checkName(subject, field: "--subject")
        let f = try ledger.resolveParty(db, from, kinds: [.authority, .person, .group, .office], field: "--from")
        let t = try ledger.resolveParty(db, to, kinds: [.person, .group, .office], field: "--to")
        try Ledger.requireLetterEnds(f, t)
        var petitionID = petition
        if let r = inReplyTo {
            // The four columns needed, read by position: `SELECT *` and reading by name (which lower-cases the name each
            // time) were a tenth of importing replies.
            guard
                let orig = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT day, direction, voided, petition_id FROM letter WHERE id = ?"), arguments: [r])
            else {
                throw try Ledger.noLetter(db, r, field: "--in-reply-to")
            }
            let origDay: String = orig[0]
            guard (orig[1] as String) == "sent" else {
                throw PetitionsError.invalid("--in-reply-to", String(r), "is a received letter; a reply answers a letter that was sent")
            }
            guard (orig[2] as Int64) == 0 || replyToVoided else {
                throw PetitionsError.invalid("--in-reply-to", String(r), "is a voided letter")
            }
            guard day.description >= origDay else {
                throw PetitionsError("--on: \(day) is before letter \(r) was sent on \(origDay); a reply cannot come before the letter it answers.")
            }
            // A reply from another party than the one written to (a forwarded answer) is recorded; the use case warns.
            if petitionID == nil { petitionID = orig[3] }
        }
        if let petition = petitionID {
            let p = try ledger.requirePetition(db, petition, field: "--petition")
            guard day >= p.opened else {
                throw PetitionsError.invalid("--on", day.description, "is before petition \(petition) was opened on \(p.opened)")
            }
        }
        let event = LetterReceived(
            from: f.handle, to: t.handle, on: day.description, subject: subject, petition: petitionID, inReplyTo: inReplyTo,
            channel: channel.rawValue, summary: Ledger.nonEmpty(summary))
        let eventID = try append(
            event.event, day: day,
            subjects: [Subject("party", f.id), Subject("party", t.id)] + (petitionID.map { [Subject("petition", $0)] } ?? [])
                + (inReplyTo.map { [Subject("letter", $0)] } ?? []),
            summary: "Letter from \(f.name) to \(t.name) received: \(subject)")
        try db.execute(
            bound: """
                INSERT INTO letter(direction, from_id, to_id, day, channel, subject, summary, petition_id, in_reply_to, expects_reply, clock_start, office, event_id)
                VALUES ('received', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
                """,
            f.id, t.id, day.description, channel.rawValue, subject, Ledger.nonEmpty(summary), petitionID, inReplyTo, day.description,
            stamp.office, eventID)
        let id = db.lastInsertedRowID
        try db.execute(bound: "INSERT INTO event_subject VALUES (?, 'letter', ?)", eventID, id)
        if let r = inReplyTo {
            try db.execute(bound: "UPDATE letter SET answered_by = ? WHERE id = ? AND answered_by IS NULL", id, r)
        }
        if let p = petitionID {
            // A later letter from the addressee on the same petition answers what was sent to it before.
            try db.execute(
                bound: """
                    UPDATE letter SET answered_by = ? WHERE petition_id = ? AND to_id = ? AND direction = 'sent'
                    AND answered_by IS NULL AND voided = 0 AND day <= ?
                    """, id, p, f.id, day.description)
        }
        return id
    }

    /// Voids a letter in this transaction.
    func voidLetter(_ id: Int64, reason: String, on day: Day) throws {
        let reason = try Ledger.checkName(reason, field: "--reason")
        guard let row = try Row.fetchOne(db, sql: "SELECT voided FROM letter WHERE id = ?", arguments: [id]) else {
            throw try Ledger.noLetter(db, id, field: "letter")
        }
        guard (row["voided"] as Int64) == 0 else { throw PetitionsError.invalid("letter", String(id), "is already void") }
        try append(
            .letterVoided(LetterVoided(letter: id, reason: reason)), day: day, subjects: [Subject("letter", id)],
            summary: "Letter \(id) voided: \(reason)")
        try db.execute(sql: "UPDATE letter SET voided = 1 WHERE id = ?", arguments: [id])
        // Whatever this letter answered waits again, unless another reply answers it: a reply to it, or a later
        // letter from its addressee on the same petition.
        let orphans = try Int64.fetchAll(db, sql: "SELECT id FROM letter WHERE answered_by = ?", arguments: [id])
        try db.execute(sql: "UPDATE letter SET answered_by = NULL WHERE answered_by = ?", arguments: [id])
        for o in orphans {
            try db.execute(
                sql: """
                    UPDATE letter SET answered_by = (
                      SELECT r.id FROM letter r WHERE r.direction = 'received' AND r.voided = 0 AND r.day >= letter.day
                      AND (r.in_reply_to = letter.id OR (letter.petition_id IS NOT NULL AND r.petition_id = letter.petition_id AND r.from_id = letter.to_id))
                      ORDER BY r.day, r.id LIMIT 1)
                    WHERE id = ?
                    """, arguments: [o])
        }
    }
}
