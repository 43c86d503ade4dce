import Foundation
import PetitionsTestSupport
import Testing

/// Hostile files and values get one sentence in the program's words, naming the field and the value; a damaged
/// ledger is what `verify` is for. (Every run through `CLI` also fails on SQLite's or Swift's wording on stderr.)
@Suite struct MessageTests {
    /// A ledger with a few records, and nothing open on it.
    static func ledger() throws -> CLI {
        let cli = try CLI()
        for handle in ["sovnarkom", "narkomprod", "moscow-supply"] {
            let r = try cli.run(["authority", "add", "--name", "Authority \(handle)", "--handle", handle])
            #expect(r.status == 0, "\(r)")
        }
        let r = try cli.run(
            ["import", "petitioners", "-"], stdin: "name\n" + (1...300).map { "Petitioner \($0) of the Dmitrov district\n" }.joined())
        #expect(r.status == 0, "\(r)")
        return cli
    }

    @Test func verifyListsTheDamageOfAFileWithFlippedBytesAndExits1() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        var data = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        #expect(data.count >= 8 * 4096, "\(data.count)")
        // Page 2 onwards, past the header: the schema still reads, a table's pages do not.
        for offset in stride(from: 4096 + 100, to: data.count, by: 4096) {
            for i in offset..<min(offset + 64, data.count) { data[i] ^= 0xA5 }
        }
        try data.write(to: URL(fileURLWithPath: cli.db))
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("damaged") && r.stdout.contains("restore it from a backup"), "\(r)")
        #expect(!r.stdout.contains("malformed") && !r.stderr.contains("malformed"), "\(r)")
        let json = try cli.run(["verify", "--format", "json"])
        #expect(json.status == 1, "\(json)")
        #expect((try CLI.json(json) as? [String: Any])?["ok"] as? Bool == false, "\(json)")
    }

    @Test func verifyListsTheDamageOfATruncatedFileAndExits1() throws {
        let cli = try Self.ledger()
        defer { cli.remove() }
        let data = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: cli.db))
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("damaged"), "\(r)")
        #expect(!(r.stdout + r.stderr).contains("malformed"), "\(r)")
        // Other commands refuse the damaged ledger with the same advice, in our words.
        let list = try cli.run(["petitioner", "list"])
        #expect(list.status != 0 && list.stderr.contains("damaged") && list.stderr.contains("verify"), "\(list)")
    }

    @Test func aSpanOfAMillionDaysIsTooLargeNotAnotherKindOfText() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for span in ["1000000 days", "99999999999999999999999 working days", "0001000000 weeks"] {
            let r = try cli.run(["deadline", "--from", "1920-01-01", "--within", span], withDB: false)
            // A bad word of an option `deadline` asks about: a usage error (OptionWordTests).
            #expect(r.status == 64 && r.stderr.contains("'\(span)' is too large"), "\(span): \(r)")
        }
        let ok = try cli.run(["deadline", "--from", "1920-01-01", "--within", "999999 days"], withDB: false)
        #expect(ok.status == 0 || ok.stderr.contains("999999 days"), "\(ok)")
    }

    /// `deadline --within "999999 working days"` printed some 400,000 skipped days; the text lists 100 and counts the rest.
    @Test func aLongDeadlineListsAHundredSkippedDaysAndCountsTheRest() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try cli.run(["deadline", "--from", "1920-01-01", "--within", "999999 working days"], withDB: false)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").filter { $0.first?.isNumber ?? false }
        #expect(rows.count == 100, "\(rows.count) rows")
        let last = try #require(r.stdout.split(separator: "\n").last)
        #expect(last.hasPrefix("… and ") && last.hasSuffix(" more skipped days (--format json lists them all)."), "\(last)")
        #expect(r.stdout.utf8.count < 20_000, "\(r.stdout.utf8.count) bytes")
    }

    @Test func anEmptyDbIsAnErrorNotTheDefaultLedger() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try cli.run(["authority", "list", "--db", ""], withDB: false)
        #expect(r.status == 64 && r.stderr.contains("--db") && r.stderr.contains("empty"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: cli.directory.appendingPathComponent("data/petitions/petitions.sqlite").path))
    }

    @Test(arguments: [
        ("name = \"\"\ndimension = \"mass\"\nbase = 1", ["unit 1", "name", "''", "empty"]),
        ("name = \"pud\"\ndimension = \"mass\"\nbase = 1.5", ["unit 1", "base", "1.5", "whole number"]),
        ("name = \"pud\"\ndimension = \"mass\"\nbase = 0", ["unit 1", "base", "0", "at least 1"]),
        ("name = \"pud\"\ndimension = \"\"\nbase = 2", ["unit 1", "dimension", "''", "empty"]),
        ("name = 3\ndimension = \"mass\"\nbase = 2", ["unit 1", "name", "3", "not text"]),
        ("name = \"pud\"\ndimension = \"mass\"\nbase = 2\naliases = [\"\"]", ["unit 1", "aliases", "not a name"]),
    ])
    func aBadUnitsFileIsOneSentenceNamingTheUnitTheKeyAndTheValue(entry: String, mentions: [String]) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let units = cli.directory.appendingPathComponent("units.toml").path
        let config = cli.directory.appendingPathComponent("config.toml").path
        try "version = 1\n\n[[unit]]\n\(entry)\n".write(toFile: units, atomically: true, encoding: .utf8)
        try "units = \"\(units)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let r = try cli.run(["authority", "list", "--config", config])
        #expect(r.status == 65, "\(r)")
        for m in mentions + [units] { #expect(r.stderr.contains(m), "\(m): \(r)") }
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r)")
    }

    @Test func aSchemaVersionPastWhatAnIntHoldsIsNamedNotInvalidJSON() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["authority", "add", "--name", "Sovnarkom", "--handle", "sovnarkom"]).status == 0)
        let log = try cli.run(["export", "events", "--format", "jsonl"])
        let line = try #require(log.stdout.split(separator: "\n").last.map(String.init))
        let other = try CLI()
        defer { other.remove() }
        for version in ["1000000000000000000000000000000", "1e30", "1.5"] {
            let bad = line.replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":\(version)")
            #expect(bad != line)
            let r = try other.run(["import", "events", "-"], stdin: bad + "\n")
            #expect(r.status == 65, "\(r)")
            #expect(r.stderr.contains("line 1: schema_version") && r.stderr.contains("is not a version"), "\(version): \(r)")
            #expect(!r.stderr.contains("not valid JSON"), "\(r)")
        }
    }
}
