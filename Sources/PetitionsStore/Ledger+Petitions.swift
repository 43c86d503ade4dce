import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Petitions

    /// Logs a petition from a person or group to an authority, optionally via an intermediary.
    public func logPetition(from: String, to: String, subject: String, on day: Day, via: String?, category: String?) throws -> Petition {
        let id = try transaction { try $0.logPetition(from: from, to: to, subject: subject, on: day, via: via, category: category) }
        return try petition(id)
    }

    /// The sentence for a petitioner named as their own intermediary: an intermediary carries someone else's petition.
    static func ownIntermediary(_ handle: String) -> PetitionsError {
        PetitionsError.invalid("--via", handle, "is the petitioner; an intermediary carries someone else's petition, so leave --via out")
    }

    /// Changes a petition's status as a recorded event; the lifecycle decides which changes are allowed.
    public func changeStatus(petition id: Int64, to status: PetitionStatus, on day: Day, note: String?) throws -> Petition {
        try transaction { try $0.changeStatus(petition: id, to: status, on: day, note: note) }
        return try petition(id)
    }

    /// Statuses follow one another in time: a change dated before the last one would leave the petition's status
    /// today and its status on a past day (as the report reads it from the log) disagreeing.
    func refuseStatusBeforeLast(_ db: Database, petition id: Int64, on day: Day) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, status_since FROM petition WHERE id = ?", arguments: [id]) else { return }
        let last = try row.day("status_since")
        guard day < last else { return }
        throw PetitionsError.invalid(
            "--on", day.description,
            "is before petition \(id) became \(row["status"] as String) on \(last); record status changes in the order they happened")
    }

    /// Refuses a status change dated before the petition was logged (its `opened` day, the same in every ledger): a
    /// merge refuses another office's so dated through this same check.
    static func refuseStatusBeforeOpened(_ p: Petition, on day: Day) throws {
        guard day < p.opened else { return }
        throw PetitionsError.invalid("--on", day.description, "is before petition \(p.id) was opened on \(p.opened)")
    }

    /// Writes a petition's new status and what it stops or starts (the pause of its letters' clocks); the event is
    /// the caller's.
    func setStatus(_ db: Database, petition id: Int64, from old: PetitionStatus, to status: PetitionStatus, on day: Day) throws {
        try db.execute(sql: "UPDATE petition SET status = ?, status_since = ? WHERE id = ?", arguments: [status.rawValue, day.description, id])
        // Waiting on the petitioner stops the clocks of the petition's letters.
        if old == .waitingOnPetitioner {
            // A merged change may be dated before the pause began: the pause then ends the day it began.
            try db.execute(
                sql: "UPDATE petition_pause SET to_day = max(?, from_day) WHERE petition_id = ? AND to_day IS NULL", arguments: [day.description, id])
        }
        if status == .waitingOnPetitioner {
            try db.execute(
                sql: "INSERT OR REPLACE INTO petition_pause(petition_id, from_day, to_day) VALUES (?, ?, NULL)", arguments: [id, day.description])
        }
        if old == .waitingOnPetitioner || status == .waitingOnPetitioner {
            _ = try storeReplyDue(db, letters: try Int64.fetchAll(db, sql: "SELECT id FROM letter WHERE petition_id = ?", arguments: [id]))
        }
    }

    /// "letter: no letter with id 99 (ids run up to 7)." as every letter command says it, as `petition show 99` and
    /// `receipt void 99` say theirs: `letter extend 99` said only "no letter with id 99.".
    static func noLetter(_ db: Database, _ id: Int64, field: String) throws -> PetitionsError {
        let max = try Int64.fetchOne(db, sql: "SELECT max(id) FROM letter")
        return PetitionsError(
            "\(field): no letter with id \(id)\(max.map { " (ids run up to \($0))" } ?? " (there are none yet)").", field: field, kind: .notFound)
    }

    func requirePetition(_ db: Database, _ id: Int64, field: String) throws -> Petition {
        guard let p = try PetitionQuery(id: id).fetchAll(db).first else {
            let max = try Int64.fetchOne(db, sql: "SELECT max(id) FROM petition")
            throw PetitionsError(
                "\(field): no petition with id \(id)\(max.map { " (ids run up to \($0))" } ?? " (there are none yet)").", field: field,
                kind: .notFound)
        }
        return p
    }

    /// One petition by id.
    public func petition(_ id: Int64) throws -> Petition {
        try read { db in try requirePetition(db, id, field: "petition") }
    }

    /// Petition `id`'s status on `day`, as the report reads it from the log: the last change dated on or before it.
    public func petitionStatus(_ id: Int64, asOf day: Day) throws -> PetitionStatus {
        try read { db in
            let text = try String.fetchOne(
                db, sql: "SELECT \(Ledger.statusAsOf) FROM petition p WHERE p.id = :id", arguments: ["id": id, "asOf": day.description])
            return text.flatMap(PetitionStatus.init(rawValue:)) ?? .open
        }
    }

    /// Petitions, optionally of one status, of one party (as petitioner, authority or intermediary) or matching a
    /// search, oldest first.
    public func petitions(status: PetitionStatus? = nil, party: String? = nil, search: String? = nil) throws -> [Petition] {
        let matching = try search.map { try Ledger.ftsMatch($0, field: "--search") }
        return try read { db in
            var query = PetitionQuery(status: status, matching: matching)
            if let party {
                query.party = try resolveParty(db, party, kinds: [.person, .group, .authority, .office], field: "--party").id
            }
            return try Ledger.matching(search ?? "", field: "--search") { try query.fetchAll(db) }
        }
    }
}

extension LedgerTransaction {
    // MARK: - Petitions

    /// Logs a petition in this transaction; returns its id.
    func logPetition(
        from: String, to: String, subject: String, on day: Day, via: String?, category: String?
    ) throws -> Int64 {
        let subject = try Ledger.checkName(subject, field: "--subject")
        let category = Ledger.nonEmpty(category)?.lowercased()
        let p = try ledger.resolveParty(db, from, kinds: [.person, .group], field: "--from")
        let a = try ledger.resolveParty(db, to, kinds: [.authority], field: "--to")
        let v = try via.map { try ledger.resolveParty(db, $0, kinds: [.person], field: "--via") }
        if let v, v.id == p.id { throw Ledger.ownIntermediary(v.handle) }
        let event = PetitionLogged(from: p.handle, to: a.handle, via: v?.handle, subject: subject, category: category, opened: day.description)
        let eventID = try append(
            event.event, day: day,
            subjects: [Subject("party", p.id), Subject("party", a.id)] + (v.map { [Subject("party", $0.id)] } ?? []),
            summary: "Petition of \(p.name) to \(a.name) logged: \(subject)")
        try db.execute(
            cached: """
                INSERT INTO petition(petitioner_id, authority_id, via_id, subject, category, opened, status, status_since, office, event_id)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
                """, [p.id, a.id, v?.id, subject, category, day.description, day.description, stamp.office, eventID])
        let id = db.lastInsertedRowID
        try db.execute(cached: "INSERT INTO event_subject VALUES (?, 'petition', ?)", [eventID, id])
        return id
    }

    /// Changes a petition's status in this transaction; `inOrder` refuses a day before the last
    /// change's (a merge replays another office's changes as they came). The event's summary carries the note, so
    /// `events` and a petition's history show why it changed.
    func changeStatus(
        petition id: Int64, to status: PetitionStatus, on day: Day, note: String?, inOrder: Bool = true
    ) throws {
        let p = try ledger.requirePetition(db, id, field: "petition")
        guard p.status != status else {
            throw PetitionsError.invalid("--to", status.rawValue, "is already the status of petition \(id)")
        }
        guard p.status.next.contains(status) else {
            throw PetitionsError(
                "--to: petition \(id) is \(p.status.rawValue) and cannot become \(status.rawValue); from \(p.status.rawValue) it can become \(p.status.next.map(\.rawValue).joined(separator: " or "))."
            )
        }
        try Ledger.refuseStatusBeforeOpened(p, on: day)
        if inOrder { try ledger.refuseStatusBeforeLast(db, petition: id, on: day) }
        let event = PetitionStatusChanged(petition: id, from: p.status.rawValue, to: status.rawValue, note: Ledger.nonEmpty(note))
        try append(
            event.event, day: day, subjects: [Subject("petition", id)],
            summary: "Petition \(id) changed from \(p.status.rawValue) to \(status.rawValue)"
                + (Ledger.nonEmpty(note).map { ": \($0.count > 60 ? String($0.prefix(59)) + "…" : $0)" } ?? ""))
        try ledger.setStatus(db, petition: id, from: p.status, to: status, on: day)
    }
}
