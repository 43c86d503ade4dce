import Foundation
import GRDB
import PetitionsDomain

extension JSONValue {
    /// The text of a string value; nil for null and anything else.
    var text: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension Ledger {
    // MARK: - Correcting a party

    /// Corrects a party's fields as one `party.updated` event holding each changed field before and after; returns
    /// the party and the names of the fields that changed (none when every value given is the one already held).
    public func update(_ change: PartyChange, on day: Day?) throws -> (party: Party, changed: [String]) {
        try refuseAfterToday(day, "a correction")
        let (id, changed) = try transaction { try $0.update(change, on: day ?? context.today) }
        return (try party(String(id)), changed)
    }

    /// Writes corrected fields of a party (from this ledger's command or another office's event).
    func applyPartyFields(_ db: Database, _ id: Int64, _ fields: [String: JSONValue]) throws {
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            // A log edited by hand may hold `"district": 12`: refused, never stored as an empty field.
            switch (key, value) {
            case ("counts", _), (_, .string), (_, .null): break
            default: throw PetitionsError("its payload's \(key) is not text (or null).")
            }
            switch key {
            case "name":
                guard let name = value.text else { throw PetitionsError("its payload clears the name of party \(id).") }
                try db.execute(sql: "UPDATE party SET name = ? WHERE id = ?", arguments: [try Ledger.checkName(name, field: "name"), id])
            case "district", "occupation", "address", "phone", "email", "note":
                try db.execute(sql: "UPDATE party SET \(key) = ? WHERE id = ?", arguments: [value.text, id])
            case "reply_within":
                let span = try value.text.map { try Span(parsing: $0, field: "reply_within") }
                try db.execute(sql: "UPDATE party SET reply_within = ? WHERE id = ?", arguments: [span?.description, id])
            case "parent":
                let parent = try value.text.map { try resolveParty(db, $0, kinds: [.authority], field: "parent") }
                // Two offices each putting one authority above the other would make a chain without end: the
                // change that closes the circle is refused (a merge keeps it without effect, and says so).
                if let parent, let refusal = try circularParent(db, parent, of: id, handle: nil, field: "parent", value: parent.handle) {
                    throw refusal
                }
                try db.execute(sql: "UPDATE party SET parent_id = ? WHERE id = ?", arguments: [parent?.id, id])
            case "counts":
                guard case .object(let counts) = value else { throw PetitionsError("its payload's counts is not an object.") }
                try db.execute(sql: "DELETE FROM group_count WHERE group_id = ?", arguments: [id])
                for (category, n) in counts.sorted(by: { $0.key < $1.key }) {
                    guard case .int(let count) = n, count > 0, count <= Int64(HeadCount.maximum) else {
                        throw PetitionsError("its payload's counts.\(category) is not a head-count.")
                    }
                    try db.execute(
                        sql: "INSERT INTO group_count(group_id, category, count) VALUES (?, ?, ?)",
                        arguments: [id, try Category.validate(category, field: "counts"), count])
                }
            default:
                throw PetitionsError("its payload corrects \(quoted(key)), which is not a field of a party.")
            }
        }
    }

    /// Refuses a day after today for a change the ledger makes at once (a party recorded or corrected, a member
    /// joining or leaving, a household growing or shrinking, a receipt voided): today's listings would hold what is
    /// dated later, and a member who leaves in 2031 would be gone now. `petition status` refuses such a day alike.
    /// Only a clerk's own change: a merge replays another office's as it was.
    func refuseAfterToday(_ day: Day?, field: String = "--on", _ what: String) throws {
        guard let day, day > context.today else { return }
        throw PetitionsError.invalid(
            field, day.description,
            "is after today (\(context.today)); \(what) is recorded on or after the day it happens, so nothing was recorded")
    }

    // MARK: - Members and households

    /// Makes a person a member of a group from a day.
    public func joinGroup(_ group: String, member: String, from day: Day?) throws -> Party {
        try refuseAfterToday(day, field: "--from", "a member joining a group")
        let id = try transaction { try $0.joinGroup(group, member: member, from: day ?? context.today) }
        return try party(String(id))
    }

    /// Ends a person's membership of a group on a day.
    public func leaveGroup(_ group: String, member: String, on day: Day) throws -> Party {
        try refuseAfterToday(day, "a member leaving a group")
        let id = try transaction { tx in
            try refuseLeavingBeforeJoining(tx.db, group, member: member, on: day)
            return try tx.leaveGroup(group, member: member, on: day)
        }
        return try party(String(id))
    }

    /// Refuses a membership that would end before it began: the day given is before the member joined (their latest
    /// `group.joined`, else the day they were recorded, for a member named when the person was added). A merge refuses
    /// another office's leaving so dated, through this same check.
    func refuseLeavingBeforeJoining(_ db: Database, _ group: String, member: String, on day: Day) throws {
        let g = try resolveParty(db, group, kinds: [.group], field: "group")
        let p = try resolveParty(db, member, kinds: [.person], field: "--member")
        guard try isMember(db, g.id, p.id) else { return }
        let joined =
            try String.fetchOne(
                db,
                sql: """
                    SELECT e.day FROM event_subject a JOIN event e ON e.id = a.event_id
                    JOIN event_subject b ON b.event_id = e.id AND b.subject_type = 'party' AND b.subject_id = :person
                    WHERE a.subject_type = 'party' AND a.subject_id = :group AND e.kind = 'group.joined'
                    ORDER BY e.id DESC LIMIT 1
                    """, arguments: ["group": g.id, "person": p.id])
            ?? String.fetchOne(db, sql: "SELECT e.day FROM party JOIN event e ON e.id = party.event_id WHERE party.id = ?", arguments: [p.id])
        // One recorded as joining after today (before that was refused) may still leave today.
        guard let joined, let from = try? Day(parsing: joined), day < min(from, context.today) else { return }
        throw PetitionsError.invalid(
            "--on", day.description,
            "is before \(p.handle) joined \(g.handle) on \(from); a membership ends on or after the day it began, so nothing was recorded")
    }

    func isMember(_ db: Database, _ group: Int64, _ person: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM group_member WHERE group_id = ? AND person_id = ?", arguments: [group, person]) == true
    }

    /// Adds a dependant to a person's household.
    public func addDependant(_ person: String, name: String, category: String, on day: Day?) throws -> Party {
        try refuseAfterToday(day, "a change to a household")
        let id = try transaction { tx in
            try refuseDependantTwice(tx.db, person, name: name, category: category)
            return try tx.addDependant(person, name: name, category: category, on: day ?? context.today)
        }
        return try party(String(id))
    }

    /// Refuses a dependant the household already holds under the same name and category, or a name that differs from
    /// a held one only in case (`anna` beside `Anna` is the same child typed twice): it would count twice.
    /// (A merge replays the other office's additions as they were, so only a clerk's own addition is refused.)
    func refuseDependantTwice(_ db: Database, _ person: String, name: String, category: String) throws {
        let p = try resolveParty(db, person, kinds: [.person], field: "petitioner")
        let name = try Ledger.checkName(name)
        try Dependant.refuseSeparator(name, field: "--name")
        let category = try Category.validate(category, field: "--category")
        let held = try String.fetchAll(
            db, sql: "SELECT name FROM dependant WHERE person_id = ? AND category = ? ORDER BY id", arguments: [p.id, category])
        guard let same = held.first(where: { $0 == name }) ?? held.first(where: { $0.lowercased() == name.lowercased() }) else { return }
        let asHeld = same == name ? "" : " (written \(same))"
        throw PetitionsError.taken(
            "--name", name,
            "is already in the household of \(p.handle) as \(category)\(asHeld); a dependant is counted once, so nothing was added")
    }

    /// Removes a dependant (by name, and category when given) from a person's household; returns the person and the
    /// dependant's name as it was held (`Sofia` when `sofia` was given).
    public func removeDependant(_ person: String, name: String, category: String?, on day: Day?) throws -> (party: Party, name: String) {
        try refuseAfterToday(day, "a change to a household")
        let id = try transaction { tx in
            if category == nil { try refuseAmbiguousDependant(tx.db, person, name: name) }
            try refuseRemovingBeforeAdding(tx.db, person, name: name, category: category, on: day ?? context.today)
            return try tx.removeDependant(person, name: name, category: category, on: day ?? context.today)
        }
        return (try party(String(id.person)), id.name)
    }

    /// Refuses a removal dated before the dependant was added (the day of their `dependant.added`, else the day the
    /// person was recorded with them), as leaving a group before joining it is refused; one recorded as added after
    /// today (before that was refused) may still be removed today. A merge replays the other office's as they were.
    private func refuseRemovingBeforeAdding(_ db: Database, _ person: String, name: String, category: String?, on day: Day) throws {
        let p = try resolveParty(db, person, kinds: [.person], field: "petitioner")
        let name = try Ledger.checkName(name)
        let category = try category.map { try Category.validate($0, field: "--category") }
        let spans = try Row.fetchAll(
            db,
            sql: """
                SELECT name, from_day FROM dependant_span
                WHERE person_id = ? AND dependant_id IS NOT NULL AND to_day IS NULL AND (? IS NULL OR category = ?) ORDER BY id
                """, arguments: [p.id, category, category])
        guard
            let span = spans.first(where: { ($0["name"] as String) == name })
                ?? spans.first(where: { ($0["name"] as String).lowercased() == name.lowercased() })
        else { return }
        let added =
            try (span["from_day"] as String?)
            ?? String.fetchOne(db, sql: "SELECT e.day FROM party JOIN event e ON e.id = party.event_id WHERE party.id = ?", arguments: [p.id])
        guard let added, let from = try? Day(parsing: added), day < min(from, context.today) else { return }
        throw PetitionsError.invalid(
            "--on", day.description,
            "is before \(span["name"] as String) was added to the household of \(p.handle) on \(from); a dependant is removed on or after the day they were added, so nothing was recorded"
        )
    }

    /// Refuses to guess which of a household's dependants of the same name in different categories is meant.
    private func refuseAmbiguousDependant(_ db: Database, _ person: String, name: String) throws {
        let p = try resolveParty(db, person, kinds: [.person], field: "petitioner")
        let name = try Ledger.checkName(name)
        let categories = try String.fetchAll(
            db, sql: "SELECT DISTINCT category FROM dependant WHERE person_id = ? AND name = ? ORDER BY category", arguments: [p.id, name])
        if categories.count > 1 {
            throw PetitionsError.invalid(
                "--name", name,
                "is in the household of \(p.handle) as \(categories.dropLast().joined(separator: ", ")) and \(categories.last ?? ""); "
                    + "give --category to say which one to remove")
        }
    }
}

/// The intents of correcting a party, its memberships and its household, each written once, in the shape
/// `LedgerTransaction` describes: the public method above runs it in a transaction of its own (`transaction { try $0.…
/// }`), the merge replay and the import in theirs (`transaction(db, stamp:)`).
extension LedgerTransaction {
    // MARK: - Correcting a party, its members and household

    /// Corrects a party; returns its id and the names of the fields that changed.
    func update(_ change: PartyChange, on day: Day) throws -> (Int64, [String]) {
        guard !change.isEmpty else {
            throw PetitionsError("Say what to correct: give at least one field to change, e.g. --name or --district.", code: .usage)
        }
        let ref = try ledger.resolveParty(db, change.party, kinds: change.kinds, field: "party")
        var after: [String: JSONValue] = [:]
        if let n = change.name { after["name"] = .string(try Ledger.checkName(n)) }
        let texts: [(String, String?)] = [
            ("district", change.district), ("occupation", change.occupation), ("address", change.address), ("phone", change.phone),
            ("email", change.email), ("note", change.note),
        ]
        for (key, value) in texts {
            guard let value else { continue }
            try ControlCharacters.refuse(value, field: "--\(key)")
            let given = Ledger.nonEmpty(value)
            // A new address only: an old event's (a log imported, another office's merged) is kept as it was recorded.
            if key == "email", let given { try EmailAddress.validate(given, field: "--email") }
            after[key] = given.json
        }
        if after["occupation"] != nil && ref.kind != .person {
            throw PetitionsError.invalid("--occupation", change.occupation ?? "", "is for a person; \(ref.handle) is a \(ref.kind.rawValue)")
        }
        if let parent = change.parent {
            if let parent {
                let p = try ledger.resolveParty(db, parent, kinds: [.authority], field: "--parent")
                if let refusal = try ledger.circularParent(db, p, of: ref.id, handle: ref.handle, field: "--parent", value: parent) { throw refusal }
                after["parent"] = .string(p.handle)
            } else {
                after["parent"] = .null
            }
        }
        if let within = change.replyWithin { after["reply_within"] = (within?.description).json }
        let current = try ledger.partyFieldValues(db, ref.id, kind: ref.kind)
        if let counts = change.counts {
            var merged: [String: JSONValue] = [:]
            if case .object(let o)? = current["counts"] { merged = o }
            for c in try Ledger.merge(counts) {
                guard c.count == 0 else {
                    merged[c.category] = .int(Int64(c.count))
                    continue
                }
                // 0 removes the category; a category the group does not count is a typo, said with the ones it does.
                guard merged.removeValue(forKey: c.category) != nil else {
                    let held = merged.keys.sorted()
                    throw PetitionsError.invalid(
                        "--count", "\(c.category)=0",
                        "removes a head-count, but \(ref.handle) counts no \(c.category)"
                            + (held.isEmpty ? " (it has no head-counts)" : "; its categories are \(held.joined(separator: ", "))"))
                }
            }
            after["counts"] = .object(merged)
        }
        after = after.filter { (current[$0.key] ?? .null) != $0.value }
        guard !after.isEmpty else { return (ref.id, []) }
        let before = Dictionary(uniqueKeysWithValues: after.keys.map { ($0, current[$0] ?? .null) })
        let fields = after.keys.sorted()
        try append(
            PartyUpdated(handle: ref.handle, partyKind: ref.kind.rawValue, before: before, after: after).event, day: day,
            subjects: [Subject("party", ref.id)], summary: "\(ref.name) (\(ref.handle)) corrected: \(fields.joined(separator: ", "))")
        try ledger.applyPartyFields(db, ref.id, after)
        return (ref.id, fields)
    }

    /// Makes a person a member of a group from a day; returns the group's id.
    func joinGroup(_ group: String, member: String, from day: Day) throws -> Int64 {
        let g = try ledger.resolveParty(db, group, kinds: [.group], field: "group")
        let p = try ledger.resolveParty(db, member, kinds: [.person], field: "--member")
        if try ledger.isMember(db, g.id, p.id) {
            throw PetitionsError.invalid("--member", member, "is already a member of \(g.handle)")
        }
        try append(
            GroupJoined(group: g.handle, member: p.handle, from: day.description).event, day: day,
            subjects: [Subject("party", g.id), Subject("party", p.id)], summary: "\(p.name) joined \(g.name) from \(day)")
        try db.execute(sql: "INSERT INTO group_member(group_id, person_id) VALUES (?, ?)", arguments: [g.id, p.id])
        return g.id
    }

    /// Ends a person's membership of a group on a day; returns the group's id.
    func leaveGroup(_ group: String, member: String, on day: Day) throws -> Int64 {
        let g = try ledger.resolveParty(db, group, kinds: [.group], field: "group")
        let p = try ledger.resolveParty(db, member, kinds: [.person], field: "--member")
        guard try ledger.isMember(db, g.id, p.id) else { throw PetitionsError.invalid("--member", member, "is not a member of \(g.handle)") }
        try append(
            GroupLeft(group: g.handle, member: p.handle, on: day.description).event, day: day,
            subjects: [Subject("party", g.id), Subject("party", p.id)], summary: "\(p.name) left \(g.name) on \(day)")
        try db.execute(sql: "DELETE FROM group_member WHERE group_id = ? AND person_id = ?", arguments: [g.id, p.id])
        return g.id
    }

    /// Adds a dependant to a person's household; returns the person's id.
    func addDependant(_ person: String, name: String, category: String, on day: Day) throws -> Int64 {
        let p = try ledger.resolveParty(db, person, kinds: [.person], field: "petitioner")
        let name = try Ledger.checkName(name)
        let category = try Category.validate(category, field: "--category")
        try append(
            DependantAdded(person: p.handle, name: name, category: category).event, day: day, subjects: [Subject("party", p.id)],
            summary: "\(name) (\(category)) added to the household of \(p.name)")
        try db.execute(sql: "INSERT INTO dependant(person_id, name, category) VALUES (?, ?, ?)", arguments: [p.id, name, category])
        return p.id
    }

    /// Removes a dependant from a person's household; returns the person's id and the dependant's name as held.
    func removeDependant(_ person: String, name: String, category: String?, on day: Day) throws -> (person: Int64, name: String) {
        let p = try ledger.resolveParty(db, person, kinds: [.person], field: "petitioner")
        let name = try Ledger.checkName(name)
        let category = try category.map { try Category.validate($0, field: "--category") }
        // The name as held, or as held in another case ("sofia" for "Sofia"), as adding one refuses such a twin.
        let held = try Row.fetchAll(
            db, sql: "SELECT id, name, category FROM dependant WHERE person_id = ? AND (? IS NULL OR category = ?) ORDER BY id",
            arguments: [p.id, category, category])
        guard
            let row = held.first(where: { ($0["name"] as String) == name })
                ?? held.first(where: { ($0["name"] as String).lowercased() == name.lowercased() })
        else {
            throw PetitionsError.invalid("--name", name, "is not in the household of \(p.handle)\(category.map { " as \($0)" } ?? "")")
        }
        let found: String = row["category"]
        let heldName: String = row["name"]
        try append(
            DependantRemoved(person: p.handle, name: heldName, category: found).event, day: day, subjects: [Subject("party", p.id)],
            summary: "\(heldName) (\(found)) removed from the household of \(p.name)")
        try db.execute(sql: "DELETE FROM dependant WHERE id = ?", arguments: [row["id"] as Int64])
        return (p.id, heldName)
    }
}
