import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Replaying another office's corrections

    /// Replays a correction from another office's log, in the order recorded. A field of a party or petition that both
    /// offices changed is reported in `conflicts`, and the later change (by `recorded_at`) is kept. A correction this
    /// ledger already holds the effect of (a member already joined, a receipt already voided) is kept without effect;
    /// returns whether it was.
    // Longer than 60 lines on purpose: one exhaustive switch with a case per kind of correction, each a few lines.
    func replayCorrection(
        _ db: Database, _ e: ExchangedEvent, _ event: LedgerEvent, day: Day, stamp: EventStamp, notes: inout MergeNotes
    ) throws -> Bool {
        switch event {
        case .partyUpdated(let p):
            guard let kind = PartyKind(rawValue: p.partyKind) else { throw PetitionsError("kind \(quoted(p.partyKind)) is not a kind of party.") }
            let ref = try resolveParty(db, p.handle, kinds: [kind], field: "handle")
            if ref.id == 0 {
                // This office's name, address and e-mail are its own (they head its report and sign its drafts).
                notes.warn(
                    e, "it changes \(ref.handle), this ledger's own office, whose name, address and e-mail are its own; it is kept without effect.")
                _ = try keep(db, e, event, subjects: [Subject("party", ref.id)])
                return false
            }
            let current = try partyFieldValues(db, ref.id, kind: kind)
            let apply = try keptFields(
                db, e, subject: Subject("party", ref.id), label: "\(kind == .person ? "petitioner" : kind.rawValue) \(ref.handle)",
                before: p.before, after: p.after, current: current, notes: &notes)
            _ = try keep(db, e, event, subjects: [Subject("party", ref.id)])
            try applyPartyFields(db, ref.id, apply)
            return false
        case .petitionUpdated(let p):
            guard let id = try reference(db, e, "petition", p.petition) else { throw PetitionsError("its payload names no petition.") }
            let petition = try requirePetition(db, id, field: "petition")
            let current: [String: JSONValue] = ["subject": .string(petition.subject), "category": petition.category.json, "via": petition.via.json]
            let apply = try keptFields(
                db, e, subject: Subject("petition", id), label: "petition \(id)", before: p.before, after: p.after, current: current,
                notes: &notes)
            _ = try keep(db, e, event, subjects: [Subject("petition", id)])
            try applyPetitionFields(db, id, apply)
            return false
        case .petitionNoted(let p):
            guard let id = try reference(db, e, "petition", p.petition) else { throw PetitionsError("its payload names no petition.") }
            _ = try transaction(db, stamp: stamp).notePetition(id, text: p.text, on: day)
        case .receiptVoided(let p):
            guard let id = try reference(db, e, "receipt", p.receipt) else { throw PetitionsError("its payload names no receipt.") }
            if try Int64.fetchOne(db, sql: "SELECT voided FROM receipt WHERE id = ?", arguments: [id]) == 1 {
                return try keep(db, e, event, subjects: [Subject("receipt", id)])
            }
            // A void dated before its receipt's day (the same day in every ledger) is wrong in any of them, as
            // `receipt void` says: the log is refused, not kept without effect.
            try Ledger.refusingTheLog { try refuseVoidBeforeReceipt(db, id, on: day) }
            let voided = try transaction(db, stamp: stamp).voidReceipt(id, reason: p.reason, on: day)
            if voided.cancelled {
                let d = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT k.handle AS decree, r.handle AS recipient, d.period FROM delivery d JOIN decree k ON k.id = d.decree_id
                        JOIN party r ON r.id = d.recipient_id WHERE d.id = ?
                        """, arguments: [voided.delivery])
                let which = d.map { "\($0["decree"] as String) to \($0["recipient"] as String) for \($0["period"] as String)" } ?? "it"
                notes.warn(
                    e,
                    "the delivery of \(which) is after the end of the enrolment here and nothing that counts came for it once receipt \(id) was voided; it is cancelled, as enrol end cancels it in the other office."
                )
            }
        case .enrolmentEnded(let p):
            let ended = try transaction(db, stamp: stamp).endEnrolment(
                decree: p.decree, recipient: p.recipient, on: try Day(parsing: p.on, field: "on"))
            if !ended.cancelled.isEmpty {
                notes.warn(
                    e,
                    "every receipt of the delivery of \(p.decree) to \(p.recipient) for \(ended.cancelled.joined(separator: ", ")) was voided here; ending the enrolment cancels \(ended.cancelled.count == 1 ? "it" : "them"), as a void after the end does in the other office."
                )
            }
        case .groupJoined(let p):
            let g = try resolveParty(db, p.group, kinds: [.group], field: "group")
            let m = try resolveParty(db, p.member, kinds: [.person], field: "member")
            if try isMember(db, g.id, m.id) { return try keep(db, e, event, subjects: [Subject("party", g.id), Subject("party", m.id)]) }
            _ = try transaction(db, stamp: stamp).joinGroup(p.group, member: p.member, from: day)
        case .groupLeft(let p):
            let g = try resolveParty(db, p.group, kinds: [.group], field: "group")
            let m = try resolveParty(db, p.member, kinds: [.person], field: "member")
            // Leaving before the membership began is wrong in any ledger, as `group leave` says: the log is refused.
            try Ledger.refusingTheLog { try refuseLeavingBeforeJoining(db, p.group, member: p.member, on: day) }
            if try !isMember(db, g.id, m.id) { return try keep(db, e, event, subjects: [Subject("party", g.id), Subject("party", m.id)]) }
            _ = try transaction(db, stamp: stamp).leaveGroup(p.group, member: p.member, on: day)
        case .dependantAdded(let p):
            // Both offices adding the same dependant would count her twice: the second is refused as a clerk's would
            // be, and so kept without effect and reported.
            try refuseDependantTwice(db, p.person, name: p.name, category: p.category)
            if let kept = try replayDependantCategory(db, e, event, p, day: day, stamp: stamp, notes: &notes) { return kept }
            _ = try transaction(db, stamp: stamp).addDependant(p.person, name: p.name, category: p.category, on: day)
        case .dependantRemoved(let p):
            _ = try transaction(db, stamp: stamp).removeDependant(p.person, name: p.name, category: p.category, on: day)
        default:
            _ = try keep(db, e, event, subjects: [])
        }
        return false
    }

    /// Runs a command's own check of an event's day (`--on` before the record it changes began) for a replayed event,
    /// and turns its refusal into a refusal of the whole log, naming the event's `day`: such a day is wrong in every
    /// ledger, so the event is not one this ledger merely moved past (kept without effect) but a log no office wrote.
    static func refusingTheLog(_ check: () throws -> Void) throws {
        do { try check() } catch let refusal as PetitionsError where refusal.message.hasPrefix("--on ") {
            throw PetitionsError("day " + refusal.message.dropFirst("--on ".count))
        }
    }

    /// Replays another office's dependant added under a category while this household holds the same name under
    /// another, added here without that office knowing (its log lacks the addition, or holds it only on a later line,
    /// merged after its own was recorded): both offices added one person twice, and counting her twice is no merge. The later addition is kept,
    /// the other undone, and the conflict reported, so both ledgers hold her once. Returns nil when there is no such
    /// conflict (a name in two categories that office knew of is two dependants), else whether the event was kept
    /// without effect.
    func replayDependantCategory(
        _ db: Database, _ e: ExchangedEvent, _ event: LedgerEvent, _ p: DependantAdded, day: Day, stamp: EventStamp, notes: inout MergeNotes
    ) throws -> Bool? {
        let person = try resolveParty(db, p.person, kinds: [.person], field: "petitioner")
        let name = try Ledger.checkName(p.name)
        let category = try Category.validate(p.category, field: "--category")
        let held = try Row.fetchAll(
            db, sql: "SELECT id, name, category FROM dependant WHERE person_id = ? AND category <> ? ORDER BY id", arguments: [person.id, category])
        guard
            let row = held.first(where: { ($0["name"] as String) == name })
                ?? held.first(where: { ($0["name"] as String).lowercased() == name.lowercased() }),
            let made = try Row.fetchOne(
                db,
                sql: """
                    SELECT e.uuid, e.recorded_at, e.office FROM event e JOIN event_subject s ON s.event_id = e.id
                    WHERE s.subject_type = 'party' AND s.subject_id = ? AND e.kind = ?
                    AND json_extract(e.payload, '$.name') = ? AND json_extract(e.payload, '$.category') = ?
                    ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1
                    """,
                arguments: [person.id, LedgerEvent.Kind.dependantAdded.rawValue, row["name"] as String, row["category"] as String])
        else { return nil }
        // One added with the petitioner herself is known to every office that knows her.
        let ours: (moment: String, uuid: String) = (made["recorded_at"], made["uuid"])
        let theirsLater = MergeNotes.isLater(e, than: ours)
        // Their log holding ours on an earlier line than theirs: that office held ours when it recorded theirs.
        if let line = notes.logEvents[ours.uuid.lowercased()], line < e.line { return nil }
        let heldCategory: String = row["category"]
        notes.conflict(
            FieldConflict(
                label: "petitioner \(person.handle)", field: "the category of dependant \(quoted(row["name"] as String))",
                ourOffice: made["office"], ours: quoted(heldCategory), theirOffice: e.office, theirs: quoted(category),
                kept: quoted(theirsLater ? category : heldCategory)))
        guard theirsLater else { return try keep(db, e, event, subjects: [Subject("party", person.id)]) }
        // Added first, so that the one undone ends on the day of this event (its trigger reads the latest event's day).
        _ = try transaction(db, stamp: stamp).addDependant(p.person, name: p.name, category: p.category, on: day)
        try db.execute(sql: "DELETE FROM dependant WHERE id = ?", arguments: [row["id"] as Int64])
        return false
    }

    /// The fields of an incoming correction to write here. A field whose value here is not the one the other office
    /// changed it from was changed here too: that is a conflict, reported, and the later of the two changes is kept.
    func keptFields(
        _ db: Database, _ e: ExchangedEvent, subject: Subject, label: String, before: [String: JSONValue], after: [String: JSONValue],
        current: [String: JSONValue], notes: inout MergeNotes
    ) throws -> [String: JSONValue] {
        var kept: [String: JSONValue] = [:]
        for (field, value) in after.sorted(by: { $0.key < $1.key }) {
            let here = current[field] ?? .null
            if here == (before[field] ?? .null) || here == value {
                kept[field] = value
                notes.applied(label: label, field: field, office: e.office, value: Ledger.shown(value))
                continue
            }
            // The latest change of this field recorded here, by another event than this one.
            let ours = try Row.fetchOne(
                db,
                sql: """
                    SELECT e.recorded_at, e.office, e.uuid FROM event e JOIN event_subject s ON s.event_id = e.id
                    WHERE s.subject_type = ? AND s.subject_id = ? AND e.kind IN (?, ?) AND json_type(e.payload, '$.after.' || ?) IS NOT NULL
                    ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1
                    """,
                arguments: [subject.type, subject.id, LedgerEvent.Kind.partyUpdated.rawValue, LedgerEvent.Kind.petitionUpdated.rawValue, field])
            let ourOffice: String? = ours?["office"]
            let theirsLater = MergeNotes.isLater(e, than: (ours?["recorded_at"] ?? "", ours?["uuid"] ?? ""))
            if theirsLater { kept[field] = value }
            notes.conflict(
                FieldConflict(
                    label: label, field: field, ourOffice: ourOffice, ours: Ledger.shown(here), theirOffice: e.office, theirs: Ledger.shown(value),
                    kept: Ledger.shown(theirsLater ? value : here)))
        }
        return kept
    }

    /// A field's value in a sentence.
    static func shown(_ value: JSONValue) -> String {
        switch value {
        case .null: return "nothing"
        case .string(let s): return quoted(s)
        default: return value.compactText
        }
    }
}
