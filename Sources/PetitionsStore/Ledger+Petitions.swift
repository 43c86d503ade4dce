import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Petitions

    /// Logs a petition from a person or group to an authority, optionally via an intermediary.
    public func logPetition(from: String, to: String, subject: String, on day: Day, via: String?, category: String?) throws -> Petition {
        let id: Int64 = try write { db in
            try logPetition(db, from: from, to: to, subject: subject, on: day, via: via, category: category, stamp: newStamp())
        }
        return try petition(id)
    }

    /// Logs a petition in the current transaction under `stamp`; returns its id.
    func logPetition(
        _ db: Database, from: String, to: String, subject: String, on day: Day, via: String?, category: String?,
        stamp: EventStamp
    ) throws -> Int64 {
        let subject = try Ledger.checkName(subject, field: "--subject")
        let category = Ledger.nonEmpty(category)?.lowercased()
        let p = try resolveParty(db, from, kinds: [.person, .group], field: "--from")
        let a = try resolveParty(db, to, kinds: [.authority], field: "--to")
        let v = try via.map { try resolveParty(db, $0, kinds: [.person], field: "--via") }
        if let v, v.id == p.id { throw Ledger.ownIntermediary(v.handle) }
        let event = PetitionLogged(from: p.handle, to: a.handle, via: v?.handle, subject: subject, category: category, opened: day.description)
        let eventID = try appendEvent(
            db, event.event, day: day,
            subjects: [Subject("party", p.id), Subject("party", a.id)] + (v.map { [Subject("party", $0.id)] } ?? []),
            summary: "Petition of \(p.name) to \(a.name) logged: \(subject)",
            stamp: stamp)
        try db.execute(
            cached: """
                INSERT INTO petition(petitioner_id, authority_id, via_id, subject, category, opened, status, status_since, office, event_id)
                VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)
                """, [p.id, a.id, v?.id, subject, category, day.description, day.description, stamp.office, eventID])
        let id = db.lastInsertedRowID
        try db.execute(cached: "INSERT INTO event_subject VALUES (?, 'petition', ?)", [eventID, id])
        return id
    }

    /// The sentence for a petitioner named as their own intermediary: an intermediary carries someone else's petition.
    static func ownIntermediary(_ handle: String) -> PetitionsError {
        PetitionsError.invalid("--via", handle, "is the petitioner; an intermediary carries someone else's petition, so leave --via out")
    }

    /// Changes a petition's status as a recorded event; the lifecycle decides which changes are allowed.
    public func changeStatus(petition id: Int64, to status: PetitionStatus, on day: Day, note: String?) throws -> Petition {
        try write { db in try changeStatus(db, petition: id, to: status, on: day, note: note, stamp: newStamp()) }
        return try petition(id)
    }

    /// Statuses follow one another in time: a change dated before the last one would leave the petition's status
    /// today and its status on a past day (as the report reads it from the log) disagreeing.
    func refuseStatusBeforeLast(_ db: Database, petition id: Int64, on day: Day) throws {
        guard
            let row = try Row.fetchOne(db, sql: "SELECT status, status_since FROM petition WHERE id = ?", arguments: [id]),
            let last = try? Day(parsing: row["status_since"] as String), day < last
        else { return }
        throw PetitionsError.invalid(
            "--on", day.description,
            "is before petition \(id) became \(row["status"] as String) on \(last); record status changes in the order they happened")
    }

    /// Changes a petition's status in the current transaction under `stamp`; `inOrder` refuses a day before the last
    /// change's (a merge replays another office's changes as they came).
    func changeStatus(
        _ db: Database, petition id: Int64, to status: PetitionStatus, on day: Day, note: String?, stamp: EventStamp, inOrder: Bool = true
    ) throws {
        let p = try requirePetition(db, id, field: "petition")
        guard p.status != status else {
            throw PetitionsError.invalid("--to", status.rawValue, "is already the status of petition \(id)")
        }
        guard p.status.next.contains(status) else {
            throw PetitionsError(
                "--to: petition \(id) is \(p.status.rawValue) and cannot become \(status.rawValue); from \(p.status.rawValue) it can become \(p.status.next.map(\.rawValue).joined(separator: " or "))."
            )
        }
        guard day >= p.opened else {
            throw PetitionsError.invalid("--on", day.description, "is before petition \(id) was opened on \(p.opened)")
        }
        if inOrder { try refuseStatusBeforeLast(db, petition: id, on: day) }
        let event = PetitionStatusChanged(petition: id, from: p.status.rawValue, to: status.rawValue, note: Ledger.nonEmpty(note))
        try appendEvent(
            db, event.event, day: day, subjects: [Subject("petition", id)],
            summary: "Petition \(id) changed from \(p.status.rawValue) to \(status.rawValue)", stamp: stamp)
        try setStatus(db, petition: id, from: p.status, to: status, on: day)
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

    func requirePetition(_ db: Database, _ id: Int64, field: String) throws -> Petition {
        guard let p = try loadPetitions(db, where: "p.id = ?", [id]).first else {
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
        let filter = try search.map { try Ledger.searchFilter($0, kind: .petition, column: "p.id", field: "--search") }
        return try read { db in
            var clauses: [String] = []
            var args: [DatabaseValueConvertible?] = []
            if let status {
                clauses.append("p.status = ?")
                args.append(status.rawValue)
            }
            if let party {
                let r = try resolveParty(db, party, kinds: [.person, .group, .authority, .office], field: "--party")
                clauses.append("(p.petitioner_id = ? OR p.authority_id = ? OR p.via_id = ?)")
                args += [r.id, r.id, r.id]
            }
            if let (clause, match) = filter {
                clauses.append(clause)
                args.append(match)
            }
            let clause = clauses.isEmpty ? "1" : clauses.joined(separator: " AND ")
            return try Ledger.matching(search ?? "", field: "--search") { try loadPetitions(db, where: clause, StatementArguments(args)) }
        }
    }

    func loadPetitions(_ db: Database, where clause: String, _ args: StatementArguments) throws -> [Petition] {
        var out: [Petition] = []
        try eachPetition(db, where: clause, args) { out.append($0) }
        return out
    }

    /// Petitions, oldest first, one at a time from a cursor, so that an export keeps memory flat.
    func eachPetition(_ db: Database, where clause: String, _ args: StatementArguments, _ body: (Petition) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT p.*, f.handle AS f, a.handle AS a, v.handle AS v FROM petition p
                JOIN party f ON f.id = p.petitioner_id JOIN party a ON a.id = p.authority_id LEFT JOIN party v ON v.id = p.via_id
                WHERE \(clause) ORDER BY p.opened, p.id
                """, arguments: args)
        while let row = try rows.next() {
            try body(
                Petition(
                    id: row["id"], petitioner: row["f"], authority: row["a"], via: row["v"], subject: row["subject"], category: row["category"],
                    opened: try row.day("opened"), status: try row.stored(PetitionStatus.self, "status"), office: row["office"]))
        }
    }
}
