import Foundation
import GRDB
import PetitionsDomain

/// A party as found by handle or id.
struct PartyRef {
    let id: Int64
    let kind: PartyKind
    let handle: String
    let name: String
}

extension Ledger {
    // MARK: - Resolving handles and ids

    /// Finds a party by id or handle, of one of `kinds`; an unknown one is an error naming the closest handle.
    func resolveParty(_ db: Database, _ ref: String, kinds: Set<PartyKind>, field: String) throws -> PartyRef {
        let what = kinds.count == 1 ? (kinds.first == .person ? "petitioner" : kinds.first!.rawValue) : "party"  // safe: count is 1
        let trimmed = Ledger.trimmed(ref)
        // SQLite reads a text only up to a NUL: `petr-kropotkin\0junk` would be petr-kropotkin.
        try ControlCharacters.refuse(trimmed, field: field)
        let p: PartyRef
        if let hit = lookups.party(trimmed) {
            p = hit
        } else {
            let row: Row?
            if let id = Int64(trimmed) {
                row = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, kind, handle, name FROM party WHERE id = ?"), arguments: [id])
            } else {
                row = try Row.fetchOne(
                    db.cachedStatement(sql: Ledger.partyByHandleSQL), arguments: [trimmed.lowercased()])
            }
            guard let row else {
                let handles = try String.fetchAll(
                    db, sql: "SELECT handle FROM party WHERE kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
                throw PetitionsError.unknown(what, field, ref, closest: closest(to: trimmed, among: handles))
            }
            p = PartyRef(id: row["id"], kind: try row.stored(PartyKind.self, "kind"), handle: row["handle"], name: row["name"])
            lookups.remember(p, for: trimmed)
        }
        let kind = p.kind
        guard kinds.contains(kind) else {
            let wanted = kinds.map { Wording.a($0.rawValue) }.sorted().joined(separator: " or ")
            throw PetitionsError(
                "\(field): \(quoted(ref)) is \(Wording.a(kind.rawValue)) (\(p.name)), but \(wanted) is needed here.")
        }
        return p
    }

    /// The handle of the party `ref` names (a handle or an id) among `kinds`; an unknown one is refused with the
    /// closest handle, under `field`. For what is written in a file and checked against the ledger (a rule's scope).
    public func partyHandle(_ ref: String, kinds: Set<PartyKind>, field: String) throws -> String {
        try read { db in try resolveParty(db, ref, kinds: kinds, field: field).handle }
    }

    /// A unique handle: the one given (checked) or one made from the name, with a number added when taken.
    func newHandle(_ db: Database, given: String?, name: String, table: String = "party") throws -> String {
        if let given {
            let h = try Handle.validate(given)
            if try db.exists(bound: "SELECT 1 FROM \(table) WHERE handle = ?", h) {
                throw PetitionsError.taken("--handle", h, "is already taken; choose another")
            }
            return h
        }
        let base = Handle.slug(from: name)
        var candidate = base
        var n = 2
        // A name such as "New" would make a handle the pages' addresses use (`/parties/new`): numbered, as if taken.
        func taken(_ h: String) throws -> Bool {
            if table == "party" && Handle.reservedForParties.contains(h) { return true }
            return try db.exists(bound: "SELECT 1 FROM \(table) WHERE handle = ?", h)
        }
        while try taken(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        return candidate
    }

    static func checkName(_ name: String, field: String = "--name") throws -> String {
        let n = trimmed(name)
        guard !n.isEmpty else {
            // "--subject '' is empty; give a subject.": the field names what is wanted. Worked out only here: Foundation's
            // replacing was two thirds of checking each name of an import.
            let wanted = field.hasPrefix("--") ? String(field.dropFirst(2)).replacingOccurrences(of: "-", with: " ") : "name"
            throw PetitionsError.invalid(field, name, "is empty; give \(Wording.a(wanted))")
        }
        if field == "--name" || field == "name" { try refuseInvisible(n, field: field) }
        return n
    }

    /// Refuses a name (of a party, a dependant, a decree) holding an invisible character (a zero-width space or joiner,
    /// a soft hyphen, a byte-order mark: Unicode's format characters) or beginning with a combining mark:
    /// `A\u{200D}B` printed as "AB" beside another "AB", and was given the handle `b`; `\u{0301}` alone, `p`.
    static func refuseInvisible(_ name: String, field: String) throws {
        guard name.utf8.contains(where: { $0 >= 0x80 }) else { return }
        // Below U+0300 (Latin letters with their accents, each one scalar) the soft hyphen is the only format character,
        // and the combining marks begin at U+0300: a name of those scalars holds nothing this refuses.
        if name.unicodeScalars.allSatisfy({ $0.value < 0x300 && $0.value != 0xAD }) { return }
        // Those that turn the text's direction are refused as in any text (`ControlCharacters`), with their own sentence;
        // the marks that set one (U+200E, U+200F, U+061C) are kept, as in other text: a right-to-left name needs them.
        let marks: Set<UInt32> = [0x200E, 0x200F, 0x061C]
        let invisible = { (s: Unicode.Scalar) in
            s.properties.generalCategory == .format && !ControlCharacters.turnsDirection(s) && !marks.contains(s.value)
        }
        if let c = name.unicodeScalars.first(where: invisible) {
            // Quoted back with each invisible character written as its code, or the sentence would show "AB".
            var shown = String.UnicodeScalarView()
            for s in name.unicodeScalars {
                if invisible(s) { shown.append(contentsOf: String(format: "\\u%04X", s.value).unicodeScalars) } else { shown.append(s) }
            }
            throw PetitionsError.invalid(
                field, String(shown),
                "holds \(String(format: "U+%04X", c.value)), an invisible character, so it would print as another name; give the name without it")
        }
        if let first = name.unicodeScalars.first, first.properties.isGraphemeExtend || first.properties.generalCategory == .nonspacingMark {
            throw PetitionsError.invalid(field, name, "begins with a combining mark, which has no letter to mark; give the name with its letter")
        }
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = trimmed(s)
        return t.isEmpty ? nil : t
    }

    /// `s` without surrounding white space; most text has none, and Foundation's trimming is slow on Linux.
    static func trimmed(_ s: String) -> String {
        guard let first = s.utf8.first, let last = s.utf8.last else { return s }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return s }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: - Recording parties

    /// Records an authority, optionally below a parent authority and with a default reply window.
    public func addAuthority(name: String, handle: String?, parent: String?, replyWithin: Span?, on day: Day?) throws -> Party {
        try refuseAfterToday(day, "a new party")
        let id = try transaction {
            try $0.addAuthority(name: name, handle: handle, parent: parent, replyWithin: replyWithin, on: day ?? context.today)
        }
        return try party(String(id))
    }

    /// Records a group of petitioners with optional head-counts.
    public func addGroup(name: String, handle: String?, district: String?, counts: [HeadCount], on day: Day?) throws -> Party {
        try refuseAfterToday(day, "a new party")
        let id = try transaction { try $0.addGroup(name: name, handle: handle, district: district, counts: counts, on: day ?? context.today) }
        return try party(String(id))
    }

    /// Records a person (a petitioner, and possibly an intermediary) with their household.
    public func addPetitioner(
        name: String, handle: String?, district: String?, occupation: String?, groups: [String],
        dependants: [Dependant], on day: Day?
    ) throws -> Party {
        try refuseNewPetitioner(handle: handle, dependants: dependants, on: day)
        let id = try transaction {
            try $0.addPetitioner(
                name: name, handle: handle, district: district, occupation: occupation, groups: groups, dependants: dependants,
                on: day ?? context.today)
        }
        return try party(String(id))
    }

    /// What a clerk's new petitioner may not be, whoever records it (`petitioner add`, the API, a page, a row of
    /// `import petitioners`): dated after today, under a handle the pages' addresses use, with a dependant twice.
    func refuseNewPetitioner(handle: String?, dependants: [Dependant], on day: Day?) throws {
        try Handle.refuseReserved(handle)
        try refuseAfterToday(day, "a new party")
        try Ledger.refuseDependantTwice(dependants)
    }

    /// Refuses a household that names one dependant twice (the same name and category, or names that differ only in
    /// case): she would count twice, which `dependant add` refuses too. (A merge replays the other office's additions
    /// as they were, so only a clerk's own addition is refused.)
    static func refuseDependantTwice(_ dependants: [Dependant]) throws {
        var seen: [Dependant: String] = [:]
        for d in dependants {
            let key = Dependant(name: d.name.lowercased(), category: d.category)
            if let first = seen[key] {
                let written = first == d.name ? "" : " (first written \(first))"
                throw PetitionsError.invalid(
                    "--dependant", "\(d.name):\(d.category)",
                    "is given twice\(written); a dependant is counted once, so nothing was added")
            }
            seen[key] = d.name
        }
    }

    static func merge(_ counts: [HeadCount]) throws -> [HeadCount] {
        var seen: [String: Int] = [:]
        var order: [String] = []
        for c in counts {
            if seen[c.category] != nil {
                throw PetitionsError.invalid("--count", "\(c.category)=\(c.count)", "repeats the category \(c.category)")
            }
            seen[c.category] = c.count
            order.append(c.category)
        }
        return order.map { HeadCount(category: $0, count: seen[$0] ?? 0) }
    }

    // MARK: - Reading parties

    /// One party, by id or handle, with its household, groups, members, counts and chain.
    public func party(_ ref: String) throws -> Party {
        try read { db in
            let p = try resolveParty(db, ref, kinds: [.person, .group, .authority, .office], field: "party")
            return try loadParties(db, PartyQuery(id: p.id)).first
                ?? Party(id: p.id, kind: p.kind, handle: p.handle, name: p.name, office: context.office)
        }
    }

    /// A party (by id or handle) and the day it was recorded (the day of the event that added it): a change dated
    /// before it is warned of, never refused (an office records facts older than its ledger).
    public func recorded(party ref: String) throws -> (kind: PartyKind, handle: String, on: Day) {
        try read { db in
            let p = try resolveParty(db, ref, kinds: [.person, .group, .authority, .office], field: "party")
            let day = try String.fetchOne(
                db, sql: "SELECT e.day FROM party JOIN event e ON e.id = party.event_id WHERE party.id = ?", arguments: [p.id])
            return (p.kind, p.handle, try Day(parsing: day ?? ""))
        }
    }

    /// Every party of a kind, by handle.
    public func parties(kind: PartyKind) throws -> [Party] {
        try read { db in try loadParties(db, PartyQuery(kind: kind)) }
    }

    /// The parties of each of `kinds` in turn (by handle within a kind), handed to `body` one at a time as they are
    /// read (memory stays flat however many parties), `passes` times over the same snapshot of the ledger (a table
    /// measures its columns, then writes its rows): `body` is given the pass, from 0.
    public func eachParty(kinds: [PartyKind], passes: Int = 1, _ body: (_ pass: Int, Party) throws -> Void) throws {
        try read { db in
            for pass in 0..<passes {
                for kind in kinds { try eachParty(db, PartyQuery(kind: kind)) { party, _ in try body(pass, party) } }
            }
        }
    }

    /// The refusal of `parent` as the parent of authority `id` (`handle`, else "this authority") when it is that
    /// authority itself, or below it: which of the two, and for one below, the chain from it up to the authority.
    func circularParent(_ db: Database, _ parent: PartyRef, of id: Int64, handle: String?, field: String, value: String) throws
        -> PetitionsError?
    {
        let name = handle ?? "this authority"
        if parent.id == id { return PetitionsError.invalid(field, value, "is \(name) itself; an authority cannot be its own parent") }
        // Walked a step at a time to the top, however long the chain: `chain(above:)` stops after 50 steps, and a
        // parent 60 steps below was let through, making a chain that comes back round.
        var path = [parent.handle]
        var seen: Set<Int64> = [parent.id]
        var at = parent.id
        while true {
            guard
                let up = try Row.fetchOne(
                    db, sql: "SELECT p.id, p.handle FROM party c JOIN party p ON p.id = c.parent_id WHERE c.id = ?", arguments: [at])
            else { return nil }
            at = up["id"]
            path.append(up["handle"])
            if at == id { break }
            // A chain that comes back round without passing this authority (a damaged ledger, which verify names).
            guard seen.insert(at).inserted else { return nil }
        }
        if path.count > 8 { path = path.prefix(4) + ["…"] + path.suffix(3) }
        let shown = path.joined(separator: " → ")
        return PetitionsError.invalid(
            field, value, "is below \(name) (\(shown)); an authority cannot be placed under an authority below it")
    }

    /// The authorities above `id`, nearest first (stops at a cycle).
    func chain(_ db: Database, above id: Int64) throws -> [PartyRef] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                WITH RECURSIVE up(id, depth) AS (
                  SELECT parent_id, 1 FROM party WHERE id = ? AND parent_id IS NOT NULL
                  UNION SELECT p.parent_id, up.depth + 1 FROM party p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL AND up.depth < 50)
                SELECT p.id, p.kind, p.handle, p.name FROM up JOIN party p ON p.id = up.id ORDER BY up.depth
                """, arguments: [id])
        return rows.map { PartyRef(id: $0["id"], kind: .authority, handle: $0["handle"], name: $0["name"]) }
    }
}

/// The intents of recording authorities, groups and persons, each written once, in the shape `LedgerTransaction`
/// describes: the public method above runs it in a transaction of its own (`transaction { try $0.… }`), the merge
/// replay and the import in theirs (`transaction(db, stamp:)`).
extension LedgerTransaction {
    // MARK: - Recording parties

    /// Records an authority; returns its id.
    func addAuthority(name: String, handle: String?, parent: String?, replyWithin: Span?, on day: Day) throws -> Int64 {
        let name = try Ledger.checkName(name)
        let h = try ledger.newHandle(db, given: handle, name: name)
        let parentRef = try parent.map { try ledger.resolveParty(db, $0, kinds: [.authority], field: "--parent") }
        let event = AuthorityAdded(handle: h, name: name, parent: parentRef?.handle, replyWithin: replyWithin?.description)
        let eventID = try append(event.event, day: day, subjects: [], summary: "Authority \(name) (\(h)) added")
        try db.execute(
            cached: "INSERT INTO party(kind, handle, name, parent_id, reply_within, office, event_id) VALUES ('authority', ?, ?, ?, ?, ?, ?)",
            [h, name, parentRef?.id, replyWithin?.description, stamp.office, eventID])
        let id = db.lastInsertedRowID
        try db.execute(cached: "INSERT INTO event_subject VALUES (?, 'party', ?)", [eventID, id])
        return id
    }

    /// Records a group; returns its id.
    func addGroup(name: String, handle: String?, district: String?, counts: [HeadCount], on day: Day) throws -> Int64 {
        let name = try Ledger.checkName(name)
        let counts = try Ledger.merge(counts)
        let h = try ledger.newHandle(db, given: handle, name: name)
        let event = GroupAdded(
            handle: h, name: name, district: Ledger.nonEmpty(district),
            counts: Dictionary(uniqueKeysWithValues: counts.map { ($0.category, Int64($0.count)) }))
        let eventID = try append(event.event, day: day, subjects: [], summary: "Group \(name) (\(h)) added")
        try db.execute(
            cached: "INSERT INTO party(kind, handle, name, district, office, event_id) VALUES ('group', ?, ?, ?, ?, ?)",
            [h, name, Ledger.nonEmpty(district), stamp.office, eventID])
        let id = db.lastInsertedRowID
        for c in counts {
            try db.execute(cached: "INSERT INTO group_count(group_id, category, count) VALUES (?, ?, ?)", [id, c.category, c.count])
        }
        try db.execute(cached: "INSERT INTO event_subject VALUES (?, 'party', ?)", [eventID, id])
        return id
    }

    /// Records a person; returns its id. `petitions import petitioners` calls this once per row inside one
    /// transaction, so every statement here is prepared once and reused.
    func addPetitioner(
        name: String, handle: String?, district: String?, occupation: String?, groups: [String], dependants: [Dependant], on day: Day
    ) throws -> Int64 {
        let name = try Ledger.checkName(name)
        let h = try ledger.newHandle(db, given: handle, name: name)
        let groupRefs = try groups.map { try ledger.resolveParty(db, $0, kinds: [.group], field: "--group") }
        let event = PetitionerAdded(
            handle: h, name: name, district: Ledger.nonEmpty(district), occupation: Ledger.nonEmpty(occupation),
            groups: groupRefs.map(\.handle), dependants: dependants)
        let eventID = try append(
            event.event, day: day, subjects: groupRefs.map { Subject("party", $0.id) }, summary: "Petitioner \(name) (\(h)) added")
        try db.execute(
            bound: "INSERT INTO party(kind, handle, name, district, occupation, office, event_id) VALUES ('person', ?, ?, ?, ?, ?, ?)",
            h, name, Ledger.nonEmpty(district), Ledger.nonEmpty(occupation), stamp.office, eventID)
        let id = db.lastInsertedRowID
        for g in Set(groupRefs.map(\.id)) {
            try db.execute(bound: "INSERT INTO group_member(group_id, person_id) VALUES (?, ?)", g, id)
        }
        for d in dependants {
            try db.execute(bound: "INSERT INTO dependant(person_id, name, category) VALUES (?, ?, ?)", id, d.name, d.category)
        }
        try db.execute(bound: "INSERT INTO event_subject VALUES (?, 'party', ?)", eventID, id)
        return id
    }
}
