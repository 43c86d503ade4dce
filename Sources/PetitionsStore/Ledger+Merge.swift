import Foundation
import GRDB
import PetitionsDomain

/// What `import events` did.
public struct MergeResult: Codable, Sendable {
    /// Events in the file.
    public var events: Int
    /// Events added to this ledger.
    public var added: Int
    /// Events this ledger already held (by UUID): from an earlier import, or an overlapping file.
    public var alreadyPresent: Int
    /// Of the added events, those that recorded a party, decree or enrolment this ledger already had, and were joined to it.
    public var joined: Int
}

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

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", uuid, kind, day, recordedAt = "recorded_at", actor, office, summary, payload, refs
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
    static let referenceKeys: [(key: String, table: String)] = [("petition", "petition"), ("letter", "letter"), ("in_reply_to", "letter")]

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
                line += ",\"payload\":" + (row["payload"] as String)
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
    public func importEvents(_ data: Data, source: String, map: [String: String]) throws -> MergeResult {
        for (theirs, ours) in map {
            guard Handle.isValid(theirs) else { throw PetitionsError.invalid("--map", "\(theirs)=\(ours)", "does not start with a valid handle") }
            guard Handle.isValid(ours) else { throw PetitionsError.invalid("--map", "\(theirs)=\(ours)", "does not map to a valid handle") }
        }
        let events = try Ledger.parseEventLines(data, source: source)
        // Recorded order; the file's order among events of the same moment.
        let ordered = events.enumerated().sorted { a, b in
            a.element.recordedAt != b.element.recordedAt ? a.element.recordedAt < b.element.recordedAt : a.offset < b.offset
        }.map(\.element)
        return try write { db in
            var seen: [String: ExchangedEvent] = [:]
            var fresh: [ExchangedEvent] = []
            // Also in upper case: a ledger that imported one before UUIDs were folded may hold it so.
            let present = try db.cachedStatement(sql: "SELECT 1 FROM event WHERE uuid = ? OR uuid = ?")
            for e in ordered {
                if let first = seen[e.uuid] {
                    guard first.sameContent(as: e) else {
                        throw PetitionsError("\(source) lines \(min(first.line, e.line)) and \(max(first.line, e.line)) are two different events with the same uuid \(quoted(e.uuid)); nothing was imported.")
                    }
                    continue
                }
                seen[e.uuid] = e
                if try Bool.fetchOne(present, arguments: [e.uuid, e.uuid.uppercased()]) != true { fresh.append(e) }
            }
            var result = MergeResult(events: events.count, added: 0, alreadyPresent: events.count - fresh.count, joined: 0)
            guard !fresh.isEmpty else { return result }
            try checkHandles(db, fresh, source: source, map: map)
            for e in fresh {
                do {
                    if try replay(db, e, map: map) { result.joined += 1 }
                } catch {
                    let message = try Ledger.rowMessage(error)
                    throw PetitionsError("\(source) line \(e.line) (event \(e.uuid), \(e.kind)): \(message) Nothing was imported.",
                                         code: (error as? PetitionsError)?.code ?? .dataError)
                }
                result.added += 1
            }
            try appendEvent(db, kind: "import.completed", day: context.today, subjects: [],
                            summary: "Merged \(result.added) events from \(source) (\(result.alreadyPresent) already present)",
                            payload: ["what": .string("events"), "source": .string(source), "rows": .int(Int64(result.events)),
                                      "imported": .int(Int64(result.added)), "already_present": .int(Int64(result.alreadyPresent)),
                                      "joined": .int(Int64(result.joined)), "map": .object(map.mapValues { .string($0) })])
            return result
        }
    }

    /// Reads JSON Lines: every line one event of a known schema version; a broken one is named by its line.
    static func parseEventLines(_ data: Data, source: String) throws -> [ExchangedEvent] {
        let decoder = JSONDecoder()
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
                    throw PetitionsError("\(source) line \(lineNumber) is an event of schema version \(version), written by a newer petitions (this one reads up to version \(eventSchemaVersion)); upgrade petitions to import it. Nothing was imported.")
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
                guard e.kind.contains("."), !e.actor.isEmpty, !e.office.isEmpty else {
                    throw EventLineError("kind, actor and office must not be empty")
                }
                guard case .object = e.payload else { throw EventLineError("payload is not a JSON object") }
                events.append(e)
            } catch let e as PetitionsError {
                throw e
            } catch let e as EventLineError {
                problems.append("line \(lineNumber): \(e.message)")
            } catch let e as DecodingError {
                problems.append("line \(lineNumber): \(describe(e))")
            }
            if problems.count >= 20 { break }
        }
        guard problems.isEmpty else {
            throw PetitionsError("\(source) is not an exported event log (JSON Lines, one event a line); nothing was imported:\n  "
                                 + problems.joined(separator: "\n  "))
        }
        return events
    }

    struct Versioned: Decodable {
        var schemaVersion: Int?
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
            return "\(c.codingPath.map(\.stringValue).joined(separator: ".")) has the wrong type"
        case .dataCorrupted(let c):
            return c.codingPath.isEmpty ? "it is not valid JSON" : "\(c.codingPath.map(\.stringValue).joined(separator: ".")) is not valid"
        @unknown default: return "it cannot be read"
        }
    }

    // MARK: - Handles that mean different things

    /// The handle keys of each kind's payload: what `--map` renames.
    static let handleKeys: [String: [String]] = [
        "authority.added": ["handle", "parent"], "group.added": ["handle"], "petitioner.added": ["handle", "groups"],
        "petition.logged": ["from", "to", "via"], "letter.sent": ["from", "to"], "letter.received": ["from", "to"],
        "decree.added": ["handle", "issuer", "supplier"], "enrolment.added": ["decree", "recipient"],
        "delivery.scheduled": ["decree", "recipient"], "delivery.received": ["decree", "recipient"], "delivery.cancelled": ["decree", "recipient"],
    ]

    static let partyKinds: [String: String] = ["authority.added": "authority", "group.added": "group", "petitioner.added": "person"]

    /// Refuses the merge, naming every handle that the file gives a different kind or name than this ledger
    /// (or than an earlier line of the file) does, unless `--map` says what it is here.
    func checkHandles(_ db: Database, _ events: [ExchangedEvent], source: String, map: [String: String]) throws {
        var defined: [String: (kind: String, name: String, line: Int)] = [:]
        var conflicts: [String] = []
        for e in events {
            let kind: String
            let table: String
            if let k = Ledger.partyKinds[e.kind] { kind = k; table = "party" } else if e.kind == "decree.added" { kind = "decree"; table = "decree" } else { continue }
            guard case .object(let p) = e.payload, case .string(let theirs)? = p["handle"], case .string(let name)? = p["name"] else { continue }
            let mapped = map[theirs] != nil
            let handle = map[theirs] ?? theirs
            let key = "\(table):\(handle)"
            let here: (kind: String, name: String, line: Int)?
            if let row = try Row.fetchOne(db, sql: "SELECT \(table == "party" ? "kind" : "'decree'") AS kind, name FROM \(table) WHERE handle = ?", arguments: [handle]) {
                here = (row["kind"], row["name"], 0)
            } else {
                here = defined[key]
            }
            guard let here else { defined[key] = (kind, name, e.line); continue }
            let what = { (k: String, n: String) in "\(k == "authority" ? "an" : "a") \(k) \(quoted(n))" }
            let whereHere = here.line == 0 ? "in this ledger" : "on line \(here.line)"
            if here.kind != kind {
                conflicts.append("line \(e.line): \(quoted(handle)) is \(what(kind, name)) of office \(e.office) but \(what(here.kind, here.name)) \(whereHere); "
                                 + "map it to another handle, e.g. --map \(theirs)=\(theirs)-\(Ledger.slugPart(e.office))")
            } else if here.name != name && !mapped {
                conflicts.append("line \(e.line): \(quoted(handle)) is \(what(kind, name)) of office \(e.office) but \(what(here.kind, here.name)) \(whereHere); "
                                 + "if they are the same, --map \(theirs)=\(handle); if not, --map \(theirs)=\(theirs)-\(Ledger.slugPart(e.office))")
            }
        }
        guard conflicts.isEmpty else {
            let shown = conflicts.prefix(20).joined(separator: "\n  ")
            let more = conflicts.count > 20 ? "\n  … and \(conflicts.count - 20) more" : ""
            throw PetitionsError("\(source) uses \(conflicts.count == 1 ? "a handle" : "\(conflicts.count) handles") that mean\(conflicts.count == 1 ? "s" : "") something else here; nothing was imported:\n  \(shown)\(more)")
        }
    }

    static func slugPart(_ office: String) -> String {
        let s = Handle.slug(from: office)
        return s.hasPrefix("p-") ? "other" : s
    }

    // MARK: - Replaying one event

    /// Replays one event under its own identity; returns whether it was joined to a record already here.
    func replay(_ db: Database, _ e: ExchangedEvent, map: [String: String]) throws -> Bool {
        let stamp = EventStamp(uuid: e.uuid, recordedAt: e.recordedAt, actor: e.actor, office: e.office)
        let p = EventPayload(e, map: map)
        let day = try Day(parsing: e.day, field: "day")
        switch e.kind {
        case "authority.added":
            let h = try p.handle("handle")
            if let id = try existing(db, "party", h) { try keep(db, e, p, subjects: [Subject("party", id)]); return true }
            _ = try addAuthority(db, name: try p.string("name"), handle: h, parent: p.optionalHandle("parent"),
                                 replyWithin: try p.optional("reply_within").map { try Span(parsing: $0, field: "reply_within") }, on: day, stamp: stamp)
        case "group.added":
            let h = try p.handle("handle")
            if let id = try existing(db, "party", h) { try keep(db, e, p, subjects: [Subject("party", id)]); return true }
            let counts = try p.counts("counts")
            _ = try addGroup(db, name: try p.string("name"), handle: h, district: p.optional("district"), counts: counts, on: day, stamp: stamp)
        case "petitioner.added":
            let h = try p.handle("handle")
            if let id = try existing(db, "party", h) { try keep(db, e, p, subjects: [Subject("party", id)]); return true }
            _ = try addPetitioner(db, name: try p.string("name"), handle: h, district: p.optional("district"), occupation: p.optional("occupation"),
                                  groups: try p.handles("groups"), dependants: try p.dependants("dependants"), on: day, stamp: stamp)
        case "petition.logged":
            _ = try logPetition(db, from: try p.handle("from"), to: try p.handle("to"), subject: try p.string("subject"), on: day,
                                via: p.optionalHandle("via"), category: p.optional("category"), stamp: stamp)
        case "petition.status_changed":
            guard let id = try reference(db, e, p, "petition") else { throw PetitionsError("its payload names no petition.") }
            guard let status = PetitionStatus(rawValue: try p.string("to")) else { throw PetitionsError("to \(quoted(try p.string("to"))) is not a petition status.") }
            try changeStatus(db, petition: id, to: status, on: day, note: p.optional("note"), stamp: stamp)
        case "letter.sent":
            _ = try sendLetter(db, from: try p.handle("from"), to: try p.handle("to"), on: day, subject: try p.string("subject"),
                               petition: try reference(db, e, p, "petition"),
                               replyWithin: try p.optional("reply_within").map { try Span(parsing: $0, field: "reply_within") },
                               expectsReply: p.bool("expects_reply") ?? true, channel: try p.channel(), summary: p.optional("summary"),
                               restartsClock: p.bool("restarts_clock") ?? false, body: p.optional("body"), stamp: stamp)
        case "letter.received":
            _ = try receiveLetter(db, from: try p.handle("from"), to: try p.handle("to"), on: day, subject: try p.string("subject"),
                                  inReplyTo: try reference(db, e, p, "in_reply_to"), petition: try reference(db, e, p, "petition"),
                                  channel: try p.channel(), summary: p.optional("summary"), stamp: stamp)
        case "letter.voided":
            guard let id = try reference(db, e, p, "letter") else { throw PetitionsError("its payload names no letter.") }
            try voidLetter(db, id, reason: try p.string("reason"), on: day, stamp: stamp)
        case "letter.extended":
            guard let id = try reference(db, e, p, "letter") else { throw PetitionsError("its payload names no letter.") }
            try extendLetter(db, id, by: try Span(parsing: try p.string("by"), field: "by"), reason: try p.string("reason"), on: day, stamp: stamp)
        case "decree.added":
            let h = try p.handle("handle")
            if let id = try existing(db, "decree", h) { try keep(db, e, p, subjects: [Subject("decree", id)]); return true }
            guard let every = Frequency(rawValue: p.optional("every") ?? "month") else { throw PetitionsError("every \(quoted(p.optional("every") ?? "")) is not a frequency.") }
            _ = try addDecree(db, handle: h, name: try p.string("name"), issued: try p.day("issued"), issuer: p.optionalHandle("issuer"),
                              supplier: try p.handle("supplier"), rations: try p.strings("rations"), every: every, dueDay: Int(p.int("due_day") ?? 1),
                              effectiveFrom: try p.optionalDay("effective_from"), effectiveTo: try p.optionalDay("effective_to"), stamp: stamp)
        case "enrolment.added":
            let decree = try resolveDecree(db, try p.handle("decree"), field: "decree")
            let recipient = try resolveParty(db, try p.handle("recipient"), kinds: [.group, .person], field: "recipient")
            let from = try p.day("from")
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND from_day = ?",
                                           arguments: [decree.id, recipient.id, from.description]) {
                try keep(db, e, p, subjects: [Subject("enrolment", id), Subject("decree", decree.id), Subject("party", recipient.id)])
                return true
            }
            _ = try enrol(db, decree: decree.handle, recipient: recipient.handle, counts: try p.counts("counts"), from: from,
                          to: try p.optionalDay("to"), memberCategory: "employee", stamp: stamp)
        case "delivery.scheduled":
            let decree = try p.handle("decree")
            let created = try scheduleDeliveries(db, decree: decree, recipient: p.optionalHandle("recipient"), from: try p.period("from"),
                                                 to: try p.period("to"), on: day, stamp: stamp).created
            if created.isEmpty {
                // Every period was already scheduled here: the event is kept, and changes nothing.
                try keep(db, e, p, subjects: [Subject("decree", try resolveDecree(db, decree, field: "decree").id)])
                return true
            }
        case "delivery.received":
            _ = try receiveDelivery(db, decree: try p.handle("decree"), recipient: try p.handle("recipient"), period: try p.period("period"),
                                    on: day, quantities: try p.strings("quantities"), note: p.optional("note"), stamp: stamp)
        case "delivery.cancelled":
            let (id, _, _) = try requireDelivery(db, decree: try p.handle("decree"), recipient: try p.handle("recipient"), period: try p.period("period"))
            if try String.fetchOne(db, sql: "SELECT status FROM delivery WHERE id = ?", arguments: [id]) == "cancelled" {
                try keep(db, e, p, subjects: [Subject("delivery", id)])
                return true
            }
            _ = try cancelDelivery(db, decree: try p.handle("decree"), recipient: try p.handle("recipient"), period: try p.period("period"),
                                   on: day, reason: try p.string("reason"), stamp: stamp)
        case "ledger.initialized", "import.completed", "setting.changed", "rules.applied", "finding.raised", "finding.cleared":
            // The other office's own housekeeping: kept in the log, and changing nothing here (settings, rules and
            // recorded checks belong to the ledger that made them).
            try keep(db, e, p, subjects: [])
        default:
            throw PetitionsError("this version of petitions does not know events of kind \(quoted(e.kind)); upgrade petitions to import it.")
        }
        return false
    }

    /// The id of the record in `table` with `handle`, when there is one.
    func existing(_ db: Database, _ table: String, _ handle: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM \(table) WHERE handle = ?"), arguments: [handle])
    }

    /// Stores the event as it came (its handles mapped), without changing any record.
    func keep(_ db: Database, _ e: ExchangedEvent, _ p: EventPayload, subjects: [Subject]) throws {
        try Ledger.refuseControlCharacters(in: p.mapped)
        try insertEvent(db, stamp: EventStamp(uuid: e.uuid, recordedAt: e.recordedAt, actor: e.actor, office: e.office), kind: e.kind,
                        day: e.day, summary: e.summary, payloadJSON: JSONValue.object(p.mapped).compactText, subjects: subjects)
    }

    /// This ledger's id of the petition or letter that `key` names, found through the UUID of the event that created it.
    func reference(_ db: Database, _ e: ExchangedEvent, _ p: EventPayload, _ key: String) throws -> Int64? {
        guard let value = p.values[key], value != .null else { return nil }
        guard let table = Ledger.referenceKeys.first(where: { $0.key == key })?.table else { return nil }
        guard let uuid = e.refs?[key] else {
            throw PetitionsError("its payload names \(key) \(value.compactText) but refs gives no UUID for it; export the log again with this version of petitions.")
        }
        let what = table == "petition" ? "petition" : "letter"
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT t.id FROM \(table) t JOIN event e ON e.id = t.event_id WHERE e.uuid = ? OR e.uuid = ?"),
                                       arguments: [uuid, uuid.uppercased()]) {
            return id
        }
        throw PetitionsError("it refers to the \(what) recorded by event \(uuid), which is neither in this ledger nor earlier in the file.")
    }
}

/// An event's payload with its handles mapped, and accessors whose errors name the key.
struct EventPayload {
    let values: [String: JSONValue]
    let mapped: [String: JSONValue]
    let map: [String: String]

    init(_ e: ExchangedEvent, map: [String: String]) {
        self.map = map
        if case .object(let o) = e.payload { values = o } else { values = [:] }
        var m = values
        for key in Ledger.handleKeys[e.kind] ?? [] {
            switch m[key] {
            case .string(let h)?: m[key] = .string(map[h] ?? h)
            case .array(let a)?: m[key] = .array(a.map { if case .string(let h) = $0 { return .string(map[h] ?? h) } else { return $0 } })
            default: break
            }
        }
        mapped = m
    }

    func string(_ key: String) throws -> String {
        guard case .string(let s)? = mapped[key] else { throw PetitionsError("its payload has no text \(key).") }
        return s
    }

    func optional(_ key: String) -> String? {
        if case .string(let s)? = mapped[key] { return s }
        return nil
    }

    func handle(_ key: String) throws -> String { try string(key) }
    func optionalHandle(_ key: String) -> String? { optional(key) }

    func handles(_ key: String) throws -> [String] { try strings(key) }

    func strings(_ key: String) throws -> [String] {
        guard let v = mapped[key], v != .null else { return [] }
        guard case .array(let a) = v else { throw PetitionsError("its payload's \(key) is not a list.") }
        return try a.map {
            guard case .string(let s) = $0 else { throw PetitionsError("its payload's \(key) holds something other than text.") }
            return s
        }
    }

    func bool(_ key: String) -> Bool? {
        if case .bool(let b)? = mapped[key] { return b }
        return nil
    }

    func int(_ key: String) -> Int64? {
        switch mapped[key] {
        case .int(let i)?: return i
        case .number(let d)?: return Int64(exactly: d)
        default: return nil
        }
    }

    func day(_ key: String) throws -> Day { try Day(parsing: try string(key), field: key) }
    func optionalDay(_ key: String) throws -> Day? { try optional(key).map { try Day(parsing: $0, field: key) } }
    func period(_ key: String) throws -> Period { try Period(parsing: try string(key), field: key) }
    func channel() throws -> Channel { try Channel(parsing: optional("channel") ?? "post") }

    func counts(_ key: String) throws -> [HeadCount] {
        guard let v = mapped[key], v != .null else { return [] }
        guard case .object(let o) = v else { throw PetitionsError("its payload's \(key) is not an object of head-counts.") }
        return try o.keys.sorted().map { c in
            guard case .int(let n)? = o[c], n > 0, n <= Int64(HeadCount.maximum) else { throw PetitionsError("its payload's \(key).\(c) is not a head-count.") }
            return HeadCount(category: c, count: Int(n))
        }
    }

    func dependants(_ key: String) throws -> [Dependant] {
        guard let v = mapped[key], v != .null else { return [] }
        guard case .array(let a) = v else { throw PetitionsError("its payload's \(key) is not a list.") }
        return try a.map {
            guard case .object(let o) = $0, case .string(let n)? = o["name"], case .string(let c)? = o["category"] else {
                throw PetitionsError("its payload's \(key) holds something other than {name, category}.")
            }
            return Dependant(name: n, category: c)
        }
    }
}
