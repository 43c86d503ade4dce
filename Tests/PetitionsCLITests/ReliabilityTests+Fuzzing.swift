import Foundation
import PetitionsTestSupport
import Testing

/// Random command lines and hostile SQL rules.
extension ReliabilityTests {
    // MARK: - Fuzzing the command line

    static let goodValues = [
        "sovnarkom", "moscow-supply", "narkompochtel", "dmitrov-post", "kropotkin", "employee", "decree-1918", "1", "2", "3",
        "1920-03-04", "1920-01-20", "1919-09-01", "1920-01", "1920-03", "3 weeks", "20 working days", "8 funt wheat",
        "1700 funt wheat", "employee=125", "incapacitated", "Maria Petrova:incapacitated", "json", "csv", "text", "html",
        "markdown", "md", "critical", "warning", "overdue", "open", "answered", "post", "telegraph", "month", "letter.sent",
        "Appeal", "supply", "bash",
    ]
    static let hostileValues = [
        "", " ", "-", "--", "-1", "0", "99999999999999999999", "1920-02-30", "0000-00-00", "9999-12-31", "1000-01-01",
        "1920-13", "NaN", "1e400", "0.0000001 kg wheat", "999999999999 pood rye", "-8 funt wheat", "employee=0", "=",
        ":", "'; DROP TABLE letter; --", "\"", "'", "\\", "%s%n%x", "$(reboot)", "`id`", "<script>alert(1)</script>",
        "=cmd|' /C calc'!A0", "\u{202E}kcatta", "Мария\u{200F}", "e\u{301}\u{301}\u{301}", "\u{1F600}", "a\nb", "\t",
        String(repeating: "x", count: 5_000), String(repeating: "9", count: 400), "999999 months", "0 days",
        "/", "/dev/null", "/nonexistent/dir/file", "../../etc/passwd", "help", "--help", "-h", "--version",
    ]

    /// Files a command may be given: random bytes, nearly-TOML, nearly-CSV, an SQLite file that is not a ledger, nothing.
    static func files(in dir: URL, using rng: inout SeededRandom) throws -> [String] {
        func write(_ name: String, _ data: Data) throws -> String {
            let url = dir.appendingPathComponent(name)
            try data.write(to: url)
            return url.path
        }
        var bytes = [UInt8](repeating: 0, count: 4_096)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        let toml = [
            "version = 1\n[[rule]]\nid = \"x\"\nkind = \"sql\"\nquery = \"DELETE FROM letter\"\n", "[\n", "[[rule]]\nid = 3\n",
            "weekend = [\"sunday\", 7]\n[[holiday]]\ndate = \"02-30\"\n", "version = 99\n",
            "\u{FEFF}[[holiday]]\ndate = \"1920-01-01\"\nname = \"x\"\n",
        ]
        let csv = [
            "handle,name\nx,\"unterminated\n", "name,district\n\"=cmd|' /C calc'!A0\",\"a,b\"\n\u{202E},\n", ",,,,\n\n\n", "\u{FEFF}a;b;c\r\n1;2;3",
        ]
        var paths = [try write("random.bin", Data(bytes)), try write("empty.txt", Data()), dir.appendingPathComponent("missing.toml").path, dir.path]
        paths += try toml.enumerated().map { try write("f\($0.offset).toml", Data($0.element.utf8)) }
        paths += try csv.enumerated().map { try write("f\($0.offset).csv", Data($0.element.utf8)) }
        paths.append(try write("other.sqlite", Data("SQLite format 3\0".utf8) + Data(bytes.prefix(2_000))))
        return paths
    }

    /// Random command lines from the real subcommands and options, good and hostile values and random files, on the
    /// Dmitrov ledger: no crash, no stack trace, a sysexits code, and a failing command changes nothing.
    @Test func randomCommandLinesNeverCrashOrWriteHalfway() throws {
        let env = ProcessInfo.processInfo.environment
        let cases = Int(env["PETITIONS_FUZZ_CASES"] ?? "") ?? 300
        let seed = UInt64(env["PETITIONS_FUZZ_SEED"] ?? "") ?? 1920_03_04
        var rng = SeededRandom(state: seed)
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        // `serve` runs until it is stopped (ServeTests try it, and Tests/PetitionsServerTests the server itself).
        let commands = try Self.commands().filter { $0.path != ["serve"] }
        #expect(commands.count > 30, "\(commands.map { $0.path.joined(separator: " ") })")
        let files = try Self.files(in: cli.directory, using: &rng)
        let allowed: Set<Int32> = [0, 1, 64, 65, 66, 73, 74, 77]
        var events = try cli.run(["events", "--format", "json"]).stdout
        var tally: [Int32: Int] = [:]

        for n in 0..<cases {
            let command = commands.randomElement(using: &rng)!  // safe: checked non-empty above
            let path = command.path
            func value() -> String {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0...5: return Self.goodValues.randomElement(using: &rng)!  // safe: not empty
                case 6...7: return Self.hostileValues.randomElement(using: &rng)!  // safe: not empty
                default: return files.randomElement(using: &rng)!  // safe: not empty
                }
            }
            var args = path
            for _ in 0..<command.arguments where Int.random(in: 0..<10, using: &rng) < 9 { args.append(value()) }
            for option in command.options.shuffled(using: &rng)
            where Int.random(in: 0..<10, using: &rng) < (command.required.contains(option.name) ? 9 : 3) {
                args.append(option.name)
                // Now and then the value is left out, or given to an option that takes none.
                if option.takesValue ? Int.random(in: 0..<20, using: &rng) > 0 : Int.random(in: 0..<20, using: &rng) == 0 { args.append(value()) }
            }
            if Int.random(in: 0..<10, using: &rng) == 0 { args.insert(value(), at: Int.random(in: 0...args.count, using: &rng)) }
            let r = try Self.run(cli, args + (command.takesDB ? ["--db", cli.db] : []), limit: 60)
            let replay = "case \(n) (PETITIONS_FUZZ_SEED=\(seed)): petitions \(args.map { $0.debugDescription }.joined(separator: " "))"
            tally[r.signaled ? -r.status : r.status, default: 0] += 1
            #expect(!r.signaled && !r.timedOut && allowed.contains(r.status), "\(replay)\n\(r)")
            for trace in ["Fatal error", "Stack dump", "Program crashed", "Backtrac", "Assertion", "Segmentation"] {
                #expect(!r.stderr.contains(trace) && !r.stdout.contains(trace), "\(replay)\n\(r)")
            }
            // `check` exits 1 on findings; any other non-zero exit is a refusal.
            let failed = r.status != 0 && !(r.status == 1 && path == ["check"])
            if failed {
                #expect(r.stderr.hasPrefix("error: ") || r.stderr.hasPrefix("Error: ") || r.stderr.contains("Usage:"), "\(replay)\n\(r)")
            }
            // Every change is an event: a failed command must have appended none. A succeeding one may have.
            let now = try cli.run(["events", "--format", "json"]).stdout
            if failed {
                #expect(now == events, "\(replay) failed and yet changed the event log\n\(r)")
            }
            events = now
        }
        print(
            "fuzz: \(cases) cases, seed \(seed), exit codes \(tally.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))"
        )
        try expectVerifyIsClean(cli)
    }

    // MARK: - Custom SQL rules cannot write

    /// Rules that try to write through tricks the plain refusals do not show: a write behind WITH, a second statement,
    /// an extension, a pragma. Each is refused, the ledger is unchanged and no file appears.
    @Test func sqlRulesCannotWriteByAnyRoute() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let attached = cli.directory.appendingPathComponent("attached.db").path
        let hostile = [
            "WITH x AS (SELECT 1) DELETE FROM letter",
            "WITH x AS (SELECT 1) UPDATE party SET name = 'x'",
            "WITH x AS (SELECT 1) INSERT INTO setting(key, value) VALUES ('office', 'x')",
            "SELECT 1 AS subject, 'x' AS message; ATTACH DATABASE '\(attached)' AS x",
            "ATTACH DATABASE '\(attached)' AS x",
            "PRAGMA writable_schema = ON",
            "SELECT 1 AS subject, 'x' AS message; PRAGMA writable_schema = 1; DELETE FROM sqlite_master",
            "REPLACE INTO setting(key, value) VALUES ('office', 'x')",
            "VACUUM INTO '\(attached)'",
            "DROP TABLE letter",
        ]
        for q in hostile {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n[[rule]]\nid = \"bad\"\nkind = \"sql\"\nquery = '''\n\(q)\n'''\n".write(to: file, atomically: true, encoding: .utf8)
            let check = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
            #expect(check.status == 65, "\(q): \(check)")
            #expect(check.stderr.contains("bad"), "\(q): \(check.stderr)")
            #expect(!check.stderr.contains("SQLite action"), "\(q): \(check.stderr)")
            #expect(try cli.run(["rules", "set", file.path]).status == 65, "\(q)")
            #expect(!FileManager.default.fileExists(atPath: attached), "\(q) created a file")
        }
        // load_extension() prepares as a read; the rules' authorizer refuses it when the rule is loaded, in our words.
        let file = cli.directory.appendingPathComponent("extension.toml")
        try "version = 1\n[[rule]]\nid = \"ext\"\nkind = \"sql\"\nquery = \"SELECT load_extension('/nonexistent') AS subject, 'x' AS message\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let ext = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
        #expect(
            ext.status == 65 && ext.stderr.hasPrefix("error: ") && ext.stderr.contains("'ext'")
                && ext.stderr.contains("load_extension(), which a sql rule may not"), "\(ext)")
        #expect(try BadInputTests.snapshot(cli) == before)
        // The office's accounts and tokens are not the ledger's to show: a rule that reads them is refused, in our words,
        // and neither check nor the recorded findings ever hold a password hash.
        _ = try cli.run(["user", "add", "rita", "--role", "reader"])
        let leaks = [
            "SELECT name AS subject, password_hash AS message FROM account",
            "SELECT a.name AS subject, t.token_hash AS message FROM api_token t JOIN account a ON a.id = t.account_id",
            "SELECT 1 AS subject, (SELECT group_concat(password_hash) FROM account) AS message",
        ]
        for (n, q) in leaks.enumerated() {
            let leak = cli.directory.appendingPathComponent("leak-\(n).toml")
            try "version = 1\n[[rule]]\nid = \"leak\"\nkind = \"sql\"\nquery = '''\n\(q)\n'''\n".write(to: leak, atomically: true, encoding: .utf8)
            let check = try cli.run(["check", "--as-of", "1920-03-04", "--record", "--rules", leak.path])
            #expect(check.status == 65, "\(q): \(check)")
            #expect(
                check.stderr.contains("reading account (the office's accounts and tokens)") || check.stderr.contains("reading api_token"),
                "\(check.stderr)")
            #expect(!check.stdout.contains("$2") && !check.stderr.contains("$2"), "\(check)")
            #expect(try cli.run(["rules", "set", leak.path]).status == 65, "\(q)")
        }
        #expect(!(try cli.run(["export", "events"]).stdout.contains("$2")))
        // SQLite's messages about a query that does not prepare come out in the house's words.
        let typo = cli.directory.appendingPathComponent("typo.toml")
        try "version = 1\n[[rule]]\nid = \"typo\"\nkind = \"sql\"\nquery = \"SELECT name AS subject, 'x' AS message FROM user\"\n"
            .write(to: typo, atomically: true, encoding: .utf8)
        let typoCheck = try cli.run(["check", "--as-of", "1920-03-04", "--rules", typo.path])
        #expect(typoCheck.status == 65 && typoCheck.stderr.contains("names a table the ledger does not have, 'user'"), "\(typoCheck)")
        #expect(!typoCheck.stderr.contains("no such table"), "\(typoCheck)")
        try expectVerifyIsClean(cli)
    }
}
