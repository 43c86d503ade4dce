import Crypto
import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Attachments

    /// The lower-case hexadecimal SHA-256 of `bytes`.
    static func sha256(_ bytes: Data) -> String { Hex.lowercase(SHA256.hash(data: bytes)) }

    /// Attaches `bytes` (a file called `name`) to a letter or a petition: the content is stored once per SHA-256. A
    /// voided letter is refused, as `letter extend` refuses it.
    public func attach(letter: Int64?, petition: Int64?, name: String, title: String?, bytes: Data, on day: Day) throws -> Attachment {
        let event = AttachmentAdded(
            letter: letter, petition: petition, name: name, title: title, mediaType: MediaType.sniff(bytes), size: Int64(bytes.count),
            sha256: Ledger.sha256(bytes))
        let id = try transaction { tx in
            // A clerk's attachment only: a merge replays another office's as it was, even to a letter voided here since.
            if let letter, try Int64.fetchOne(tx.db, sql: "SELECT voided FROM letter WHERE id = ?", arguments: [letter]) == 1 {
                throw PetitionsError.invalid("letter", String(letter), "is void; a voided letter takes no more documents")
            }
            return try tx.attach(event, bytes: bytes, on: day)
        }
        return try attachment(id)
    }

    /// Takes an attachment off its letter or petition: an event; the content stays until `compact`.
    /// A day after today is refused, as a void is: the file would be gone from today's pages before it was removed;
    /// so is a day before the attachment was added (one dated after today may still be removed today).
    public func removeAttachment(_ id: Int64, reason: String, on day: Day) throws -> Attachment {
        try refuseAfterToday(day, "a removal")
        let before = try attachment(id)
        try transaction { tx in
            try refuseRemovalBeforeAdding(tx.db, id, on: day)
            try tx.removeAttachment(id, reason: reason, on: day)
        }
        return before
    }

    /// Refuses a removal of an attachment in force dated before the file was added; one added after today may still be
    /// removed today. A merge refuses another office's so dated.
    func refuseRemovalBeforeAdding(_ db: Database, _ id: Int64, on day: Day) throws {
        let added = try requireAttachment(db, id, field: "attachment").attachment().added
        guard day < min(added, context.today) else { return }
        throw PetitionsError.invalid(
            "--on", day.description,
            "is before attachment \(id) was added (\(added)); a file is removed on or after the day it was added, so nothing was recorded")
    }

    /// An attachment in force (not removed), or a sentence naming `field` and the id.
    func requireAttachment(_ db: Database, _ id: Int64, field: String) throws -> AttachmentRecord {
        guard let a = try AttachmentQuery(id: id).fetchAll(db).first else {
            let max = try Int64.fetchOne(db, sql: "SELECT max(id) FROM attachment")
            throw PetitionsError("\(field): no attachment with id \(id)\(max.map { " (ids run up to \($0))" } ?? " (there are none yet)").")
        }
        if let removed = a.removedEventID {
            let day = try String.fetchOne(db, sql: "SELECT day FROM event WHERE id = ?", arguments: [removed]) ?? "?"
            // A refusal of the ledger's state, not of the log: another office's removal of one removed here too is
            // kept without effect by a merge, which a removal refused as unreadable blocked for good.
            throw PetitionsError("\(field): attachment \(id) was removed on \(day).", kind: .invalid)
        }
        return a
    }

    /// One attachment in force, by id.
    public func attachment(_ id: Int64) throws -> Attachment {
        try read { db in try requireAttachment(db, id, field: "attachment").attachment() }
    }

    /// The attachments in force, of one letter or petition or all of them, by id.
    public func attachments(letter: Int64? = nil, petition: Int64? = nil) throws -> [Attachment] {
        try read { db in
            if let letter {
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM letter WHERE id = ?", arguments: [letter]) == true else {
                    throw try Ledger.noLetter(db, letter, field: "--letter")
                }
            }
            if let petition {
                _ = try requirePetition(db, petition, field: "--petition")
            }
            return try AttachmentQuery(letter: letter, petition: petition).fetchAll(db).map { try $0.attachment() }
        }
    }

    /// The bytes of an attachment in force, exactly as attached.
    public func attachmentContent(_ id: Int64) throws -> Data {
        try read { db in
            let a = try requireAttachment(db, id, field: "attachment")
            guard let bytes = try Data.fetchOne(db, sql: "SELECT bytes FROM attachment_content WHERE sha256 = ?", arguments: [a.sha256]) else {
                throw PetitionsError(
                    "attachment \(id): its content is not in this ledger (it came from a log whose office had compacted it).", code: .noInput)
            }
            return bytes
        }
    }

    /// How many attachments in force each letter has, for the letters that have any.
    public func documentCounts() throws -> [Int64: Int] {
        try read { db in
            var counts: [Int64: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT letter_id, count(*) AS n FROM attachment WHERE letter_id IS NOT NULL AND removed_event_id IS NULL GROUP BY letter_id")
            {
                counts[row["letter_id"]] = row["n"]
            }
            return counts
        }
    }

    /// The letters written by `asOf` with attachments in force added by then, and how many, by letter: of every
    /// letter, or only of those from or to one of `parties`.
    public func letterDocuments(asOf: Day, parties: Set<Int64>?) throws -> [(letter: Int64, day: Day, documents: Int)] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: Ledger.letterDocumentsSQL, arguments: [asOf.description])
            return try rows.compactMap { r in
                if let parties, !parties.contains(r["from_id"]), !parties.contains(r["to_id"]) { return nil }
                return (r["id"], try r.day("day"), r["n"])
            }
        }
    }

    /// The base64 content of the attachment that the `attachment.added` event `eventID` added, for an export.
    func exportedContent(_ db: Database, eventID: Int64) throws -> String? {
        try Data.fetchOne(
            db.cachedStatement(
                sql: "SELECT c.bytes FROM attachment a JOIN attachment_content c ON c.sha256 = a.sha256 WHERE a.event_id = ?"),
            arguments: [eventID]
        )?.base64EncodedString()
    }

    // MARK: - Compact

    /// Drops the content that no attachment in force uses (what `attachment remove` left), rebuilds the search
    /// index, and gives the file's free pages back (VACUUM).
    public func compact() throws -> CompactResult {
        let result: CompactResult = try write { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS n, coalesce(sum(size), 0) AS bytes FROM attachment_content c
                    WHERE NOT EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = c.sha256 AND a.removed_event_id IS NULL)
                    """)
            try db.execute(
                sql: """
                    DELETE FROM attachment_content
                    WHERE NOT EXISTS (SELECT 1 FROM attachment a WHERE a.sha256 = attachment_content.sha256 AND a.removed_event_id IS NULL)
                    """)
            try rebuildSearchIndex(db)
            return CompactResult(contents: row?["n"] ?? 0, bytes: row?["bytes"] ?? 0)
        }
        if let writer {
            try translate { try writer.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") } }
        }
        return result
    }

    // MARK: - Merge

    /// Replays another office's `attachment.added`: its letter or petition found by the UUID of the event that made it,
    /// its bytes (when the log carries them) checked against its size and SHA-256.
    func replayAttachment(_ db: Database, _ e: ExchangedEvent, _ p: AttachmentAdded, on day: Day, stamp: EventStamp) throws {
        var added = p
        added.letter = try reference(db, e, "letter", p.letter)
        added.petition = try reference(db, e, "petition", p.petition)
        let bytes = try p.content.map { text in
            guard let data = Data(base64Encoded: text) else { throw PetitionsError("its payload's content is not base64.") }
            return data
        }
        _ = try transaction(db, stamp: stamp).attach(added, bytes: bytes, on: day)
    }

    /// An event's payload as exported: as stored, except that an `attachment.added` carries its file's bytes (base64
    /// under `content`) while this ledger still holds them.
    func exportedPayload(_ db: Database, _ row: Row) throws -> String {
        let stored: String = row["payload"]
        guard (row["kind"] as String) == LedgerEvent.Kind.attachmentAdded.rawValue,
            case .attachmentAdded(var added) = try LedgerEvent(
                kind: row["kind"], payload: try JSONDecoder().decode(JSONValue.self, from: Data(stored.utf8))),
            let content = try exportedContent(db, eventID: row["id"])
        else { return stored }
        added.content = content
        return try added.event.payloadText()
    }
}

extension LedgerTransaction {
    // MARK: - Attachments

    /// Records `event` in this transaction, with its content when it is given; returns the id.
    func attach(_ event: AttachmentAdded, bytes: Data?, on day: Day) throws -> Int64 {
        var event = event
        event.content = nil
        // Checked here too, not only where a clerk types it: a name or a media type in another office's log is text
        // anyone could have edited, and a download is named and typed by them.
        event.name = try FileName.checked(event.name)
        event.title = Ledger.nonEmpty(event.title)
        guard (event.letter == nil) != (event.petition == nil) else {
            throw PetitionsError("attach: give either --letter or --petition (one of them).", code: .usage)
        }
        guard event.size > 0 else { throw PetitionsError.invalid("size", String(event.size), "is not the size of a file with something in it") }
        let subject: Subject
        if let letter = event.letter {
            guard try Int64.fetchOne(db, sql: "SELECT voided FROM letter WHERE id = ?", arguments: [letter]) != nil else {
                throw try Ledger.noLetter(db, letter, field: "--letter")
            }
            subject = Subject("letter", letter)
        } else {
            let petition = try ledger.requirePetition(db, event.petition ?? 0, field: "--petition")
            subject = Subject("petition", petition.id)
        }
        if let bytes {
            guard Int64(bytes.count) == event.size, Ledger.sha256(bytes) == event.sha256 else {
                throw PetitionsError("the attachment's content does not match its size and sha256; the file was changed in transit.")
            }
            event.mediaType = MediaType.sniff(bytes)
            try db.execute(
                sql: "INSERT INTO attachment_content(sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT(sha256) DO NOTHING",
                arguments: [event.sha256, event.size, bytes])
        }
        if !MediaType.known.contains(event.mediaType) { event.mediaType = MediaType.unknown }
        let what = event.title.map { quoted($0) } ?? event.name
        let eventID = try append(
            event.event, day: day, subjects: [subject], summary: "Attached \(what) to \(subject.type) \(subject.id)")
        try db.execute(
            sql: """
                INSERT INTO attachment(letter_id, petition_id, name, title, media_type, size, sha256, office, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [event.letter, event.petition, event.name, event.title, event.mediaType, event.size, event.sha256, stamp.office, eventID])
        return db.lastInsertedRowID
    }

    /// Removes an attachment in this transaction.
    func removeAttachment(_ id: Int64, reason: String, on day: Day) throws {
        let reason = try Ledger.checkName(reason, field: "--reason")
        let a = try ledger.requireAttachment(db, id, field: "attachment")
        let subject = a.letterID.map { Subject("letter", $0) } ?? Subject("petition", a.petitionID ?? 0)
        let eventID = try append(
            .attachmentRemoved(AttachmentRemoved(attachment: id, reason: reason)), day: day, subjects: [subject],
            summary: "Attachment \(id) removed: \(reason)")
        try db.execute(sql: "UPDATE attachment SET removed_event_id = ? WHERE id = ?", arguments: [eventID, id])
    }
}
