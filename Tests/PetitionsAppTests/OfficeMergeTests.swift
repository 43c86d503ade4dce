import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

@Suite("Merging between offices: another office's own party, our office's settings, a log's bad values, --map")
struct OfficeMergeTests {
    static func day(_ text: String) throws -> Day { try Day(parsing: text) }

    /// A ledger initialised for `office`.
    static func office(_ office: String) throws -> TemporaryLedger {
        let l = try TemporaryLedger(office: office)
        _ = try InitLedger(on: try day("1920-01-05")).run(in: l.workspace)
        return l
    }

    /// The whole event log of `l`, written to a file in its folder.
    static func export(_ l: TemporaryLedger, _ name: String = "log.jsonl") throws -> String {
        let path = l.directory.appendingPathComponent(name).path
        try ExportRecords(what: .events, output: path).run(in: l.workspace)
        return path
    }

    @Test("the letters another office sent and received as itself merge: its own party is made here from its log, and the ledgers converge")
    func otherOfficeOwnLetters() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        _ = try AddAuthority(name: "Moscow postal-telegraph supply centre", handle: "moscow-supply").run(in: a.workspace)
        let appeal = try SendLetter(from: "dmitrov", to: "moscow-supply", on: try Self.day("1920-01-20"), subject: "Appeal").run(in: a.workspace)
        let answer = try ReceiveLetter(
            from: "moscow-supply", to: "dmitrov", on: try Self.day("1920-02-02"), subject: "Answer", inReplyTo: appeal.id
        ).run(in: a.workspace)
        _ = try AttachBytes(letter: answer.id, name: "answer.txt", bytes: Data("We answer.".utf8), on: try Self.day("1920-02-03"))
            .run(in: a.workspace)

        let b = try Self.office("klin")
        defer { b.remove() }
        let merged = try MergeEvents(path: try Self.export(a)).run(in: b.workspace)
        #expect(merged.notApplied == [])
        #expect(merged.added == merged.events)
        let office = try ShowParty(party: "dmitrov").run(in: b.workspace)
        #expect(office.kind == .office && office.name == "dmitrov" && office.office == "dmitrov")
        #expect(try OfficeName().run(in: b.workspace) == "klin", "this ledger's own office stays its own")
        #expect(office.id < 0, "below this office's own 0, so that no other party's id moves")
        #expect(try ShowParty(party: "moscow-supply").run(in: b.workspace).id == (try ShowParty(party: "moscow-supply").run(in: a.workspace).id))
        let letters = try ListLetters().run(in: b.workspace)
        #expect(letters.map { "\($0.from)→\($0.to): \($0.subject)" } == ["dmitrov→moscow-supply: Appeal", "moscow-supply→dmitrov: Answer"])
        #expect(letters.last?.inReplyTo == letters.first?.id)
        #expect(try ListAttachments().run(in: b.workspace).map(\.name) == ["answer.txt"])
        #expect(try VerifyLedger().run(in: b.workspace).problems == [])

        // And back: each ledger then holds the other office's party and the same letters.
        _ = try MergeEvents(path: try Self.export(b)).run(in: a.workspace)
        #expect(try ShowParty(party: "klin").run(in: a.workspace).kind == .office)
        #expect(try ListLetters().run(in: a.workspace).map(\.subject) == letters.map(\.subject))
        #expect(try VerifyLedger().run(in: a.workspace).problems == [])
    }

    /// A copy of the log at `path` with `edit` applied to each line, written beside it as `name`.
    static func edited(_ path: String, _ name: String, _ edit: (String) -> String) throws -> String {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { edit(String($0)) }
        let out = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        return out
    }

    @Test("another office's log never renames this office: its office mapped onto ours, or of the same handle, is refused")
    func ourOfficeStaysOurs() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        _ = try SetOffice(name: "Dmitrov district petitions office").run(in: a.workspace)
        let log = try Self.export(a)

        let b = try Self.office("klin")
        defer { b.remove() }
        let events = try ListEvents().run(in: b.workspace).count
        #expect {
            _ = try MergeEvents(path: log, maps: ["dmitrov=klin"]).run(in: b.workspace)
        } throws: { error in
            let message = (error as? PetitionsError)?.message ?? ""
            return message.contains("line 1: 'klin' is the office 'dmitrov' of office dmitrov but this ledger's own office")
                && message.hasSuffix("leave out --map dmitrov=klin")
        }
        #expect(try OfficeName().run(in: b.workspace) == "klin")
        #expect(try ListEvents().run(in: b.workspace).count == events, "nothing was imported")

        // An office of the same name is another office all the same: mapped elsewhere, it merges beside ours.
        let c = try Self.office("dmitrov")
        defer { c.remove() }
        #expect(throws: PetitionsError.self) { try MergeEvents(path: log).run(in: c.workspace) }
        let mapped = try MergeEvents(path: log, maps: ["dmitrov=dmitrov-office"]).run(in: c.workspace)
        #expect(mapped.conflicts == [] && mapped.notApplied == [])
        #expect(try OfficeName().run(in: c.workspace) == "dmitrov")
        #expect(try ShowParty(party: "dmitrov-office").run(in: c.workspace).name == "Dmitrov district petitions office")
    }

    @Test("a log that changes this office's own party (a hand-edited line) is kept without effect, and said")
    func changeOfOurOfficeKeptWithoutEffect() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        _ = try SetOffice(name: "Dmitrov district petitions office").run(in: a.workspace)
        let forged = try Self.edited(try Self.export(a), "forged.jsonl") { line in
            line.contains("\"kind\":\"party.updated\"") ? line.replacingOccurrences(of: "\"handle\":\"dmitrov\"", with: "\"handle\":\"klin\"") : line
        }
        let b = try Self.office("klin")
        defer { b.remove() }
        let merged = try MergeEvents(path: forged).run(in: b.workspace)
        #expect(merged.conflicts == [])
        #expect(merged.warnings.count == 1 && merged.warnings.first?.contains("klin, this ledger's own office") == true)
        #expect(try OfficeName().run(in: b.workspace) == "klin")
        #expect(try ShowParty(party: "dmitrov").run(in: b.workspace).name == "dmitrov")
    }

    @Test("a conflict over a value this ledger was created with names it as this ledger's, not as 'changed by office this office'")
    func conflictWithValueAsCreated() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        let b = try Self.office("klin")
        defer { b.remove() }
        _ = try AddGroup(name: "Postal employees", handle: "post").run(in: a.workspace)
        _ = try AddGroup(name: "Postal employees", handle: "post", district: "Klin").run(in: b.workspace)
        var change = PartyChange(party: "post", kinds: [.group])
        change.district = "Dmitrov"
        _ = try EditParty(change: change).run(in: a.workspace)
        let merged = try MergeEvents(path: try Self.export(a)).run(in: b.workspace)
        #expect(
            merged.conflicts == [
                "group post: district was 'Klin' in this ledger and was changed by office dmitrov to 'Dmitrov'; kept 'Dmitrov', the later change."
            ])
    }

    @Test(
        "a log holding a value no ledger could record (a name of 1,001 characters, a handle 'Bad Handle') is refused whole, naming the line, the event, the field and the value, never a 'payload key'"
    )
    func badValuesRefuseTheLog() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        _ = try AddAuthority(name: "Moscow postal-telegraph supply centre", handle: "moscow-supply").run(in: a.workspace)
        _ = try AddGroup(name: "Postal employees", handle: "post").run(in: a.workspace)
        _ = try SendLetter(from: "post", to: "moscow-supply", on: try Self.day("1920-01-20"), subject: "Appeal").run(in: a.workspace)
        let log = try Self.export(a)
        let group = { (line: String) in line.contains("\"kind\":\"group.added\"") }
        let long = try Self.edited(log, "long.jsonl") { line in
            group(line)
                ? line.replacingOccurrences(of: "\"name\":\"Postal employees\"", with: "\"name\":\"\(String(repeating: "x", count: 1001))\"") : line
        }
        let badHandle = try Self.edited(log, "bad-handle.jsonl") { line in
            group(line) ? line.replacingOccurrences(of: "\"handle\":\"post\"", with: "\"handle\":\"Bad Handle\"") : line
        }
        let b = try Self.office("klin")
        defer { b.remove() }
        let events = try ListEvents().run(in: b.workspace).count
        for (file, problem) in [
            (long, "name is 1,001 characters long; a name is one line of at most 1,000 characters. Nothing was imported."),
            (
                badHandle,
                "handle 'Bad Handle' is not a valid handle; use lower-case letters, digits and hyphens, starting with a letter, e.g. 'dmitrov-post'. Nothing was imported."
            ),
        ] {
            #expect {
                _ = try MergeEvents(path: file).run(in: b.workspace)
            } throws: { error in
                let message = (error as? PetitionsError)?.message ?? ""
                return message.hasPrefix("\(file) line 3 (event ") && message.hasSuffix(", group.added): \(problem)")
            }
            #expect(try ListEvents().run(in: b.workspace).count == events, "nothing was imported from \(file)")
        }
        #expect(try ListLetters().run(in: b.workspace).isEmpty)
    }

    @Test("--map of a handle the log does not use is refused, naming it; --map is echoed as given; the conflict with our office reads 'an office'")
    func mapWording() throws {
        let a = try Self.office("dmitrov")
        defer { a.remove() }
        _ = try AddAuthority(name: "Klin office", handle: "klin").run(in: a.workspace)
        let log = try Self.export(a)
        let b = try Self.office("klin")
        defer { b.remove() }
        let events = try ListEvents().run(in: b.workspace).count
        #expect(
            throws: PetitionsError(
                "--map: \(log) uses no handle 'nothere', so that map maps nothing; leave it out or correct it. Nothing was imported.",
                field: "--map", kind: .invalid)
        ) {
            try MergeEvents(path: log, maps: ["klin=klin-office", "nothere=x"]).run(in: b.workspace)
        }
        #expect(throws: PetitionsError.invalid("--map", "Dmitrov=Bad Handle", "does not map to a valid handle")) {
            try MergeEvents(path: log, maps: ["Dmitrov=Bad Handle"]).run(in: b.workspace)
        }
        #expect {
            _ = try MergeEvents(path: log).run(in: b.workspace)
        } throws: { error in
            ((error as? PetitionsError)?.message ?? "").contains(
                "line 2: 'klin' is an authority 'Klin office' of office dmitrov but an office 'klin' in this ledger; map it to another handle")
        }
        #expect(try ListEvents().run(in: b.workspace).count == events, "nothing was imported")
        #expect(try MergeEvents(path: log, maps: ["klin=klin-office"]).run(in: b.workspace).notApplied == [])
        #expect(try ShowParty(party: "klin-office").run(in: b.workspace).kind == .authority)
    }
}
