import Foundation
import GRDB
import PetitionsDomain

/// A field of one record that both offices changed: reported once, with the value finally kept.
struct FieldConflict {
    var label: String
    var field: String
    /// The office of the change made here; nil when the value here is the one the record was created with.
    var ourOffice: String?
    var ours: String
    var theirOffice: String
    var theirs: String
    var kept: String

    var sentence: String {
        let here = ourOffice.map { "was changed by office \($0) to \(ours) and" } ?? "was \(ours) in this ledger and was changed"
        return "\(label): \(field) \(here) by office \(theirOffice) to \(theirs); kept \(kept), the later change."
    }
}

/// What a merge tells besides what it added: conflicts between the offices' changes, and warnings about events
/// applied all the same.
struct MergeNotes {
    private(set) var conflicts: [FieldConflict] = []
    private(set) var warnings: [String] = []
    /// The line of each event of the log being merged, by UUID in lower case: an export lists events in the order its
    /// ledger came to hold them, so what the other office held when it recorded an event is on the lines before it.
    var logEvents: [String: Int] = [:]

    /// Adds a conflict; a field already reported is reported once, with what this office held before the merge, the
    /// other office's latest value, and the value finally kept.
    mutating func conflict(_ c: FieldConflict) {
        guard let i = conflicts.firstIndex(where: { $0.label == c.label && $0.field == c.field }) else {
            conflicts.append(c)
            return
        }
        conflicts[i].theirOffice = c.theirOffice
        conflicts[i].theirs = c.theirs
        conflicts[i].kept = c.kept
    }

    /// A field changed without conflict after a conflict over it was reported: the report says the value finally kept.
    mutating func applied(label: String, field: String, office: String, value: String) {
        guard let i = conflicts.firstIndex(where: { $0.label == label && $0.field == field }) else { return }
        conflicts[i].theirOffice = office
        conflicts[i].theirs = value
        conflicts[i].kept = value
    }

    /// A warning about event `e`, naming its line.
    mutating func warn(_ e: ExchangedEvent, _ sentence: String) {
        warnings.append("line \(e.line) (event \(e.uuid), \(e.kind)): \(sentence)")
    }

    /// Whether `e` was recorded after the event recorded at `moment` with `uuid`: the later change wins a conflict. The
    /// UUID breaks a tie of moments (they are to the second), the same way in every ledger, so both offices keep the same.
    static func isLater(_ e: ExchangedEvent, than ours: (moment: String, uuid: String)) -> Bool {
        e.recordedAt != ours.moment ? e.recordedAt > ours.moment : e.uuid > ours.uuid.lowercased()
    }
}

extension Ledger {
    // MARK: - Status changes of both offices

    /// Replays another office's status change. From the status it left, it applies as recorded; when this office moved
    /// the petition elsewhere meanwhile, the later of the two changes is kept and the conflict reported (the lifecycle
    /// is the clerk's rule, not the merge's: refusing would keep the two offices apart for ever).
    func replayStatusChange(
        _ db: Database, _ e: ExchangedEvent, petition id: Int64, from: String?, to status: PetitionStatus, on day: Day, note: String?,
        notes: inout MergeNotes
    ) throws -> Bool {
        let p = try requirePetition(db, id, field: "petition")
        // A change dated before the petition was logged is wrong in any ledger, as `petition status --on` says.
        try Ledger.refusingTheLog { try Ledger.refuseStatusBeforeOpened(p, on: day) }
        // Kept as it came, but naming this ledger's petition.
        let event = PetitionStatusChanged(petition: id, from: from, to: status.rawValue, note: note).event
        let stamp = EventStamp(uuid: e.uuid, recordedAt: e.recordedAt, actor: e.actor, office: e.office)
        if p.status == status { return try keep(db, e, event, subjects: [Subject("petition", id)]) }
        let ours = try Row.fetchOne(
            db,
            sql: """
                SELECT e.recorded_at, e.office, e.uuid FROM event e JOIN event_subject s ON s.event_id = e.id
                WHERE s.subject_type = 'petition' AND s.subject_id = ? AND e.kind IN (?, ?)
                ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1
                """, arguments: [id, LedgerEvent.Kind.petitionStatusChanged.rawValue, LedgerEvent.Kind.petitionLogged.rawValue])
        let theirsLater = MergeNotes.isLater(e, than: (ours?["recorded_at"] ?? "", ours?["uuid"] ?? ""))
        if theirsLater, from == nil || from == p.status.rawValue, p.status.next.contains(status) {
            try transaction(db, stamp: stamp).changeStatus(petition: id, to: status, on: day, note: note, inOrder: false)
            notes.applied(label: "petition \(id)", field: "status", office: e.office, value: quoted(status.rawValue))
            return false
        }
        _ = try keep(db, e, event, subjects: [Subject("petition", id)])
        if theirsLater { try setStatus(db, petition: id, from: p.status, to: status, on: day) }
        notes.conflict(
            FieldConflict(
                label: "petition \(id)", field: "status", ourOffice: ours?["office"], ours: quoted(p.status.rawValue),
                theirOffice: e.office, theirs: quoted(status.rawValue), kept: quoted(theirsLater ? status.rawValue : p.status.rawValue)))
        return false
    }

    // MARK: - Receipts beyond what was expected

    /// Warns, naming the delivery, when a merged receipt leaves it holding more than expected (two offices that both
    /// recorded the same receipt): it is kept, as `delivery receive` keeps such a receipt, never silently.
    func warnOverExpected(_ db: Database, _ e: ExchangedEvent, delivery id: Int64, notes: inout MergeNotes) throws {
        guard let d = try loadDeliveries(db, DeliveryQuery(id: id)).first else { return }
        for line in d.lines where line.received.amount > line.expected.amount && line.expected.unit == line.received.unit {
            notes.warn(
                e,
                "the delivery of \(d.decree) to \(d.recipient) for \(d.period) has now received \(line.received.text), more than the \(line.expected.text) expected (did both offices record the same receipt?)."
            )
        }
    }

    // MARK: - Receipts for deliveries an ended enrolment unscheduled

    /// Schedules again, for another office's receipt, the delivery for `period` that ending the enrolment here
    /// unscheduled: that office received it before the end reached it, and keeps it once the end does (an enrolment's
    /// end keeps later deliveries that hold receipts). Made as the scheduling event this ledger holds made it, so both
    /// ledgers hold the same delivery and receipt. Returns whether it was; nothing is done when a delivery is there, or
    /// no ended enrolment and scheduling event explain its absence (the receipt is then kept without effect).
    func rescheduleForReceipt(_ db: Database, decree: String, recipient: String, period p: Period) throws -> Bool {
        let d = try resolveDecree(db, decree)
        let r = try resolveParty(db, recipient, kinds: [.group, .person], field: "--recipient")
        if let f = d.effectiveFrom, p.last < f { return false }
        if let t = d.effectiveTo, p.first > t { return false }
        guard try Int64.fetchOne(db.cachedStatement(sql: Ledger.deliveryByPeriodSQL), arguments: [d.id, r.id, p.description]) == nil,
            let enrolment = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND from_day <= ? AND to_day IS NOT NULL AND to_day < ?
                    ORDER BY from_day DESC, id DESC LIMIT 1
                    """, arguments: [d.id, r.id, p.last.description, p.first.description]),
            let found = try schedulingEvent(db, decree: d.handle, recipient: r.handle, period: p)
        else { return false }
        let (scheduled, formerID) = found
        let rations = try Row.fetchAll(
            db, sql: "SELECT category, commodity, amount, unit FROM ration WHERE decree_id = ? ORDER BY rowid", arguments: [d.id])
        let items = try expectedItems(db, enrolment: enrolment, rations: rations, period: p)
        guard !items.isEmpty else { return false }
        let due = ([p.day(d.dueDay)] + [d.effectiveFrom].compactMap { $0 }.filter { p.contains($0) }).max() ?? p.day(d.dueDay)
        let eventID: Int64 = scheduled["id"]
        try db.execute(
            sql: "INSERT INTO delivery(id, decree_id, recipient_id, period, due, status, office, event_id) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
            arguments: [formerID, d.id, r.id, p.description, due.description, scheduled["office"] as String, eventID])
        let id = db.lastInsertedRowID
        for (c, u, n) in items {
            try db.execute(sql: "INSERT INTO delivery_item(delivery_id, commodity, unit, expected) VALUES (?, ?, ?, ?)", arguments: [id, c, u, n])
        }
        try db.execute(sql: "INSERT OR IGNORE INTO event_subject VALUES (?, 'delivery', ?)", arguments: [eventID, id])
        return true
    }

    /// The scheduling event here that made the delivery of `period` (nil when none covers it), and the id the
    /// delivery had, so that it is made again under it, as the other office names it: an event lists the periods of
    /// the deliveries it made in the order it made them, which is their ids' order; the id is one no delivery holds
    /// now, and nil when it cannot be told (several recipients' deliveries of that period gone).
    func schedulingEvent(_ db: Database, decree: String, recipient: String, period p: Period) throws -> (Row, Int64?)? {
        let events = try Row.fetchAll(
            db,
            sql: """
                SELECT id, office FROM event WHERE kind = ? AND json_extract(payload, '$.decree') = ?
                AND coalesce(json_extract(payload, '$.recipient'), ?) = ?
                AND json_extract(payload, '$.from') <= ? AND json_extract(payload, '$.to') >= ? ORDER BY id
                """,
            arguments: [LedgerEvent.Kind.deliveryScheduled.rawValue, decree, recipient, recipient, p.description, p.description])
        for event in events {
            let made = try Int64.fetchAll(
                db, sql: "SELECT subject_id FROM event_subject WHERE event_id = ? AND subject_type = 'delivery' ORDER BY subject_id",
                arguments: [event["id"] as Int64])
            let periods = try String.fetchAll(
                db, sql: "SELECT value FROM event, json_each(event.payload, '$.periods') WHERE event.id = ? ORDER BY json_each.key",
                arguments: [event["id"] as Int64])
            guard made.count == periods.count else { continue }
            let gone = try zip(made, periods).filter { id, period in
                try period == p.description && Int64.fetchOne(db, sql: "SELECT 1 FROM delivery WHERE id = ?", arguments: [id]) == nil
            }
            if gone.count == 1 { return (event, gone[0].0) }
        }
        return events.first.map { ($0, nil) }
    }

    // MARK: - A line already here

    /// The stored event of a UUID (also in upper case), with the UUIDs its payload's references stand for.
    static var storedEventSQL: String {
        let refs = Ledger.referenceKeys.map { r in
            "(SELECT x.uuid FROM \(r.table) t JOIN event x ON x.id = t.event_id WHERE t.id = json_extract(e.payload, '$.\(r.key)')) AS ref_\(r.key)"
        }.joined(separator: ", ")
        return "SELECT e.kind, e.day, e.recorded_at, e.actor, e.office, e.payload, \(refs) FROM event e WHERE e.uuid = ? OR e.uuid = ?"
    }

    /// Payload keys a replay derives here rather than copies: they may differ from the line without anything forged.
    static let derivedKeys: [String: Set<String>] = [
        LedgerEvent.Kind.deliveryScheduled.rawValue: ["periods"],
        LedgerEvent.Kind.attachmentAdded.rawValue: ["content", "media_type", "name"],
    ]

    /// Refuses a line whose UUID this ledger holds with other content (a line changed after it was exported): it would
    /// otherwise be skipped as already present, unseen. Petitions, letters and receipts are compared through `refs`.
    func refuseChanged(_ db: Database, _ e: ExchangedEvent, stored: Row, source: String, map: [String: String]) throws {
        var differs: String?
        let fields: [(String, String, String)] = [
            ("kind", stored["kind"], e.kind), ("day", stored["day"], e.day), ("recorded_at", stored["recorded_at"], e.recordedAt),
            ("actor", stored["actor"], e.actor), ("office", stored["office"], e.office),
        ]
        if let (key, here, there) = fields.first(where: { $0.1 != $0.2 }) {
            differs = "\(key) (\(quoted(there)); here \(quoted(here)))"
        } else if let ref = Ledger.referenceKeys.first(where: { r in
            guard let here = stored["ref_\(r.key)"] as String?, let there = e.refs?[r.key] else { return false }
            return here != there
        }) {
            differs = "refs.\(ref.key)"
        } else if case .object(let there) = e.payload,
            case .object(let here) = try JSONDecoder().decode(JSONValue.self, from: Data((stored["payload"] as String).utf8))
        {
            let skipped = Set(Ledger.referenceKeys.map(\.key)).union(Ledger.derivedKeys[e.kind] ?? [])
            if let key = there.keys.sorted().first(where: { k in
                !skipped.contains(k) && !Ledger.sameFact(here[k] ?? .null, there[k] ?? .null, map: map)
            }) {
                differs = "payload.\(key) (\(Ledger.shown(there[key] ?? .null)); here \(Ledger.shown(here[key] ?? .null)))"
            }
        }
        guard let differs else { return }
        throw PetitionsError(
            "\(source) line \(e.line) and this ledger hold two different events with the same uuid \(quoted(e.uuid)): the line's \(differs) differs; nothing was imported."
        )
    }

    /// Whether a stored payload value says what a line's does: a missing or null value on either side says nothing,
    /// a handle may have been mapped, and numbers compare by value.
    static func sameFact(_ here: JSONValue, _ there: JSONValue, map: [String: String]) -> Bool {
        switch (here, there) {
        case (.null, _), (_, .null): return true
        case (.object(let a), .object(let b)):
            return b.allSatisfy { k, v in sameFact(a[k] ?? .null, v, map: map) }
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { sameFact($0, $1, map: map) }
        case (.string(let a), .string(let b)): return a == b || map[b] == a
        case (.int(let a), .number(let b)), (.number(let b), .int(let a)): return Double(a) == b
        default: return here == there
        }
    }

    // MARK: - Words of a log, not of options

    /// An operation's refusal in the words of the log: a leading option name (`--period:`, `--in-reply-to '1'`) becomes
    /// the key of the event's line it came from (`period:`, `in_reply_to '1'`), since the user gave no option, the log
    /// gave the key. The sentence follows the line and the event (`line 7 (event …, enrolment.ended): on '1920-02-15':
    /// …`), as `recorded_at '…' is not a moment` does: the field and its value, never the word "payload", which the
    /// user who only imports a log never saw.
    static func inPayloadTerms(_ message: String) -> String {
        guard message.hasPrefix("--") else { return message }
        let option = message.dropFirst(2).prefix { $0.isLetter || $0 == "-" }
        guard !option.isEmpty else { return message }
        let plural: [Substring: String] = ["quantity": "quantities", "ration": "rations", "dependant": "dependants"]
        let key = plural[option] ?? option.replacingOccurrences(of: "-", with: "_")
        return key + message.dropFirst(2 + option.count)
    }

    // MARK: - Moments

    /// Refuses a `recorded_at` that is not a moment in UTC as exports write it (`2026-12-02T15:02:25Z`), or that is
    /// later than `latest` (a day past this computer's clock): a moment from the future would win every conflict.
    static func checkMoment(_ text: String, latest: String) throws {
        let u: [UInt8] = Array(text.utf8)
        let shape: [UInt8] = Array("0000-00-00T00:00:00Z".utf8)
        let shaped: Bool =
            u.count == shape.count
            && zip(u, shape).allSatisfy { (c: UInt8, s: UInt8) -> Bool in s == UInt8(ascii: "0") ? (c >= 0x30 && c <= 0x39) : c == s }
        let number = { (i: Int) -> Int in Int(u[i] - 0x30) * 10 + Int(u[i + 1] - 0x30) }
        guard shaped, (try? Day(parsing: String(text.prefix(10)))) != nil, number(11) < 24, number(14) < 60, number(17) < 60 else {
            throw EventLineError("recorded_at \(quoted(text)) is not a moment in UTC (YYYY-MM-DDTHH:MM:SSZ, as an export writes it)")
        }
        guard text <= latest else {
            throw EventLineError(
                "recorded_at \(quoted(text)) is more than a day after this computer's clock; an event cannot have been recorded in the future")
        }
    }
}
