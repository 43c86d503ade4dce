import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Every bad input gets one sentence on stderr naming the field and the value, a sysexits code, and changes nothing.
@Suite struct BadInputTests {
    /// A ledger with the Dmitrov basics: authorities, a group, a person, a decree, an enrolment, deliveries, a petition and a letter.
    static func dmitrov() throws -> CLI {
        let cli = try CLI()
        let steps: [[String]] = [
            ["init", "--office", "dmitrov"],
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply", "--parent", "sovnarkom"],
            [
                "group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post", "--count", "employee=125", "--count",
                "incapacitated=140",
            ],
            ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin"],
            [
                "decree", "add", "--handle", "decree-1918", "--name", "Decree of 15 August 1918", "--issued", "1918-08-15", "--supplier",
                "moscow-supply",
                "--ration", "employee: 8 funt wheat", "--ration", "incapacitated: 5 funt wheat",
            ],
            ["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1919-09-01"],
            ["delivery", "schedule", "--decree", "decree-1918", "--from", "1919-09", "--to", "1920-03", "--on", "1919-09-01"],
            ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "January provisions", "--on", "1920-01-20"],
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal", "--petition", "1"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    /// Everything a user can list, as JSON: equal snapshots mean nothing changed.
    static func snapshot(_ cli: CLI) throws -> String {
        let listings: [[String]] = [
            ["events"], ["authority", "list"], ["group", "list"], ["petitioner", "list"], ["petition", "list"],
            ["letter", "list"], ["decree", "list"], ["delivery", "list"],
        ]
        return try listings.map { try cli.run($0 + ["--format", "json"]).stdout }.joined(separator: "\n")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let args: [String]
        let code: Int32
        /// Words the error sentence must contain: the field and the value.
        let mentions: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown handle, with the closest known one",
            args: ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-suply", "--subject", "x", "--on", "1920-03-04"],
            code: 65, mentions: ["--to", "moscow-suply", "moscow-supply"]),
        Case(
            name: "unknown petition id",
            args: ["letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject", "x", "--petition", "99"],
            code: 65, mentions: ["--petition", "99"]),
        Case(
            name: "duplicate handle", args: ["authority", "add", "--name", "Another", "--handle", "sovnarkom"], code: 65,
            mentions: ["--handle", "sovnarkom", "taken"]),
        Case(
            name: "invalid day", args: ["petition", "log", "--from", "kropotkin", "--to", "sovnarkom", "--subject", "x", "--on", "1920-02-30"],
            code: 65, mentions: ["--on", "1920-02-30"]),
        Case(
            name: "not a leap year", args: ["petition", "log", "--from", "kropotkin", "--to", "sovnarkom", "--subject", "x", "--on", "2023-02-29"],
            code: 65, mentions: ["--on", "2023-02-29"]),
        Case(
            name: "reply dated before the letter it answers",
            args: [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-01-10", "--subject", "Reply", "--in-reply-to",
                "1",
            ],
            code: 65, mentions: ["--on", "1920-01-10", "1920-01-20"]),
        Case(
            name: "receipt for a period never scheduled",
            args: [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-07", "--on", "1920-07-02",
                "--quantity", "1700 funt wheat",
            ],
            code: 65, mentions: ["--period", "1920-07"]),
        Case(
            name: "receipt dated before the decree was issued",
            args: [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1900-01-02",
                "--quantity", "1700 funt wheat",
            ],
            code: 65, mentions: ["--on", "1900-01-02", "1918-08-15"]),
        Case(
            name: "unknown unit",
            args: [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-02",
                "--quantity", "1700 funtt wheat",
            ],
            code: 65, mentions: ["--quantity", "funtt", "funt"]),
        Case(
            name: "unit of another dimension than the ration",
            args: [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-02",
                "--quantity", "20 litre wheat",
            ],
            code: 65, mentions: ["--quantity", "20 litre wheat", "funt"]),
        Case(
            name: "zero amount",
            args: [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-02",
                "--quantity", "0 funt wheat",
            ],
            code: 65, mentions: ["--quantity", "0 funt wheat"]),
        Case(
            name: "negative amount in a ration",
            args: [
                "decree", "add", "--handle", "d2", "--name", "D2", "--issued", "1919-01-01", "--supplier", "moscow-supply", "--ration",
                "employee: -8 funt wheat",
            ],
            code: 65, mentions: ["--ration", "-8 funt wheat"]),
        Case(name: "zero count", args: ["group", "add", "--name", "G", "--count", "employee=0"], code: 65, mentions: ["--count", "employee=0"]),
        Case(
            name: "head-count past what sums can hold", args: ["group", "add", "--name", "G", "--count", "employee=9223372036854775807"], code: 65,
            mentions: ["--count", "employee=9223372036854775807", "10,000,000"]),
        Case(
            name: "ration past what a century of periods can add up to",
            args: [
                "decree", "add", "--handle", "d2", "--name", "D2", "--issued", "1919-01-01", "--supplier", "moscow-supply", "--ration",
                "employee: 9007199 kg wheat",
            ],
            code: 65, mentions: ["--ration", "9007199 kg wheat", "more than can be counted"]),
        Case(
            name: "negative count", args: ["group", "add", "--name", "G", "--count", "employee=-3"], code: 65, mentions: ["--count", "employee=-3"]),
        Case(name: "empty name", args: ["petitioner", "add", "--name", "  "], code: 65, mentions: ["--name"]),
        Case(
            name: "status change the lifecycle forbids (open → open)", args: ["petition", "status", "1", "--to", "open", "--on", "1920-03-04"],
            code: 65, mentions: ["--to", "open"]),
        Case(
            name: "unknown status (a word --to does not take: a usage error)",
            args: ["petition", "status", "1", "--to", "forgotten", "--on", "1920-03-04"], code: 64,
            mentions: ["--to", "forgotten"]),
        Case(
            name: "wrong kind of party",
            args: ["letter", "send", "--from", "kropotkin", "--to", "dmitrov-post", "--on", "1920-03-04", "--subject", "x"],
            code: 65, mentions: ["--to", "dmitrov-post", "authority"]),
        Case(
            name: "bad period to list by (a usage error)", args: ["delivery", "list", "--period", "1920-13"], code: 64,
            mentions: ["--period", "1920-13"]),
        Case(
            name: "bad span", args: ["authority", "add", "--name", "X", "--reply-within", "20 fortnights"], code: 65,
            mentions: ["--reply-within", "20 fortnights"]),
        Case(name: "missing required option", args: ["petition", "log", "--from", "kropotkin"], code: 64, mentions: ["--to"]),
    ]

    @Test(arguments: cases)
    func refusedWithOneSentenceAndNothingChanged(_ c: Case) throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let before = try Self.snapshot(cli)
        let r = try cli.run(c.args)
        #expect(r.status == c.code, "\(r)")
        #expect(r.stdout.isEmpty, "nothing should be printed on stdout: \(r.stdout)")
        for m in c.mentions { #expect(r.stderr.contains(m), "stderr should mention \(m): \(r.stderr)") }
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack"), "\(r.stderr)")
        // Every refusal but the parser's own for a missing option (which shows the usage) is one sentence of ours.
        if c.name != "missing required option" {
            #expect(r.stderr.hasPrefix("error: "), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one sentence: \(r.stderr)")
        }
        #expect(try Self.snapshot(cli) == before, "the ledger changed")
    }

    @Test func forbiddenLifecycleStepNamesBothStatuses() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petition", "status", "1", "--to", "resolved", "--on", "1920-03-04"]).status == 0)
        let before = try Self.snapshot(cli)
        let r = try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-03-05"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("resolved") && r.stderr.contains("answered"), "\(r.stderr)")
        #expect(try Self.snapshot(cli) == before)
    }

    @Test func deliveriesMissedAtTheEdgesOfTheCalendarEndEveryCommand() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for step in [
            ["init", "--office", "edge"], ["authority", "add", "--name", "Supply", "--handle", "supply"],
            ["group", "add", "--name", "Post", "--handle", "post", "--count", "employee=2"],
            ["decree", "add", "--handle", "d", "--name", "D", "--issued", "1000-01-01", "--supplier", "supply", "--ration", "employee: 1 kg wheat"],
            ["enrol", "--decree", "d", "--recipient", "post", "--from", "1000-01-01"],
            ["delivery", "schedule", "--decree", "d", "--from", "1000-01", "--to", "1000-02", "--on", "1000-01-01"],
            ["delivery", "schedule", "--decree", "d", "--from", "9999-11", "--to", "9999-12", "--on", "1000-01-01"],
        ] {
            let r = try cli.run(step)
            #expect(r.status == 0, "\(step): \(r)")
        }
        let start = Date()
        for asOf in ["1000-06-01", "9999-12-31"] {
            for args in [["overdue"], ["check"], ["report"], ["draft", "digest", "--authority", "supply"]] {
                let r = try cli.run(args + ["--as-of", asOf])
                #expect(r.status == 0 || r.status == 1, "\(args) \(asOf): \(r)")
            }
        }
        // A month that does not exist, stored behind the ledger's back: the commands end, saying which value is
        // damaged (exit 65) instead of reading it as some other month, and verify names it.
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { try $0.execute(sql: "UPDATE delivery SET period = '1920-13' WHERE period = '1000-02'") }
        try queue.close()
        let damaged = try cli.run(["overdue", "--as-of", "1000-06-01"])
        #expect(damaged.status == 65 && damaged.stderr.contains("its period '1920-13' is not a period"), "\(damaged)")
        let verify = try cli.run(["verify"])
        #expect(verify.status != 0 && (verify.stdout + verify.stderr).contains("'1920-13' is not a period"), "\(verify)")
        #expect(Date().timeIntervalSince(start) < 120)
    }

    @Test func amountsStoredPastWhatSumsHoldNeverCrashCheckReportOrDigest() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        // As a ledger from before amounts were bounded might hold: seven periods of 2^62 µg each.
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { try $0.execute(sql: "UPDATE delivery_item SET expected = 4611686018427387904") }
        try queue.close()
        let asOf = ["--as-of", "1920-06-01"]
        let check = try cli.run(["check"] + asOf)
        #expect(check.status == 1 && check.stdout.contains("more than"), "\(check)")
        let digest = try cli.run(["draft", "digest", "--authority", "moscow-supply"] + asOf)
        #expect(digest.status == 0 && digest.stdout.contains("more than"), "\(digest)")
        let report = try cli.run(["report"] + asOf)
        #expect(report.status == 65 && report.stderr.contains("more than can be counted"), "\(report)")
        for r in [check, digest, report] { #expect(!r.stderr.contains("Fatal error"), "\(r.stderr)") }
    }

    @Test func aFolderAsTheLedgerIsRefusedWithExit66() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let link = cli.directory.appendingPathComponent("folder-link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.directory.path)
        for path in [cli.directory.path, "/", link] {
            for args in [["petitioner", "list"], ["petitioner", "add", "--name", "X"]] {
                let r = try CLI.exec(args + ["--db", path], environment: cli.environment)
                #expect(r.status == 66, "\(path) \(args): \(r)")
                #expect(r.stderr.hasPrefix("error: --db '\(path)' is a folder"), "\(r.stderr)")
                #expect(!r.stderr.contains("Fatal error"), "\(r.stderr)")
            }
        }
    }

    @Test func controlCharactersAreRefusedFromEverySourceAndShownVisiblyWhenStored() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let before = try Self.snapshot(cli)
        // The command line (a NUL cannot pass through argv; ESC and CR can).
        for args in [
            ["petitioner", "add", "--name", "Bob\u{1B}[2J"], ["petitioner", "add", "--name", "Bob", "--district", "Kl\rin"],
            ["petition", "log", "--from", "kropotkin", "--to", "sovnarkom", "--subject", "x\u{7F}", "--on", "1920-03-04"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 65, "\(args): \(r)")
            #expect(r.stderr.contains("holds the control character \\u00"), "\(r.stderr)")
            #expect(!r.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x7F }, "\(r.stderr)")
        }
        // A CSV file.
        let csv = cli.directory.appendingPathComponent("p.csv")
        try Data("name,district\nAnna,Dmitrov\nBob\u{1B}[2J,Klin\n".utf8).write(to: csv)
        let fromCSV = try cli.run(["import", "petitioners", csv.path])
        #expect(fromCSV.status == 65, "\(fromCSV)")
        #expect(fromCSV.stderr.contains("line 3") && fromCSV.stderr.contains("name") && fromCSV.stderr.contains("\\u001B"), "\(fromCSV.stderr)")
        // Another office's log: a JSON escape is a control character all the same.
        let other = try CLI()
        defer { other.remove() }
        #expect(try other.run(["petitioner", "add", "--name", "Vera", "--handle", "vera"]).status == 0)
        let log = try other.run(["export", "events"]).stdout.replacingOccurrences(of: "\"Vera\"", with: "\"Ve\\u001bra\"")
        #expect(log.contains("\\u001b"))
        let logFile = cli.directory.appendingPathComponent("e.jsonl")
        try Data(log.utf8).write(to: logFile)
        let fromLog = try cli.run(["import", "events", logFile.path])
        #expect(fromLog.status == 65, "\(fromLog)")
        #expect(fromLog.stderr.contains("\\u001B"), "\(fromLog.stderr)")
        #expect(try Self.snapshot(cli) == before, "nothing was recorded")
    }

    @Test func controlCharactersStoredBeforeTheyWereRefusedShowVisiblyInText() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE party SET name = 'Pëtr' || char(27) || '[2J' || 'K' WHERE handle = 'kropotkin'")
            try db.execute(sql: "UPDATE petition SET subject = 'Pëtr' || char(27) || '[2J' || 'K'")
            try db.execute(sql: "UPDATE letter SET subject = 'Pëtr' || char(27) || '[2J' || 'K'")
        }
        try queue.close()
        for args in [
            ["petitioner", "list"], ["petitioner", "show", "kropotkin"], ["petition", "list"], ["petition", "show", "1"],
            ["letter", "list"], ["letter", "show", "1"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
            #expect(r.stdout.contains("Pëtr\\u001B[2JK"), "\(args): \(r.stdout)")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 }, "\(args): \(r.stdout)")
        }
    }

    @Test func fileThatIsNotALedgerIsRefusedAndUntouched() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let text = Data("Dear Vladimir Ilich,\n".utf8)
        try text.write(to: URL(fileURLWithPath: cli.db))
        let r = try cli.run(["petitioner", "list"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("not a petitions ledger") && r.stderr.contains(cli.db), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == text)
        let w = try cli.run(["petitioner", "add", "--name", "X"])
        #expect(w.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == text)
    }

    @Test func sqliteDatabaseOfAnotherProgramIsRefusedAndUntouched() throws {
        let cli = try CLI()
        defer { cli.remove() }
        // An SQLite file of another program: made with this program's schema loader is not possible, so write one by hand
        // through the sqlite3 file format written by SQLite itself via a throwaway ledger whose application id we change.
        let other = cli.directory.appendingPathComponent("other.sqlite").path
        let made = try CLI.exec(["init", "--db", other], environment: cli.environment)
        #expect(made.status == 0)
        // Patch the application id in the header (offset 68, big-endian) to make it another program's database.
        var data = try Data(contentsOf: URL(fileURLWithPath: other))
        data.replaceSubrange(68..<72, with: [0, 0, 0, 42])
        try data.write(to: URL(fileURLWithPath: other))
        try? FileManager.default.removeItem(atPath: other + "-wal")
        try? FileManager.default.removeItem(atPath: other + "-shm")
        let r = try CLI.exec(["petitioner", "add", "--name", "X", "--db", other], environment: cli.environment)
        #expect(r.status == 65)
        #expect(r.stderr.contains("not a petitions ledger"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == data)
    }

    @Test func readOnlyLedgerRefusesWritesButAllowsReading() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let bin = cli.directory.appendingPathComponent("petitions-copy").path
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: bin)
        chmod(cli.directory.path, 0o755)
        chmod(bin, 0o755)
        // The file belongs to its owner and is read-only for everyone else: as root (CI), run as `nobody`.
        chmod(cli.db, 0o644)
        var prefix: [String] = []
        if getuid() == 0 {
            prefix = ["/usr/sbin/runuser", "-u", "nobody", "--"]
        } else {
            chmod(cli.db, 0o444)
            chmod(cli.directory.path, 0o555)
        }
        defer { chmod(cli.directory.path, 0o755) }
        func run(_ args: [String]) throws -> CLI.Result {
            try CLI.exec(prefix + [bin] + args + ["--db", cli.db], environment: cli.environment, executable: prefix.first ?? bin)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let r = try run(["petitioner", "add", "--name", "Someone"])
        #expect(r.status == 77, "\(r)")
        #expect(r.stderr.contains("read-only") && r.stderr.contains(cli.db), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        let list = try run(["group", "list"])
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("dmitrov-post"))
    }
}
