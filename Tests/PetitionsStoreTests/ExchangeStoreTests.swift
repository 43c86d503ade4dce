import Foundation
import GRDB
import PetitionsDomain
import PetitionsTestSupport
import Testing

@testable import PetitionsStore

/// The store's side of bulk import and merging: what the command-line tests cannot see.
@Suite("Exchange (store)")
struct ExchangeStoreTests {
    struct Row: ImportRow {
        let line: Int
        let request: Result<RowRequest, RowProblem>
        var stop: PetitionsError? { nil }
    }

    static func petitioner(_ name: String, handle: String, dependants: [Dependant] = []) -> RowRequest {
        .petitioner(NewPetitioner(name: name, handle: handle, district: nil, occupation: nil, groups: [], dependants: dependants, on: nil))
    }

    @Test("payloads are written as JSON that reads back as the same value, keys sorted, slashes plain")
    func payloadText() throws {
        let value = JSONValue.object([
            "b": .string("quote \" backslash \\ slash / tab \t newline \n bell \u{07} Pëtr ☭"),
            "a": .array([.int(-3), .bool(true), .null, .number(1.5), .object(["z": .int(1), "y": .array([])])]),
        ])
        let text = value.compactText
        #expect(text.hasPrefix("{\"a\":[-3,true,null,1.5,{\"y\":[],\"z\":1}],\"b\":"), "\(text)")
        #expect(text.contains("slash / tab \\t newline \\n bell \\u0007"), "\(text)")
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) == value)
    }

    @Test("new events get version 7 UUIDs, in the order they were made")
    func uuids() {
        var source = UUIDSource()
        let made = (0..<5000).map { _ in source.next() } + [Ledger.randomUUID()]
        #expect(Set(made).count == made.count)
        for u in made {
            let parts = u.split(separator: "-").map(String.init)
            #expect(parts.map(\.count) == [8, 4, 4, 4, 12] && u == u.lowercased(), "\(u)")
            #expect(parts[2].first == "7" && "89ab".contains(parts[3].first ?? "x"), "\(u)")
        }
        let moments = made.map { $0.replacingOccurrences(of: "-", with: "").prefix(12) }
        #expect(moments == moments.sorted(), "the first 48 bits are the moment, so UUIDs sort as they were made")
    }

    @Test("an event's recorded_at is what Foundation's ISO 8601 formatter writes for the same moment")
    func timestampsAsTheFormatterWritesThem() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        // Whole seconds, milliseconds, sub-millisecond parts around a second's end, both sides of 1970, leap days,
        // and the ends of the years the ledger's days cover.
        var moments: [Double] = [0, 0.999, 0.9996, -0.5, -0.0004, -1, -86_400.5, 951_782_400, 4_107_542_399.9994, 1_764_757_199.9999]
        moments += [Day(year: 1000, month: 1, day: 1)!, Day(year: 1920, month: 2, day: 29)!, Day(year: 9999, month: 12, day: 31)!]
            .map { Double($0.ordinal) * 86_400 }
        moments += (0..<3000).map { _ in Double(Int64.random(in: -30_000_000_000_000...250_000_000_000_000, using: &generator)) / 1000 }
        moments += (0..<1000).map { _ in Double.random(in: -2e9...4e9, using: &generator) }
        for t in moments {
            let date = Date(timeIntervalSince1970: t)
            #expect(Ledger.timestamp(date) == formatter.string(from: date), "\(t)")
        }
    }

    @Test("a row refused after part of it was written stops the import, and nothing is written")
    func partlyWrittenRowStopsTheImport() throws {
        let t = try TemporaryLedger()
        defer { t.remove() }
        try t.ledger.initialize(on: TemporaryLedger.today)
        let before = try snapshot(t.path)
        // A dependant without a name passes no parser; only the ledger's CHECK refuses it, after the person is written.
        let rows = [
            Row(line: 2, request: .success(Self.petitioner("Ivan", handle: "ivan"))),
            Row(line: 3, request: .success(Self.petitioner("Olga", handle: "olga", dependants: [Dependant(name: " ", category: "child")]))),
            Row(line: 4, request: .success(Self.petitioner("Anna", handle: "anna"))),
        ]
        #expect {
            _ = try t.ledger.importRows("petitioners", source: "p.csv", rows: rows, skipInvalid: true)
        } throws: { error in
            let message = (error as? PetitionsError)?.message ?? ""
            return message.contains("p.csv line 3") && message.contains("nothing was imported")
        }
        #expect(try snapshot(t.path) == before)
    }

    @Test("a refused row leaves no trace and the others are imported")
    func refusedRowsAreSkipped() throws {
        let t = try TemporaryLedger()
        defer { t.remove() }
        try t.ledger.initialize(on: TemporaryLedger.today)
        var rejected: [Int] = []
        let rows = [
            Row(line: 2, request: .success(Self.petitioner("Ivan", handle: "ivan"))),
            Row(line: 3, request: .success(Self.petitioner("Ivan Again", handle: "ivan"))),
            Row(line: 4, request: .failure(RowProblem(line: 4, messages: ["--on '1920-02-30' does not exist."]))),
            Row(line: 5, request: .success(Self.petitioner("Anna", handle: "anna"))),
        ]
        let outcome = try t.ledger.importRows(
            "petitioners", source: "p.csv", rows: rows, skipInvalid: true,
            rejected: { row, _ in rejected.append(row.line) })
        #expect(outcome.committed && outcome.imported == 2 && outcome.rejected == 2 && rejected == [3, 4])
        #expect(outcome.problems.first?.messages.first?.contains("'ivan' is already taken") == true)
        #expect(try t.ledger.parties(kind: .person).map(\.handle) == ["anna", "ivan"])
        #expect(try t.ledger.events(kind: "petitioner.added").count == 2)
        #expect(try t.ledger.verify().isEmpty)

        let strict = try t.ledger.importRows(
            "petitioners", source: "q.csv",
            rows: [
                Row(line: 2, request: .success(Self.petitioner("Olga", handle: "olga"))),
                Row(line: 3, request: .success(Self.petitioner("Ivan", handle: "ivan"))),
            ],
            skipInvalid: false)
        #expect(!strict.committed && strict.imported == 0 && strict.rejected == 1)
        #expect(try t.ledger.parties(kind: .person).map(\.handle) == ["anna", "ivan"], "without --skip-invalid, a bad row imports nothing")
    }

    /// A ledger with two groups and an authority, and `rows` of petitioners, letters sent and replies imported into it,
    /// with the search index filled at the end of the import (the default) or row by row by its triggers.
    static func importedLedger(searchIndexAtEnd: Bool) throws -> TemporaryLedger {
        let t = try TemporaryLedger()
        try t.ledger.initialize(on: TemporaryLedger.today)
        _ = try t.ledger.addAuthority(name: "Council", handle: "sovnarkom", parent: nil, replyWithin: nil, on: nil)
        for g in ["lodz-post", "oslo-rail"] {
            _ = try t.ledger.addGroup(name: "Group \(g)", handle: g, district: nil, counts: [], on: nil)
        }
        let names = ["Łukasz Żukowski", "Søren Ørsted", "Anna Straße", "Pëtr Ivanov", "Olga"]
        var rows: [Row] = []
        for i in 0..<300 {
            let dependants = i % 3 == 0 ? [Dependant(name: "Child \(i)", category: "child")] : []
            rows.append(
                Row(
                    line: rows.count + 2,
                    request: .success(
                        .petitioner(
                            NewPetitioner(
                                name: "\(names[i % names.count]) \(i)", handle: "p-\(i)", district: i % 2 == 0 ? "Dmitrov" : nil,
                                occupation: i % 4 == 0 ? "teacher" : nil, groups: i % 5 == 0 ? [] : [i % 2 == 0 ? "lodz-post" : "oslo-rail"],
                                dependants: dependants, on: try day("1920-01-0\(1 + i % 9)"))))))
        }
        _ = try t.ledger.importRows("petitioners", source: "p.csv", rows: rows, skipInvalid: false, searchIndexAtEnd: searchIndexAtEnd)
        rows = []
        for i in 0..<200 {
            rows.append(
                Row(
                    line: rows.count + 2,
                    request: .success(
                        .letter(
                            NewLetter(
                                direction: .sent, from: "p-\(i)", to: "sovnarkom", on: try day("1920-02-0\(1 + i % 9)"),
                                subject: "Bread ration \(names[i % names.count]) \(i)", petition: nil, inReplyTo: nil, channel: .post,
                                summary: i % 2 == 0 ? "Straße Ørsted \(i)" : nil, expectsReply: true, replyWithin: nil))))
            )
        }
        for i in 0..<100 {
            rows.append(
                Row(
                    line: rows.count + 2,
                    request: .success(
                        .letter(
                            NewLetter(
                                direction: .received, from: "sovnarkom", to: "p-\(i)", on: try day("1920-03-0\(1 + i % 9)"),
                                subject: "Reply \(i)", petition: nil, inReplyTo: Int64(i + 1), channel: .post, summary: nil,
                                expectsReply: false, replyWithin: nil))))
            )
        }
        let letters = try t.ledger.importRows("letters", source: "l.csv", rows: rows, skipInvalid: false, searchIndexAtEnd: searchIndexAtEnd)
        #expect(letters.committed && letters.imported == 300 && letters.rejected == 0, "\(letters.problems)")
        return t
    }

    /// What an import leaves that a user can see: the records, the events (without their random UUIDs) and the index.
    static func recorded(_ path: String) throws -> [String] {
        let queue = try openRaw(path, readonly: true)
        defer { try? queue.close() }
        return try queue.read { db in
            var out: [String] = []
            for sql in [
                "SELECT * FROM party ORDER BY id", "SELECT * FROM letter ORDER BY id", "SELECT * FROM dependant ORDER BY id",
                "SELECT * FROM group_member ORDER BY group_id, person_id",
                "SELECT id, kind, day, recorded_at, actor, office, summary, payload FROM event ORDER BY id",
                "SELECT * FROM event_subject ORDER BY event_id, subject_type, subject_id",
                "SELECT rowid, kind, ref, title, body FROM search ORDER BY rowid",
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
            ] {
                out += try GRDB.Row.fetchAll(db, sql: sql).map { "\(sql): \($0)" }
            }
            return out
        }
    }

    @Test("an import indexes its rows for search at its end: the same records, events and index as row by row")
    func importIndexesAtTheEnd() throws {
        let atEnd = try Self.importedLedger(searchIndexAtEnd: true)
        defer { atEnd.remove() }
        let rowByRow = try Self.importedLedger(searchIndexAtEnd: false)
        defer { rowByRow.remove() }
        let a = try Self.recorded(atEnd.path)
        let b = try Self.recorded(rowByRow.path)
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) where x != y {
            Issue.record("\(x)\n!=\n\(y)")
            break
        }
        // Every party and letter once, in id order: 300 persons, 2 groups, the authority, the office, 300 letters.
        #expect(a.filter { $0.hasPrefix("SELECT rowid") }.count == 604)
        #expect(try atEnd.ledger.verify().isEmpty)
        #expect(try atEnd.ledger.search("zukowski").count == 20)
        #expect(
            try atEnd.ledger.search("orsted", kind: .letter).map(\.id) == [
                2, 12, 22, 32, 42, 52, 62, 72, 82, 92, 102, 112, 122, 132, 142, 152, 162, 172, 182, 192,
            ])
        // The triggers are back: what is recorded after the import is indexed as it is recorded.
        _ = try atEnd.ledger.addPetitioner(
            name: "Zoë Later", handle: "later", district: nil, occupation: nil, groups: [], dependants: [], on: nil)
        #expect(try atEnd.ledger.search("later").map(\.handle) == ["later"])
        #expect(try atEnd.ledger.verify().isEmpty)
    }

    @Test("an import that writes nothing leaves the search index's triggers in place")
    func refusedImportKeepsTheTriggers() throws {
        let t = try TemporaryLedger()
        defer { t.remove() }
        try t.ledger.initialize(on: TemporaryLedger.today)
        let outcome = try t.ledger.importRows(
            "petitioners", source: "p.csv",
            rows: [
                Row(line: 2, request: .success(Self.petitioner("Olga", handle: "olga"))),
                Row(line: 3, request: .failure(RowProblem(line: 3, messages: ["--on '1920-02-30' does not exist."]))),
            ],
            skipInvalid: false)
        #expect(!outcome.committed)
        _ = try t.ledger.addPetitioner(name: "Ivan", handle: "ivan", district: nil, occupation: nil, groups: [], dependants: [], on: nil)
        #expect(try t.ledger.search("ivan").map(\.handle) == ["ivan"])
        #expect(try t.ledger.search("olga").isEmpty)
        #expect(try t.ledger.verify().isEmpty)
    }

    @Test("merging the same log twice adds each event once, and the merged ledger verifies")
    func mergeIsIdempotent() throws {
        let a = try TemporaryLedger(office: "dmitrov")
        defer { a.remove() }
        try a.ledger.initialize(on: TemporaryLedger.today)
        _ = try a.ledger.addAuthority(name: "Council", handle: "sovnarkom", parent: nil, replyWithin: nil, on: nil)
        _ = try a.ledger.addGroup(
            name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [HeadCount(category: "employee", count: 125)], on: nil)
        let p = try a.ledger.logPetition(
            from: "dmitrov-post", to: "sovnarkom", subject: "Provisions", on: try day("1920-01-20"), via: nil, category: nil)
        let l = try a.ledger.sendLetter(
            from: "dmitrov-post", to: "sovnarkom", on: try day("1920-01-20"), subject: "Appeal", petition: p.id,
            replyWithin: nil, expectsReply: true, channel: .post, summary: nil)
        _ = try a.ledger.voidLetter(l.id, reason: "Sent twice", on: try day("1920-01-21"))
        var log = Data()
        try a.ledger.exportEvents { log.append(Data(($0 + "\n").utf8)) }

        let b = try TemporaryLedger(office: "region")
        defer { b.remove() }
        try b.ledger.initialize(on: TemporaryLedger.today)
        let first = try b.ledger.importEvents(log, source: "a.jsonl", map: [:])
        #expect(first.added == 6 && first.alreadyPresent == 0)
        let second = try b.ledger.importEvents(log, source: "a.jsonl", map: [:])
        #expect(second.added == 0 && second.alreadyPresent == 6)
        let merged = try b.ledger.letters()
        #expect(merged.count == 1 && merged[0].voided && merged[0].office == "dmitrov" && merged[0].petition == 1)
        let uuids = try a.ledger.events().map(\.uuid)
        #expect(Set(uuids).isSubset(of: Set(try b.ledger.events().map(\.uuid))), "merged events keep their UUIDs")
        #expect(try b.ledger.verify().isEmpty)
    }

    @Test("the same log with upper-case UUIDs adds nothing; one UUID for two different events is a conflict; verify finds shared UUIDs")
    func uuidsAreFoldedAndUnique() throws {
        let a = try TemporaryLedger(office: "dmitrov")
        defer { a.remove() }
        try a.ledger.initialize(on: TemporaryLedger.today)
        _ = try a.ledger.addAuthority(name: "Council", handle: "sovnarkom", parent: nil, replyWithin: nil, on: nil)
        _ = try a.ledger.addGroup(
            name: "Dmitrov post", handle: "dmitrov-post", district: nil, counts: [HeadCount(category: "employee", count: 125)], on: nil)
        let p = try a.ledger.logPetition(
            from: "dmitrov-post", to: "sovnarkom", subject: "Provisions", on: try day("1920-01-20"), via: nil, category: nil)
        _ = try a.ledger.sendLetter(
            from: "dmitrov-post", to: "sovnarkom", on: try day("1920-01-20"), subject: "Appeal", petition: p.id,
            replyWithin: nil, expectsReply: true, channel: .post, summary: nil)
        var lines: [String] = []
        try a.ledger.exportEvents { lines.append($0) }
        let log = Data((lines.joined(separator: "\n") + "\n").utf8)
        // Every UUID, and the refs to them, upper-cased.
        let upper = Data(
            lines.map { line -> String in
                var out = line
                for m in line.matches(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) {
                    out = out.replacingOccurrences(of: String(line[m.range]), with: String(line[m.range]).uppercased())
                }
                return out
            }.joined(separator: "\n").utf8)
        #expect(upper != log)

        let b = try TemporaryLedger(office: "region")
        defer { b.remove() }
        try b.ledger.initialize(on: TemporaryLedger.today)
        let first = try b.ledger.importEvents(upper, source: "upper.jsonl", map: [:])
        #expect(first.added == lines.count && first.alreadyPresent == 0)
        #expect(try b.ledger.events().allSatisfy { $0.uuid == $0.uuid.lowercased() }, "stored in lower case")
        let again = try b.ledger.importEvents(log, source: "a.jsonl", map: [:])
        #expect(again.added == 0 && again.alreadyPresent == lines.count)
        // The file repeating an event exactly is fine; the same UUID with other content is a conflict.
        let repeated = Data((lines + [lines[1]]).joined(separator: "\n").utf8)
        #expect(try b.ledger.importEvents(repeated, source: "r.jsonl", map: [:]).added == 0)
        let changed = lines[1].replacingOccurrences(of: "Council", with: "Soviet")
        #expect(changed != lines[1])
        let conflict = try #require(throws: PetitionsError.self) {
            try a.ledger.importEvents(Data((lines + [changed]).joined(separator: "\n").utf8), source: "c.jsonl", map: [:])
        }
        #expect(conflict.message.contains("c.jsonl lines 2 and \(lines.count + 1)") && conflict.message.contains("same uuid"), "\(conflict)")
        #expect(try b.ledger.verify().isEmpty)
        // Two events sharing a UUID in different case, written behind the ledger's back.
        let raw = try openRaw(b.path)
        try raw.write { db in
            // As an import from before UUIDs were folded could have appended it (the log is append-only).
            try db.execute(
                sql: """
                    INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
                    SELECT upper(uuid), kind, day, recorded_at, actor, office, summary, payload FROM event WHERE id = (SELECT max(id) FROM event)
                    """)
        }
        try raw.close()
        let problems = try b.ledger.verify()
        #expect(problems.contains { $0.contains("share the uuid") }, "\(problems)")
    }

    @Test func verifyNamesAnEventWhoseMomentIsNotAMoment() throws {
        let t = try TemporaryLedger(office: "dmitrov")
        defer { t.remove() }
        try t.ledger.initialize(on: TemporaryLedger.today)
        #expect(try t.ledger.verify().isEmpty)
        // As an import from before moments were checked stored it.
        let raw = try openRaw(t.path)
        try raw.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event(uuid, kind, day, recorded_at, actor, office, summary, payload)
                    SELECT '00000000-0000-4000-8000-000000000099', kind, day, 'yesterday', actor, office, summary, payload FROM event WHERE id = 1
                    """)
        }
        try raw.close()
        let problems = try t.ledger.verify()
        #expect(problems.contains { $0.contains("its recorded_at 'yesterday' is not a moment in UTC") }, "\(problems)")
    }
}
