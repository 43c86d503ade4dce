import Foundation
import GRDB
import PetitionsDomain

/// One line of an exported event log, as read back.
struct ExchangedEvent: Decodable {
    var schemaVersion: Int
    var uuid: String
    var kind: String
    var day: String
    var recordedAt: String
    var actor: String
    var office: String
    var summary: String
    var payload: JSONValue
    var refs: [String: String]?
    var line = 0

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case uuid, kind, day
        case recordedAt = "recorded_at"
        case actor, office, summary, payload, refs
    }

    /// Any key of a line, to name one an event does not have.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads a line that holds exactly the keys of an event (README, "JSON Lines events"): a key it does not know is
    /// refused, naming it, rather than dropped unseen.
    init(from decoder: Decoder) throws {
        let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue).filter { CodingKeys(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            let names = unknown.sorted().map { quoted($0) }.joined(separator: ", ")
            throw Ledger.EventLineError(
                "\(unknown.count == 1 ? "key" : "keys") \(names) \(unknown.count == 1 ? "is" : "are") not a key of an event (an event has exactly "
                    + CodingKeys.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        uuid = try c.decode(String.self, forKey: .uuid)
        kind = try c.decode(String.self, forKey: .kind)
        day = try c.decode(String.self, forKey: .day)
        recordedAt = try c.decode(String.self, forKey: .recordedAt)
        actor = try c.decode(String.self, forKey: .actor)
        office = try c.decode(String.self, forKey: .office)
        summary = try c.decode(String.self, forKey: .summary)
        payload = try c.decode(JSONValue.self, forKey: .payload)
        refs = try c.decodeIfPresent([String: String].self, forKey: .refs)
    }

    /// Whether `other` says the same as this event (its line aside): a log repeating an event is no conflict.
    func sameContent(as other: ExchangedEvent) -> Bool {
        uuid == other.uuid && kind == other.kind && day == other.day && recordedAt == other.recordedAt && actor == other.actor
            && office == other.office && summary == other.summary && payload == other.payload && (refs ?? [:]) == (other.refs ?? [:])
    }
}

extension Ledger {
    /// The version of the JSON Lines event format this program writes, and the newest it reads.
    public static let eventSchemaVersion = 1

    /// Payload keys that hold this ledger's id of a petition or letter; an export adds, under `refs`, the UUID
    /// of the event that created that record, which is the same in every ledger the record reaches.
    static let referenceKeys: [(key: String, table: String)] = [
        ("petition", "petition"), ("letter", "letter"), ("in_reply_to", "letter"), ("receipt", "receipt"), ("attachment", "attachment"),
    ]

    // MARK: - Export

    /// Writes the whole event log, oldest first, one JSON object a line (see README, "JSON Lines events").
    public func exportEvents(_ emit: (String) throws -> Void) throws {
        try read { db in
            let refs = Ledger.referenceKeys.map { r in
                "(SELECT x.uuid FROM \(r.table) t JOIN event x ON x.id = t.event_id WHERE t.id = json_extract(e.payload, '$.\(r.key)')) AS ref_\(r.key)"
            }.joined(separator: ", ")
            let cursor = try Row.fetchCursor(db, sql: "SELECT e.*, \(refs) FROM event e ORDER BY e.id")
            while let row = try cursor.next() {
                var line = "{\"actor\":"
                JSONValue.writeString(row["actor"], to: &line)
                line += ",\"day\":"
                JSONValue.writeString(row["day"], to: &line)
                line += ",\"kind\":"
                JSONValue.writeString(row["kind"], to: &line)
                line += ",\"office\":"
                JSONValue.writeString(row["office"], to: &line)
                // The payload is stored as JSON text (a CHECK keeps it valid) and goes out as it is.
                line += ",\"payload\":" + (try exportedPayload(db, row))
                line += ",\"recorded_at\":"
                JSONValue.writeString(row["recorded_at"], to: &line)
                line += ",\"refs\":{"
                var first = true
                for r in Ledger.referenceKeys.sorted(by: { $0.key < $1.key }) {
                    guard let uuid = row["ref_\(r.key)"] as String? else { continue }
                    if !first { line += "," }
                    first = false
                    JSONValue.writeString(r.key, to: &line)
                    line += ":"
                    JSONValue.writeString(uuid, to: &line)
                }
                line += "},\"schema_version\":\(Ledger.eventSchemaVersion),\"summary\":"
                JSONValue.writeString(row["summary"], to: &line)
                line += ",\"uuid\":"
                JSONValue.writeString(row["uuid"], to: &line)
                line += "}"
                try emit(line)
            }
        }
    }

    // MARK: - Import (merge)

    /// Merges another office's exported event log: each event not yet here (by UUID) is replayed, in the order
    /// it was recorded, through the operation that first recorded it, keeping its UUID, office, actor, day and
    /// moment; its handles pass through `map` (theirs → ours). A party or decree with the same handle, kind and
    /// name is joined; the same handle meaning something else is refused, with every such handle named, unless
    /// mapped. All of it is one transaction: on any problem nothing is written.
    /// `attachmentBytes`: the most an attachment may hold here (`max_attachment_mb`), which bounds an `attachment.added`
    /// event's `size` and the base64 `content` that carries its bytes, in place of the limit on a text.
    public func importEvents(_ data: Data, source: String, map: [String: String], attachmentBytes: Int = 25 << 20) throws -> MergeResult {
        for (theirs, ours) in map {
            guard Handle.isValid(theirs) else { throw PetitionsError.invalid("--map", "\(theirs)=\(ours)", "does not start with a valid handle") }
            guard Handle.isValid(ours) else { throw PetitionsError.invalid("--map", "\(theirs)=\(ours)", "does not map to a valid handle") }
        }
        let events = try Ledger.parseEventLines(data, source: source, now: context.now())
        try Ledger.refuseUnusedMaps(map, events: events, source: source)
        // Recorded order; the file's order among events of the same moment.
        let ordered = events.enumerated().sorted { a, b in
            a.element.recordedAt != b.element.recordedAt ? a.element.recordedAt < b.element.recordedAt : a.offset < b.offset
        }.map(\.element)
        return try write { db in
            var seen: [String: ExchangedEvent] = [:]
            var fresh: [ExchangedEvent] = []
            // Also in upper case: a ledger that imported one before UUIDs were folded may hold it so.
            let present = try db.cachedStatement(sql: Ledger.storedEventSQL)
            for e in ordered {
                if let first = seen[e.uuid] {
                    guard first.sameContent(as: e) else {
                        throw PetitionsError(
                            "\(source) lines \(min(first.line, e.line)) and \(max(first.line, e.line)) are two different events with the same uuid \(quoted(e.uuid)); nothing was imported."
                        )
                    }
                    continue
                }
                seen[e.uuid] = e
                if let stored = try Row.fetchOne(present, arguments: [e.uuid, e.uuid.uppercased()]) {
                    // Already here: the same event, or a line changed since it was exported, refused like a pair in one file.
                    try refuseChanged(db, e, stored: stored, source: source, map: map)
                } else {
                    fresh.append(e)
                }
            }
            var result = MergeResult(events: events.count, added: 0, alreadyPresent: events.count - fresh.count, joined: 0)
            guard !fresh.isEmpty else { return result }
            try refuseBadValues(fresh, source: source, map: map, attachmentBytes: attachmentBytes)
            try checkHandles(db, fresh, source: source, map: map)
            var notes = MergeNotes()
            notes.logEvents = Dictionary(seen.values.map { ($0.uuid.lowercased(), $0.line) }, uniquingKeysWith: min)
            for e in fresh {
                do {
                    var joined = false
                    var eventNotes = notes
                    // Each event in a savepoint of its own: one that cannot apply here is undone alone.
                    try db.inSavepoint {
                        joined = try replay(db, e, map: map, notes: &eventNotes)
                        return .commit
                    }
                    notes = eventNotes
                    if joined { result.joined += 1 }
                } catch let error as PetitionsError where error.kind != .other {
                    // A refusal of a value (kind invalid, not found, conflict) means the log is sound but this ledger
                    // has moved on, which the other office could not know: the event is kept and reported. A log that
                    // cannot be read is refused with kind other, below.
                    do {
                        let event = try LedgerEvent(kind: e.kind, payload: e.payload).mappingHandles { map[$0] ?? $0 }
                        _ = try keep(db, e, event, subjects: [])
                    } catch {
                        // An event that cannot even be kept (a control character in its payload) refuses the log.
                        throw try Ledger.lineRefusal(error, source: source, event: e)
                    }
                    result.notApplied.append(
                        "line \(e.line) (event \(e.uuid), \(e.kind)): \(Ledger.inPayloadTerms(error.message)) It is kept in the log without effect.")
                } catch {
                    throw try Ledger.lineRefusal(error, source: source, event: e)
                }
                result.added += 1
            }
            result.conflicts = notes.conflicts.map(\.sentence)
            result.warnings = notes.warnings
            let event = ImportCompleted(
                what: "events", source: source, rows: Int64(result.events), imported: Int64(result.added),
                alreadyPresent: Int64(result.alreadyPresent), joined: Int64(result.joined), map: map)
            try appendEvent(
                db, event.event, day: context.today, subjects: [],
                summary: "Merged \(Wording.count(result.added, "event")) from \(source) (\(result.alreadyPresent) already present)")
            return result
        }
    }

    /// The refusal of the whole log for one of its events, naming its line.
    static func lineRefusal(_ error: any Error, source: String, event e: ExchangedEvent) throws -> PetitionsError {
        let message = Ledger.inPayloadTerms(try Ledger.rowMessage(error))
        return PetitionsError(
            "\(source) line \(e.line) (event \(e.uuid), \(e.kind)): \(message) Nothing was imported.",
            code: (error as? PetitionsError)?.code ?? .dataError)
    }

    /// Reads JSON Lines: every line one event of a known schema version; a broken one is named by its line.
    static func parseEventLines(_ data: Data, source: String, now: Date) throws -> [ExchangedEvent] {
        let decoder = JSONDecoder()
        // A day of clock skew between offices is allowed; a moment past it would win every conflict.
        let latest = Ledger.timestamp(now.addingTimeInterval(86_400))
        var events: [ExchangedEvent] = []
        var problems: [String] = []
        var lineNumber = 0
        for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = raw
            if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if bytes.last == 0x0D { bytes = bytes.dropLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                // The version first: a newer event may not have the fields this version knows.
                if let version = (try? decoder.decode(Versioned.self, from: Data(bytes)))?.schemaVersion, version > eventSchemaVersion {
                    throw PetitionsError(
                        "\(source) line \(lineNumber) is an event of schema version \(version), written by a newer petitions (this one reads up to version \(eventSchemaVersion)); upgrade petitions to import it. Nothing was imported."
                    )
                }
                var e = try decoder.decode(ExchangedEvent.self, from: Data(bytes))
                e.line = lineNumber
                guard e.schemaVersion >= 1 else { throw EventLineError("schema_version \(e.schemaVersion) is not a version (versions start at 1)") }
                guard e.uuid.count == 36, UUID(uuidString: e.uuid) != nil else { throw EventLineError("uuid \(quoted(e.uuid)) is not a UUID") }
                // RFC 4122 text is case-insensitive and this ledger writes lower case: the same event in upper case is
                // the same event, not a new one.
                e.uuid = e.uuid.lowercased()
                e.refs = e.refs?.mapValues { $0.lowercased() }
                guard (try? Day(parsing: e.day)) != nil else { throw EventLineError("day \(quoted(e.day)) is not a day (YYYY-MM-DD)") }
                try Ledger.checkMoment(e.recordedAt, latest: latest)
                guard e.kind.contains("."), !e.actor.isEmpty, !e.office.isEmpty else {
                    throw EventLineError("kind, actor and office must not be empty")
                }
                // The check a clerk's --actor and --office get, whatever source gave them.
                do {
                    try RecorderName.refuse(e.actor, field: "actor", what: "who recorded an event")
                    try RecorderName.refuse(e.office, field: "office", what: "an office's name")
                } catch let refusal as PetitionsError {
                    throw EventLineError(String(refusal.message.dropLast(refusal.message.hasSuffix(".") ? 1 : 0)))
                }
                guard case .object(let payload) = e.payload else { throw EventLineError("payload is not a JSON object") }
                try Ledger.refuseUnreadKeys(bytes, kind: e.kind, payload: payload)
                events.append(e)
            } catch let e as PetitionsError {
                throw e
            } catch let e as EventLineError {
                problems.append("line \(lineNumber): \(e.message)")
            } catch let e as DecodingError {
                // A schema_version past what Int holds (10^30) fails the whole line as "not valid JSON": name it.
                if let version = (try? decoder.decode(LooseVersion.self, from: Data(bytes)))?.schemaVersion, Int(exactly: version) == nil {
                    problems.append("line \(lineNumber): schema_version \(version) is not a version (versions are whole numbers from 1)")
                } else {
                    problems.append("line \(lineNumber): \(describe(e))")
                }
            }
            if problems.count >= 20 { break }
        }
        guard problems.isEmpty else {
            throw PetitionsError(
                "\(source) is not an exported event log (JSON Lines, one event a line); nothing was imported:\n  "
                    + problems.joined(separator: "\n  "))
        }
        return events
    }

    /// Refuses a line that JSON readers would read with something left out unseen: a key given twice in one object
    /// (Foundation keeps one of the two), or a payload key that its kind of event does not have (decoding drops it).
    /// The log is versioned (`schema_version`): a key this version does not know was not written by it.
    static func refuseUnreadKeys(_ line: Data, kind: String, payload: [String: JSONValue]) throws {
        if let (key, path) = line.withUnsafeBytes({ JSONWalk.firstDuplicateKey(in: $0) }) {
            throw EventLineError(
                "the key \(quoted(key)) is given twice in \(path.isEmpty ? "the event" : path.joined(separator: ".")); a key is given once")
        }
        guard let known = LedgerEvent.Kind(rawValue: kind), let (key, within) = LedgerEvent.unknownKey(of: known, in: payload) else { return }
        throw EventLineError("the key \(quoted(key))\(within.map { " in payload.\($0)" } ?? "") is not one \(Wording.a(kind)) event has")
    }

    struct Versioned: Decodable {
        var schemaVersion: Int?
        enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
    }

    /// The version as any JSON number, to name one that is not a whole number an `Int` holds.
    struct LooseVersion: Decodable {
        var schemaVersion: Double?
        enum CodingKeys: String, CodingKey { case schemaVersion = "schema_version" }
    }

    struct EventLineError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "it has no \(key.stringValue)"
        case .typeMismatch(_, let c), .valueNotFound(_, let c):
            // The line itself is the wrong type: a number or a list where an event, one JSON object, should be.
            if c.codingPath.isEmpty { return "it is not a JSON object (an event is one JSON object a line)" }
            return "\(c.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "it is not valid JSON" : "\(c.codingPath.map(\.stringValue).joined(separator: ".")) is not valid"
        @unknown default: return "it cannot be read"
        }
    }

    // MARK: - Handles that mean different things

    /// Refuses the merge, naming every handle that the file gives a different kind or name than this ledger
    /// (or than an earlier line of the file) does, unless `--map` says what it is here.
    func checkHandles(_ db: Database, _ events: [ExchangedEvent], source: String, map: [String: String]) throws {
        var defined: [String: (kind: String, name: String, line: Int)] = [:]
        var conflicts: [String] = []
        let ownOffice = try String.fetchOne(db, sql: "SELECT handle FROM party WHERE id = 0")
        for e in events {
            // An event that does not read is reported, with its line, when it is replayed.
            guard let event = try? LedgerEvent(kind: e.kind, payload: e.payload) else { continue }
            let (kind, table, theirs, name): (String, String, String, String)
            switch event {
            case .authorityAdded(let p): (kind, table, theirs, name) = ("authority", "party", p.handle, p.name)
            case .groupAdded(let p): (kind, table, theirs, name) = ("group", "party", p.handle, p.name)
            case .petitionerAdded(let p): (kind, table, theirs, name) = ("person", "party", p.handle, p.name)
            case .decreeAdded(let p): (kind, table, theirs, name) = ("decree", "decree", p.handle, p.name)
            case .ledgerInitialized(let p): (kind, table, theirs, name) = ("office", "party", Schema.officeHandleBase(p.office), p.office)
            default: continue
            }
            let mapped = map[theirs] != nil
            let handle = map[theirs] ?? theirs
            let key = "\(table):\(handle)"
            if kind == "office", handle == ownOffice {
                // Another office is never this one: its `office set` would rename this office and head its report.
                conflicts.append(
                    "line \(e.line): \(quoted(handle)) is the office \(quoted(name)) of office \(e.office) but this ledger's own office; another "
                        + "office's name, address and e-mail never change this office's, so "
                        + (mapped ? "leave out --map \(theirs)=\(handle)" : "map it to another handle, e.g. --map \(theirs)=\(theirs)-office"))
                continue
            }
            let here: (kind: String, name: String, line: Int)?
            if let row = try Row.fetchOne(
                db, sql: "SELECT \(table == "party" ? "kind" : "'decree'") AS kind, name FROM \(table) WHERE handle = ?", arguments: [handle])
            {
                here = (row["kind"], row["name"], 0)
            } else {
                here = defined[key]
            }
            guard let here else {
                defined[key] = (kind, name, e.line)
                continue
            }
            let what = { (k: String, n: String) in "\(Wording.a(k)) \(quoted(n))" }
            let whereHere = here.line == 0 ? "in this ledger" : "on line \(here.line)"
            // An office's handle is its name already: `dmitrov-office`, not `dmitrov-dmitrov`.
            let suffix = kind == "office" ? "office" : Ledger.slugPart(e.office)
            if here.kind != kind {
                conflicts.append(
                    "line \(e.line): \(quoted(handle)) is \(what(kind, name)) of office \(e.office) but \(what(here.kind, here.name)) \(whereHere); "
                        + "map it to another handle, e.g. --map \(theirs)=\(theirs)-\(suffix)")
            } else if here.name != name && !mapped {
                conflicts.append(
                    "line \(e.line): \(quoted(handle)) is \(what(kind, name)) of office \(e.office) but \(what(here.kind, here.name)) \(whereHere); "
                        + "if they are the same, --map \(theirs)=\(handle); if not, --map \(theirs)=\(theirs)-\(suffix)")
            }
        }
        guard conflicts.isEmpty else {
            let shown = conflicts.prefix(20).joined(separator: "\n  ")
            let more = conflicts.count > 20 ? "\n  … and \(conflicts.count - 20) more" : ""
            throw PetitionsError(
                "\(source) uses \(conflicts.count == 1 ? "a handle" : "\(conflicts.count) handles") that mean\(conflicts.count == 1 ? "s" : "") something else here; nothing was imported:\n  \(shown)\(more)"
            )
        }
    }

    static func slugPart(_ office: String) -> String {
        let s = Handle.slug(from: office)
        return s.hasPrefix("p-") ? "other" : s
    }
}
