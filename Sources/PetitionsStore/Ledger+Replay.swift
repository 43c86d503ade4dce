import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Replaying one event

    /// Replays one event under its own identity, through the operation that first recorded it; returns whether it
    /// was joined to a record already here. Longer than 60 lines on purpose: one exhaustive switch with a case per
    /// kind of event, so that the compiler names this place when a kind is added.
    func replay(_ db: Database, _ e: ExchangedEvent, map: [String: String], notes: inout MergeNotes) throws -> Bool {
        let stamp = EventStamp(uuid: e.uuid, recordedAt: e.recordedAt, actor: e.actor, office: e.office)
        let event = try LedgerEvent(kind: e.kind, payload: e.payload).mappingHandles { map[$0] ?? $0 }
        let day = try Day(parsing: e.day, field: "day")
        switch event {
        case .authorityAdded(let p):
            if let id = try existing(db, "party", p.handle) { return try keep(db, e, event, subjects: [Subject("party", id)]) }
            _ = try transaction(db, stamp: stamp).addAuthority(
                name: p.name, handle: p.handle, parent: p.parent, replyWithin: try span(p.replyWithin, "reply_within"),
                on: day)
        case .groupAdded(let p):
            if let id = try existing(db, "party", p.handle) { return try keep(db, e, event, subjects: [Subject("party", id)]) }
            _ = try transaction(db, stamp: stamp).addGroup(
                name: p.name, handle: p.handle, district: p.district, counts: try headCounts(p.counts), on: day)
        case .petitionerAdded(let p):
            if let id = try existing(db, "party", p.handle) { return try keep(db, e, event, subjects: [Subject("party", id)]) }
            _ = try transaction(db, stamp: stamp).addPetitioner(
                name: p.name, handle: p.handle, district: p.district, occupation: p.occupation, groups: p.groups ?? [],
                dependants: p.dependants ?? [], on: day)
        case .petitionLogged(let p):
            _ = try transaction(db, stamp: stamp).logPetition(from: p.from, to: p.to, subject: p.subject, on: day, via: p.via, category: p.category)
        case .petitionStatusChanged(let p):
            guard let id = try reference(db, e, "petition", p.petition) else { throw PetitionsError("its payload names no petition.") }
            guard let status = PetitionStatus(rawValue: p.to) else { throw PetitionsError("to \(quoted(p.to)) is not a petition status.") }
            return try replayStatusChange(db, e, petition: id, from: p.from, to: status, on: day, note: p.note, notes: &notes)
        case .letterSent(let p):
            _ = try transaction(db, stamp: stamp).sendLetter(
                from: p.from, to: p.to, on: day, subject: p.subject, petition: try reference(db, e, "petition", p.petition),
                replyWithin: try span(p.replyWithin, "reply_within"), expectsReply: p.expectsReply ?? true,
                channel: try Channel(parsing: p.channel ?? "post"), summary: p.summary, restartsClock: p.restartsClock ?? false,
                body: p.body)
        case .letterReceived(let p):
            let inReplyTo = try reference(db, e, "in_reply_to", p.inReplyTo)
            if let r = inReplyTo, try Int64.fetchOne(db, sql: "SELECT voided FROM letter WHERE id = ?", arguments: [r]) == 1 {
                // The letter came all the same: it is recorded, its link kept to the letter voided here, as the other
                // office holds it once the void reaches it.
                notes.warn(e, "it replies to letter \(r), voided here; the letter received is recorded all the same, still a reply to it.")
            }
            _ = try transaction(db, stamp: stamp).receiveLetter(
                from: p.from, to: p.to, on: day, subject: p.subject, inReplyTo: inReplyTo,
                petition: try reference(db, e, "petition", p.petition), channel: try Channel(parsing: p.channel ?? "post"),
                summary: p.summary, replyToVoided: true)
        case .letterVoided(let p):
            guard let id = try reference(db, e, "letter", p.letter) else { throw PetitionsError("its payload names no letter.") }
            // Dated before its letter it is wrong in any ledger, as `letter void` says: the log is refused.
            try Ledger.refusingTheLog { try refuseVoidBeforeLetter(db, id, on: day) }
            try transaction(db, stamp: stamp).voidLetter(id, reason: p.reason, on: day)
        case .letterExtended(let p):
            guard let id = try reference(db, e, "letter", p.letter) else { throw PetitionsError("its payload names no letter.") }
            try transaction(db, stamp: stamp).extendLetter(id, by: try Span(parsing: p.by, field: "by"), reason: p.reason, on: day)
        case .decreeAdded(let p):
            if let id = try existing(db, "decree", p.handle) { return try keep(db, e, event, subjects: [Subject("decree", id)]) }
            guard let every = Frequency(rawValue: p.every ?? "month") else {
                throw PetitionsError("every \(quoted(p.every ?? "")) is not a frequency.")
            }
            _ = try transaction(db, stamp: stamp).addDecree(
                handle: p.handle, name: p.name, issued: try Day(parsing: p.issued, field: "issued"), issuer: p.issuer,
                supplier: p.supplier, rations: p.rations ?? [], every: every, dueDay: Int(p.dueDay ?? 1),
                effectiveFrom: try p.effectiveFrom.map { try Day(parsing: $0, field: "effective_from") },
                effectiveTo: try p.effectiveTo.map { try Day(parsing: $0, field: "effective_to") })
        case .enrolmentAdded(let p):
            let decree = try resolveDecree(db, p.decree, field: "decree")
            let recipient = try resolveParty(db, p.recipient, kinds: [.group, .person], field: "recipient")
            let from = try Day(parsing: p.from, field: "from")
            if let id = try Int64.fetchOne(
                db, sql: "SELECT id FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND from_day = ?",
                arguments: [decree.id, recipient.id, from.description])
            {
                return try keep(db, e, event, subjects: [Subject("enrolment", id), Subject("decree", decree.id), Subject("party", recipient.id)])
            }
            _ = try transaction(db, stamp: stamp).enrol(
                decree: decree.handle, recipient: recipient.handle, counts: try headCounts(p.counts), from: from,
                to: try p.to.map { try Day(parsing: $0, field: "to") }, memberCategory: "employee")
        case .deliveryScheduled(let p):
            let created = try transaction(db, stamp: stamp).scheduleDeliveries(
                decree: p.decree, recipient: p.recipient, from: try Period(parsing: p.from, field: "from"),
                to: try Period(parsing: p.to, field: "to"), on: day
            ).created
            if created.isEmpty {
                // Every period was already scheduled here: the event is kept, and changes nothing.
                return try keep(db, e, event, subjects: [Subject("decree", try resolveDecree(db, p.decree, field: "decree").id)])
            }
        case .deliveryReceived(let p):
            // A receipt says what came: without it the command line's advice (--quantity) is no answer to a log.
            guard let quantities = p.quantities, !quantities.isEmpty else {
                throw PetitionsError(
                    "quantities \(p.quantities == nil ? "are missing or null" : "is an empty list"); a delivery.received event lists what came, e.g. [\"1000 funt wheat\"]."
                )
            }
            let period = try Period(parsing: p.period, field: "period")
            if try rescheduleForReceipt(db, decree: p.decree, recipient: p.recipient, period: period) {
                notes.warn(
                    e,
                    "the delivery of \(p.decree) to \(p.recipient) for \(period) was unscheduled here when the enrolment ended; it is scheduled again to hold the receipt, as the other office holds it."
                )
            }
            let (id, _, _) = try requireDelivery(db, decree: p.decree, recipient: p.recipient, period: period)
            if try String.fetchOne(db, sql: "SELECT status FROM delivery WHERE id = ?", arguments: [id]) == "cancelled" {
                // What came, came: the receipt is recorded against the delivery cancelled here, as the other office
                // holds it once the cancellation reaches it (a delivery cancelled after a receipt keeps it).
                notes.warn(
                    e,
                    "the delivery of \(p.decree) to \(p.recipient) for \(period) was cancelled here; the receipt is recorded against it all the same."
                )
            }
            _ = try transaction(db, stamp: stamp).receiveDelivery(
                decree: p.decree, recipient: p.recipient, period: period, on: day, quantities: quantities, note: p.note,
                evenCancelled: true)
            try warnOverExpected(db, e, delivery: id, notes: &notes)
        case .deliveryCancelled(let p):
            let period = try Period(parsing: p.period, field: "period")
            let (id, _, _) = try requireDelivery(db, decree: p.decree, recipient: p.recipient, period: period)
            if try String.fetchOne(db, sql: "SELECT status FROM delivery WHERE id = ?", arguments: [id]) == "cancelled" {
                return try keep(db, e, event, subjects: [Subject("delivery", id)])
            }
            _ = try transaction(db, stamp: stamp).cancelDelivery(
                decree: p.decree, recipient: p.recipient, period: period, on: day, reason: p.reason)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM receipt WHERE delivery_id = ? AND voided = 0", arguments: [id]) == true {
                notes.warn(e, "the delivery of \(p.decree) to \(p.recipient) for \(period) has receipts here; it is cancelled and keeps them.")
            }
        case .partyUpdated, .groupJoined, .groupLeft, .dependantAdded, .dependantRemoved, .petitionUpdated, .petitionNoted, .receiptVoided,
            .enrolmentEnded:
            return try replayCorrection(db, e, event, day: day, stamp: stamp, notes: &notes)
        case .attachmentAdded(let p): try replayAttachment(db, e, p, on: day, stamp: stamp)
        case .attachmentRemoved(let p):
            guard let id = try reference(db, e, "attachment", p.attachment) else { throw PetitionsError("its payload names no attachment.") }
            // Dated before the file was added it is wrong in any ledger, as `attachment remove` says: the log is refused.
            try Ledger.refusingTheLog { try refuseRemovalBeforeAdding(db, id, on: day) }
            try transaction(db, stamp: stamp).removeAttachment(id, reason: p.reason, on: day)
        case .ledgerInitialized(let p): return try replayOfficeInitialized(db, e, event, office: p.office, map: map)
        case .importCompleted, .settingChanged, .rulesApplied, .findingRaised, .findingCleared:
            // The other office's own housekeeping: kept in the log, and changing nothing here (settings, rules and
            // recorded checks belong to the ledger that made them).
            _ = try keep(db, e, event, subjects: [])
        }
        return false
    }

    fileprivate func span(_ text: String?, _ field: String) throws -> Span? { try text.map { try Span(parsing: $0, field: field) } }

    /// Head-counts of a payload, each a whole number of people the sums can hold.
    fileprivate func headCounts(_ counts: [String: Int64]?) throws -> [HeadCount] {
        try (counts ?? [:]).keys.sorted().map { c in
            guard let n = counts?[c], n > 0, n <= Int64(HeadCount.maximum) else {
                throw PetitionsError("its payload's counts.\(c) is not a head-count.")
            }
            return HeadCount(category: c, count: Int(n))
        }
    }

    /// The id of the record in `table` with `handle`, when there is one.
    func existing(_ db: Database, _ table: String, _ handle: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(table) WHERE handle = ?"), arguments: [handle])
    }

    /// Stores the event as it came (its handles mapped), without changing any record; it was joined to what is here.
    /// A petition, letter, receipt or attachment it names is stored by this ledger's id, found through `refs`, or as
    /// nothing when not here: the other ledger's id would name another record here, and be exported so.
    func keep(_ db: Database, _ e: ExchangedEvent, _ event: LedgerEvent, subjects: [Subject]) throws -> Bool {
        if case .object(let payload) = e.payload { try Ledger.refuseControlCharacters(in: payload) }
        var text = try event.payloadText()
        if case .object(let payload) = e.payload, Ledger.referenceKeys.contains(where: { (payload[$0.key] ?? .null) != .null }),
            case .object(var stored) = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        {
            for r in Ledger.referenceKeys where (stored[r.key] ?? .null) != .null {
                let local = try e.refs?[r.key].flatMap { uuid in
                    try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT t.id FROM \(r.table) t JOIN event x ON x.id = t.event_id WHERE x.uuid = ? OR x.uuid = ?"),
                        arguments: [uuid, uuid.uppercased()])
                }
                stored[r.key] = local.map { JSONValue.int($0) } ?? JSONValue.null
            }
            text = JSONValue.object(stored).compactText
        }
        try insertEvent(
            db, stamp: EventStamp(uuid: e.uuid, recordedAt: e.recordedAt, actor: e.actor, office: e.office), kind: event.kind,
            day: e.day, summary: e.summary, payloadJSON: text, subjects: subjects)
        return true
    }

    /// The kinds of event that make a record of each table a reference may name.
    static let recordingKinds: [String: Set<String>] = [
        "petition": ["petition.logged"], "letter": ["letter.sent", "letter.received"], "receipt": ["delivery.received"],
        "attachment": ["attachment.added"],
    ]

    /// This ledger's id of the petition or letter that `key` names (`id` in the other ledger), found through the
    /// UUID of the event that created it.
    func reference(_ db: Database, _ e: ExchangedEvent, _ key: String, _ id: Int64?) throws -> Int64? {
        guard let id else { return nil }
        guard let table = Ledger.referenceKeys.first(where: { $0.key == key })?.table else { return nil }
        guard let uuid = e.refs?[key] else {
            throw PetitionsError("its payload names \(key) \(id) but refs gives no UUID for it; export the log again with this version of petitions.")
        }
        let what = table
        if let id = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT t.id FROM \(table) t JOIN event e ON e.id = t.event_id WHERE e.uuid = ? OR e.uuid = ?"),
            arguments: [uuid, uuid.uppercased()])
        {
            return id
        }
        if let kind = try String.fetchOne(
            db.cachedStatement(sql: "SELECT kind FROM event WHERE uuid = ? OR uuid = ?"), arguments: [uuid, uuid.uppercased()])
        {
            // An event of a kind that never makes such a record: the line was not written so by petitions (a hand-edited
            // or forged log), and the file is refused rather than kept as if the record had merely gone missing.
            guard Ledger.recordingKinds[table]?.contains(kind) ?? true else {
                throw PetitionsError(
                    "it refers to the \(what) of event \(uuid), which is a \(kind) event and records no \(what); the log is not as petitions "
                        + "writes it.")
            }
            // The event is here but made no record: it was kept without effect by an earlier merge.
            throw PetitionsError(
                "it refers to the \(what) of event \(uuid), which was kept in this ledger without effect.", field: key, kind: .notFound)
        }
        throw PetitionsError("it refers to the \(what) recorded by event \(uuid), which is neither in this ledger nor earlier in the file.")
    }
}
