import Foundation
import GRDB
import PetitionsDomain

extension Ledger {
    // MARK: - Decrees

    /// Parses `CATEGORY: AMOUNT UNIT COMMODITY` into a category and a quantity.
    public func parseRation(_ text: String) throws -> (category: String, quantity: Quantity) {
        guard let colon = text.firstIndex(of: ":") else {
            throw PetitionsError.invalid("--ration", text, "is not CATEGORY: AMOUNT UNIT COMMODITY, e.g. 'employee: 8 funt wheat'")
        }
        let cat = try Category.validate(text[..<colon].trimmingCharacters(in: .whitespaces), field: "--ration", whole: text)
        let q = try Quantity(parsing: String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces), field: "--ration", units: units)
        return (cat, q)
    }

    /// Records a decree with its rations per category per period.
    public func addDecree(
        handle: String, name: String, issued: Day, issuer: String?, supplier: String, rations: [String],
        every: Frequency, dueDay: Int, effectiveFrom: Day?, effectiveTo: Day?
    ) throws -> Decree {
        let id = try transaction {
            try $0.addDecree(
                handle: handle, name: name, issued: issued, issuer: issuer, supplier: supplier, rations: rations, every: every,
                dueDay: dueDay, effectiveFrom: effectiveFrom, effectiveTo: effectiveTo)
        }
        return try decree(String(id))
    }

    struct DecreeRef {
        let id: Int64
        let handle: String
        let name: String
        let dueDay: Int
        let effectiveFrom: Day?
        let effectiveTo: Day?
        let issued: Day
    }

    func resolveDecree(_ db: Database, _ ref: String, field: String = "--decree") throws -> DecreeRef {
        let t = Ledger.trimmed(ref)
        try ControlCharacters.refuse(t, field: field)
        if let hit = lookups.decree(t) { return hit }
        let row =
            try Int64(t).map { try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM decree WHERE id = ?"), arguments: [$0]) }
            ?? Row.fetchOne(db.cachedStatement(sql: Ledger.decreeByHandleSQL), arguments: [t.lowercased()])
        guard let row else {
            let handles = try String.fetchAll(db, sql: "SELECT handle FROM decree")
            throw PetitionsError.unknown("decree", field, ref, closest: closest(to: t, among: handles))
        }
        let d = DecreeRef(
            id: row["id"], handle: row["handle"], name: row["name"], dueDay: row["due_day"],
            effectiveFrom: try row.optionalDay("effective_from"), effectiveTo: try row.optionalDay("effective_to"),
            issued: try row.day("issued"))
        lookups.remember(d, for: t)
        return d
    }

    /// One decree by handle or id.
    public func decree(_ ref: String) throws -> Decree {
        try read { db in
            let d = try resolveDecree(db, ref, field: "decree")
            return try loadDecrees(db, DecreeQuery(id: d.id))[0]
        }
    }

    /// The handle of the decree `ref` names (a handle or an id); an unknown one is refused under `field`.
    public func decreeHandle(_ ref: String, field: String) throws -> String {
        try read { db in try resolveDecree(db, ref, field: field).handle }
    }

    /// Every decree, by issue day.
    public func decrees() throws -> [Decree] {
        try read { db in try loadDecrees(db, DecreeQuery()) }
    }

    func unit(_ name: String) -> MeasureUnit {
        units.unit(named: name) ?? MeasureUnit(name: name, dimension: "unknown", base: 1)
    }

    func quantityValue(_ base: Int64, unit: String, commodity: String) -> QuantityValue {
        QuantityValue(Quantity(base: base, unit: self.unit(unit), commodity: commodity))
    }

    // MARK: - Enrolment

    /// Enrols a recipient in a decree. Without counts, the head-counts come from the group's counts and its
    /// members' households (each member as `memberCategory`, each dependant by category), or from a person's own household.
    /// Without a member category, a person counts in the decree's one category; a decree with several needs one named.
    public func enrol(decree: String, recipient: String, counts: [HeadCount], from: Day?, to: Day?, memberCategory: String?) throws -> Enrolment {
        let id = try transaction {
            try $0.enrol(decree: decree, recipient: recipient, counts: counts, from: from, to: to, memberCategory: memberCategory)
        }
        return try read { db in try loadEnrolments(db, EnrolmentQuery(id: id))[0] }
    }

    /// Refuses head-counts whose monthly delivery under the decree's rations would be more than one quantity can hold:
    /// `delivery schedule` could never schedule it, so the enrolment is refused now, naming the count.
    static func refuseUncountableDeliveries(_ db: Database, decree: Int64, handle: String, heads: [HeadCount], units: UnitCatalog) throws {
        let byCategory = Dictionary(heads.map { ($0.category, Int64($0.count)) }, uniquingKeysWith: +)
        var totals: [String: Int64] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT category, commodity, amount, unit FROM ration WHERE decree_id = ? ORDER BY rowid", arguments: [decree])
        for row in rows {
            let category: String = row["category"]
            guard let n = byCategory[category], n > 0 else { continue }
            let commodity: String = row["commodity"]
            let unit = try units.require(row["unit"] as String, field: "unit")
            let most = Quantity.grouped(Quantity.amount(Quantity.maximumBase, in: unit))
            let tooMuch = PetitionsError.invalid(
                "--count", "\(category)=\(Quantity.grouped(Decimal(n)))",
                "at decree \(handle)'s ration of \(Quantity.grouped(Quantity.amount(row["amount"] as Int64, in: unit))) \(unit.name) \(commodity) "
                    + "comes to more \(commodity) a month than one delivery can hold (at most \(most) \(unit.name)); lower the count, or enrol part of it under another recipient"
            )
            guard let add = Quantity.times(row["amount"] as Int64, in: unit, n), add <= Quantity.maximumBase else { throw tooMuch }
            let sum = totals[commodity, default: 0].addingReportingOverflow(add)
            guard !sum.overflow, sum.partialValue <= Quantity.maximumBase else { throw tooMuch }
            totals[commodity] = sum.partialValue
        }
    }

    /// The head-counts of a recipient's household as they stood on `asOf` (the enrolment's first day): the group's
    /// head-counts and each member's dependants in force that day; each person counts as `memberCategory`, and
    /// without one the decree's categories are named in the error.
    func householdCounts(
        _ db: Database, _ r: PartyRef, memberCategory: String?, decree: String, categories: Set<String>, asOf: Day
    ) throws -> [HeadCount] {
        var totals: [String: Int] = [:]
        let persons: [Int64]
        if r.kind == .group {
            // One head-count a category in force on a day; should two spans overlap (corrections recorded out of the
            // order of their days), the later recorded is the one in force.
            var inForce: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT category, count FROM group_count_span WHERE group_id = :groupID AND \(Ledger.inForce) ORDER BY id",
                arguments: ["groupID": r.id, "asOf": asOf.description])
            {
                inForce[row["category"]] = row["count"] as Int
            }
            for (category, count) in inForce {
                guard count <= HeadCount.maximum else {
                    throw PetitionsError(
                        "The head-counts of \(r.handle) add up to more than \(Quantity.grouped(Decimal(HeadCount.maximum))) for \(category); correct the group's counts."
                    )
                }
                totals[category] = count
            }
            persons = try Int64.fetchAll(db, sql: "SELECT person_id FROM group_member WHERE group_id = ?", arguments: [r.id])
        } else {
            persons = [r.id]
        }
        if !persons.isEmpty {
            guard let memberCategory else {
                throw PetitionsError(
                    "--count: decree \(decree) provides for \(categories.sorted().joined(separator: ", ")); say how \(r.handle) counts with --count CATEGORY=N (or --member-category CATEGORY).",
                    code: .usage)
            }
            totals[memberCategory, default: 0] += persons.count
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT category, count(*) AS n FROM dependant_span
                    WHERE person_id IN (\(persons.map(String.init).joined(separator: ","))) AND \(Ledger.inForce) GROUP BY category
                    """, arguments: ["asOf": asOf.description]
            ) {
                totals[row["category"], default: 0] += row["n"] as Int
            }
        }
        return totals.keys.sorted().map { HeadCount(category: $0, count: totals[$0] ?? 0) }
    }

    /// Enrolments, optionally of one decree.
    public func enrolments(decree: String? = nil) throws -> [Enrolment] {
        try read { db in
            try loadEnrolments(db, EnrolmentQuery(decree: try decree.map { try resolveDecree(db, $0).id }))
        }
    }
}

/// The intents of recording decrees and enrolments, each written once, in the shape `LedgerTransaction` describes: the
/// public method above runs it in a transaction of its own (`transaction { try $0.… }`), the merge replay and the
/// import in theirs (`transaction(db, stamp:)`).
extension LedgerTransaction {
    // MARK: - Recording decrees and enrolments

    /// Records a decree with its rations; returns its id.
    func addDecree(
        handle: String, name: String, issued: Day, issuer: String?, supplier: String, rations: [String],
        every: Frequency, dueDay: Int, effectiveFrom: Day?, effectiveTo: Day?
    ) throws -> Int64 {
        let name = try Ledger.checkName(name)
        try Decree.checkDueDay(dueDay)
        guard !rations.isEmpty else {
            throw PetitionsError("--ration: a decree needs at least one ration, e.g. --ration 'employee: 8 funt wheat'.", code: .usage)
        }
        if let f = effectiveFrom, let t = effectiveTo, t < f {
            throw PetitionsError.invalid("--effective-to", t.description, "is before --effective-from \(f)")
        }
        let parsed = try rations.map { try ledger.parseRation($0) }
        var seen = Set<String>()
        for r in parsed where !seen.insert(r.category + "\u{0}" + r.quantity.commodity).inserted {
            throw PetitionsError.invalid(
                "--ration", "\(r.category): \(r.quantity.description)", "repeats the ration of \(r.quantity.commodity) for \(r.category)")
        }
        let h = try ledger.newHandle(db, given: handle, name: name, table: "decree")
        let s = try ledger.resolveParty(db, supplier, kinds: [.authority], field: "--supplier")
        let i = try issuer.map { try ledger.resolveParty(db, $0, kinds: [.authority], field: "--issuer") }
        let event = DecreeAdded(
            handle: h, name: name, issued: issued.description, issuer: i?.handle, supplier: s.handle, every: every.rawValue,
            dueDay: Int64(dueDay), effectiveFrom: effectiveFrom?.description, effectiveTo: effectiveTo?.description,
            rations: parsed.map { "\($0.category): \($0.quantity.description)" })
        let eventID = try append(
            event.event, day: issued, subjects: [Subject("party", s.id)] + (i.map { [Subject("party", $0.id)] } ?? []),
            summary: "Decree \(name) (\(h)) added")
        try db.execute(
            sql: """
                INSERT INTO decree(handle, name, issued, issuer_id, supplier_id, frequency, due_day, effective_from, effective_to, office, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                h, name, issued.description, i?.id, s.id, every.rawValue, dueDay, effectiveFrom?.description, effectiveTo?.description, stamp.office,
                eventID,
            ])
        let id = db.lastInsertedRowID
        for r in parsed {
            try db.execute(
                sql: "INSERT INTO ration(decree_id, category, commodity, amount, unit) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, r.category, r.quantity.commodity, r.quantity.base, r.quantity.unit.name])
        }
        try db.execute(sql: "INSERT INTO event_subject VALUES (?, 'decree', ?)", arguments: [eventID, id])
        return id
    }

    /// Enrols a recipient in a decree; returns the enrolment's id.
    // Longer than 60 lines on purpose: one transaction's checks and writes, in the order they must happen.
    func enrol(
        decree: String, recipient: String, counts: [HeadCount], from: Day?, to: Day?, memberCategory: String?
    ) throws -> Int64 {
        let counts = try Ledger.merge(counts)
        let memberCategory = try memberCategory.map { try Category.validate($0, field: "--member-category") }
        let d = try ledger.resolveDecree(db, decree)
        let r = try ledger.resolveParty(db, recipient, kinds: [.group, .person], field: "--recipient")
        let start = from ?? d.effectiveFrom ?? d.issued
        if let to, to < start { throw PetitionsError.invalid("--to", to.description, "is before the enrolment starts on \(start)") }
        let rationCats = Set(try String.fetchAll(db, sql: "SELECT DISTINCT category FROM ration WHERE decree_id = ?", arguments: [d.id]))
        var heads = counts
        if heads.isEmpty {
            heads = try ledger.householdCounts(
                db, r, memberCategory: memberCategory ?? (rationCats.count == 1 ? rationCats.first : nil), decree: d.handle, categories: rationCats,
                asOf: start)
        }
        guard !heads.isEmpty else {
            throw PetitionsError(
                "--count: \(r.handle) has no members or head-counts to enrol; give --count CATEGORY=N, e.g. --count employee=125.", code: .usage)
        }
        guard heads.contains(where: { rationCats.contains($0.category) }) else {
            // "none of the categories soldier has a ration" read as a riddle for the one category given.
            let given = heads.map(\.category)
            let none =
                given.count == 1
                ? "the category \(given[0]) has no ration" : "none of the categories \(given.joined(separator: ", ")) has a ration"
            throw PetitionsError(
                "--count: \(none) in decree \(d.handle), which provides for \(rationCats.sorted().joined(separator: ", "))."
            )
        }
        // Counts taken from a household or a group's own counts keep only the categories the decree has a ration
        // for: a dependant the decree does not provide for is not enrolled in it.
        if counts.isEmpty { heads = heads.filter { rationCats.contains($0.category) } }
        try Ledger.refuseUncountableDeliveries(db, decree: d.id, handle: d.handle, heads: heads, units: ledger.units)
        // New head-counts from a later day end the open enrolment that runs into it.
        var ended: Int64?
        if let open = try Row.fetchOne(
            db,
            sql: """
                SELECT id FROM enrolment WHERE decree_id = ? AND recipient_id = ? AND to_day IS NULL AND from_day < ?
                AND NOT EXISTS (SELECT 1 FROM enrolment e2 WHERE e2.decree_id = enrolment.decree_id AND e2.recipient_id = enrolment.recipient_id
                                AND e2.from_day > enrolment.from_day)
                """, arguments: [d.id, r.id, start.description])
        {
            ended = open["id"]
            try db.execute(sql: "UPDATE enrolment SET to_day = ? WHERE id = ?", arguments: [start.adding(days: -1).description, ended])
        }
        let overlap = try Row.fetchOne(
            db,
            sql: """
                SELECT id, from_day FROM enrolment WHERE decree_id = ? AND recipient_id = ?
                AND from_day <= ? AND (to_day IS NULL OR to_day >= ?)
                """, arguments: [d.id, r.id, (to ?? Day.maximum).description, start.description])
        if let overlap {
            throw PetitionsError(
                "--recipient: \(r.handle) is already enrolled in \(d.handle) from \(overlap["from_day"] as String) (enrolment \(overlap["id"] as Int64)); end that enrolment first."
            )
        }
        let event = EnrolmentAdded(
            decree: d.handle, recipient: r.handle, from: start.description, to: to?.description, endsEnrolment: ended,
            counts: Dictionary(uniqueKeysWithValues: heads.map { ($0.category, Int64($0.count)) }))
        let eventID = try append(
            event.event, day: start, subjects: [Subject("decree", d.id), Subject("party", r.id)],
            summary: "\(r.name) enrolled in \(d.name)")
        try db.execute(
            sql: "INSERT INTO enrolment(decree_id, recipient_id, from_day, to_day, office, event_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [d.id, r.id, start.description, to?.description, stamp.office, eventID])
        let id = db.lastInsertedRowID
        for h in heads {
            try db.execute(sql: "INSERT INTO enrolment_count(enrolment_id, category, count) VALUES (?, ?, ?)", arguments: [id, h.category, h.count])
        }
        try db.execute(sql: "INSERT INTO event_subject VALUES (?, 'enrolment', ?)", arguments: [eventID, id])
        if let ended { try db.execute(sql: "INSERT INTO event_subject VALUES (?, 'enrolment', ?)", arguments: [eventID, ended]) }
        return id
    }
}
