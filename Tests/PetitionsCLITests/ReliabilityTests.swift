import Foundation
import PetitionsTestSupport
import Testing

/// Proof that nothing is lost: clerks recording at once, hostile command lines and files, writes that SQL rules
/// attempt, and the permissions of what petitions creates. Figures are in README's reliability section.
@Suite struct ReliabilityTests {
    // MARK: - Running the binary with a limit

    /// How one run ended: its exit status, or the signal that killed it, and what it printed.
    struct Run: CustomStringConvertible {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var description: String {
            "\(signaled ? "signal" : "exit") \(status)\(timedOut ? " (timed out)" : "")\nstdout: \(stdout.prefix(2_000))\nstderr: \(stderr.prefix(2_000))"
        }
    }

    /// Runs `petitions ARGS` with the CLI's environment, killing it after `limit` seconds.
    static func run(_ cli: CLI, _ args: [String], limit: TimeInterval = 60) throws -> Run {
        try run(args, environment: cli.environment, directory: cli.directory, limit: limit)
    }

    static func run(_ args: [String], environment: [String: String], directory: URL, limit: TimeInterval = 60) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args
        process.environment = environment
        // Relative paths the fuzz gives (a backup named 'sovnarkom') land in the scratch folder, not the repository.
        process.currentDirectoryURL = directory
        let out = directory.appendingPathComponent("out-\(UUID().uuidString)")
        let err = directory.appendingPathComponent("err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        let o = try FileHandle(forWritingTo: out)
        let e = try FileHandle(forWritingTo: err)
        process.standardOutput = o
        process.standardError = e
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(limit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try? o.close()
        try? e.close()
        let run = Run(
            status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
            stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self),
            stderr: String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self))
        // The fuzzed and racing runs are checked for foreign wording too, as every run through CLI is.
        CLI.expectOwnWords(args, stderr: run.stderr)
        return run
    }

    /// A command this build offers, read from its own help: its path, its options and its positional arguments.
    struct Command {
        var path: [String]
        /// Each option and whether it takes a value.
        var options: [(name: String, takesValue: Bool)]
        var arguments: Int
        var takesDB: Bool
        /// The options its usage line does not put in brackets.
        var required: Set<String>
    }

    static func commands() throws -> [Command] {
        let env = ProcessInfo.processInfo.environment
        func help(_ path: [String]) throws -> String { try CLI.exec(["help"] + path, environment: env).stdout }
        func section(_ text: String, _ name: String) -> [Substring] {
            guard let start = text.range(of: name + ":\n") else { return [] }
            return text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
        }
        func subcommands(_ text: String) -> [String] {
            section(text, "SUBCOMMANDS").compactMap { line in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                    word.first?.isLetter == true, word != "help"
                else { return nil }
                return String(word)
            }
        }
        var out: [Command] = []
        var queue: [[String]] = subcommands(try help([])).map { [$0] }
        while let path = queue.first {
            queue.removeFirst()
            let text = try help(path)
            let subs = subcommands(text)
            guard subs.isEmpty else {
                queue += subs.map { path + [$0] }
                continue
            }
            let options: [(name: String, takesValue: Bool)] = section(text, "OPTIONS").compactMap { line in
                let words = line.split(separator: " ")
                guard let first = words.first, first.hasPrefix("--") else { return nil }
                let name = String(first.split(separator: ",").first ?? first)
                return ["--help", "--version"].contains(name) ? nil : (name, words.count > 1 && words[1].hasPrefix("<"))
            }
            let arguments = section(text, "ARGUMENTS").filter { $0.hasPrefix("  <") }.count
            var usage = String(text[(text.range(of: "USAGE:")?.upperBound ?? text.startIndex)...].prefix { $0 != "\n" || false })
            while let open = usage.firstIndex(of: "["), let close = usage[open...].firstIndex(of: "]") { usage.removeSubrange(open...close) }
            let required = Set(usage.split(separator: " ").filter { $0.hasPrefix("--") }.map(String.init))
            out.append(
                Command(
                    path: path, options: options.filter { $0.name != "--db" }, arguments: arguments, takesDB: options.contains { $0.name == "--db" },
                    required: required))
        }
        return out
    }

    // MARK: - Eight clerks at once

    /// 8 processes each record 200 letters into one ledger at once: every letter and its event is there, none failed.
    @Test func eightProcessesRecordingAtOnceLoseNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for step in [
            ["init", "--office", "dmitrov"], ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin"],
        ] {
            #expect(try cli.run(step).status == 0)
        }
        let processes = 8
        let letters = Int(ProcessInfo.processInfo.environment["PETITIONS_CONCURRENCY_LETTERS"] ?? "") ?? 200
        let failures = Failures()
        let db = cli.db
        let environment = cli.environment
        let directory = cli.directory
        DispatchQueue.concurrentPerform(iterations: processes) { p in
            for i in 0..<letters {
                do {
                    let r = try Self.run(
                        [
                            "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04",
                            "--subject", "Clerk \(p) letter \(i)", "--db", db,
                        ], environment: environment, directory: directory)
                    if r.status != 0 { failures.add("clerk \(p) letter \(i): \(r)") }
                } catch {
                    failures.add("clerk \(p) letter \(i): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) failed, e.g. \(failures.all.prefix(3))")
        #expect(!failures.all.contains { $0.contains("locked") || $0.contains("busy") })

        let list = try #require(try CLI.json(cli.run(["letter", "list", "--format", "json"])) as? [[String: Any]])
        #expect(list.count == processes * letters)
        let subjects = Set(list.compactMap { $0["subject"] as? String })
        #expect(subjects.count == processes * letters, "every letter once")
        let ids = list.compactMap { $0["id"] as? Int }
        #expect(Set(ids) == Set(1...(processes * letters)), "ids without gaps: no transaction was lost half-way")
        let events = try #require(try CLI.json(cli.run(["events", "--kind", "letter.sent", "--format", "json"])) as? [[String: Any]])
        #expect(events.count == processes * letters)
        try expectVerifyIsClean(cli)
    }

    /// Runs `verify` when this build has it: the ledger's own consistency check.
    func expectVerifyIsClean(_ cli: CLI, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let help = try cli.run(["help", "verify"], withDB: false)
        guard help.status == 0, !help.stderr.contains("Unexpected") else { return }
        let r = try cli.run(["verify"])
        #expect(r.status == 0, "verify: \(r)", sourceLocation: sourceLocation)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ s: String) {
            lock.lock()
            list.append(s)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return list
        }
    }

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
        try expectVerifyIsClean(cli)
    }

    // MARK: - Permissions

    static func mode(_ path: String) -> Int? {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue
    }

    /// The ledger (with its -wal and -shm) and a folder petitions makes for it are the owner's only, whatever the umask.
    @Test func theLedgerIsCreatedForItsOwnerOnly() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let nested = cli.directory.appendingPathComponent("new/folder/ledger.sqlite").path
        cli.environment["PETITIONS_DB"] = nested
        let r = try CLI.exec(
            ["/bin/sh", "-c", "umask 000 && exec \"$0\" \"$@\"", CLI.binary, "init", "--office", "x"],
            environment: cli.environment, executable: "/bin/sh")
        #expect(r.status == 0, "\(r)")
        #expect(Self.mode(nested) == 0o600)
        #expect(Self.mode((nested as NSString).deletingLastPathComponent) == 0o700)
        // While a command runs, SQLite's -wal and -shm exist; they take the ledger's mode.
        let held = try CLI.exec(
            ["/bin/sh", "-c", "umask 000 && \"$0\" authority add --name A --handle a >/dev/null && ls -l \"$1\"*", CLI.binary, nested],
            environment: cli.environment, executable: "/bin/sh")
        #expect(held.status == 0, "\(held)")
        for line in held.stdout.split(separator: "\n") {
            #expect(line.hasPrefix("-rw-------"), "\(line)")
        }
    }

    // MARK: - A killed import

    /// Whether this build has `command` (import, export and verify arrived after these tests were written).
    static func has(_ command: String) throws -> Bool {
        let r = try CLI.exec(["help", command], environment: ProcessInfo.processInfo.environment)
        return r.status == 0 && r.stdout.contains("USAGE")
    }

    static func petitionersCSV(rows: Int, prefix: String) -> String {
        var csv = "name,handle,district,dependants\n"
        csv.reserveCapacity(rows * 48)
        for i in 0..<rows { csv += "Petitioner \(i),\(prefix)-\(i),Dmitrov,Anna \(i):child\n" }
        return csv
    }

    static func count(_ cli: CLI, _ listing: [String]) throws -> Int {
        try (CLI.json(cli.run(listing + ["--format", "json"])) as? [Any])?.count ?? -1
    }

    /// An import of many rows killed with SIGKILL part-way leaves a ledger that verifies, holding all of the import or
    /// none of it, and the same import then succeeds.
    @Test func anImportKilledPartWayLeavesAllOrNothing() throws {
        guard try Self.has("import") else { return }
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "dmitrov"]).status == 0)
        let rows = Int(ProcessInfo.processInfo.environment["PETITIONS_KILL_ROWS"] ?? "") ?? 50_000
        let file = cli.directory.appendingPathComponent("petitioners.csv")
        try Self.petitionersCSV(rows: rows, prefix: "p").write(to: file, atomically: true, encoding: .utf8)
        let before = try Self.count(cli, ["petitioner", "list"])

        var killedAt: [String] = []
        for delay in [0.05, 0.3, 1.0] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = ["import", "petitioners", file.path, "--db", cli.db]
            process.environment = cli.environment
            process.currentDirectoryURL = cli.directory
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay * 1_000_000))
            let wal = (try? FileManager.default.attributesOfItem(atPath: cli.db + "-wal")[.size] as? NSNumber)?.intValue ?? 0
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            killedAt.append("after \(delay) s (\(wal) bytes of WAL, \(process.terminationReason == .uncaughtSignal ? "killed" : "had finished"))")
            let persons = try Self.count(cli, ["petitioner", "list"])
            #expect(persons == before || persons == before + rows, "killed \(killedAt.last ?? ""): \(persons) petitioners")
            try expectVerifyIsClean(cli)
            if persons == before + rows { break }
        }
        let complete = try Self.count(cli, ["petitioner", "list"]) == before + rows
        let again = try cli.run(["import", "petitioners", file.path])
        if complete {
            #expect(again.status == 65, "the rows are there already, so the same file is refused as duplicates: \(again.stderr.prefix(300))")
        } else {
            #expect(again.status == 0, "\(again)")
        }
        #expect(try Self.count(cli, ["petitioner", "list"]) == before + rows)
        #expect(try Self.count(cli, ["events", "--kind", "petitioner.added"]) == rows)
        try expectVerifyIsClean(cli)
        print("killed import: \(rows) rows, \(killedAt.joined(separator: "; "))")
    }

    // MARK: - Escaping

    static let hostileNames = [
        "O'Brien, \"Big\" Ivan", "Line one\nline two", "<script>alert('x')</script>", "=cmd|' /C calc'!A0",
        "+SUM(A1:A9)", "@import", "-2+3", "\u{202E}nimda\u{202C} Petrov", "Мария\u{200F} Петрова", "Tab\there",
        "Back\\slash & <b>bold</b>",
    ]

    static func csvField(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Names with quotes, commas, newlines, markup, spreadsheet formulas and right-to-left marks survive import, export
    /// and a merge into another ledger unchanged, and come out inert in HTML and CSV.
    @Test func hostileNamesSurviveEveryRoundTripAndRenderInert() throws {
        guard try Self.has("import"), try Self.has("export") else { return }
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        var csv = "name,handle,district,occupation,groups,dependants\n"
        for (i, name) in Self.hostileNames.enumerated() {
            csv +=
                [
                    name, "hostile-\(i)", name, name, "dmitrov-post",
                    "\(name.replacingOccurrences(of: ":", with: " ").replacingOccurrences(of: ";", with: " ")):child",
                ]
                .map(Self.csvField).joined(separator: ",") + "\n"
        }
        let file = cli.directory.appendingPathComponent("hostile.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "petitioners", file.path])
        #expect(imported.status == 0, "\(imported)")

        // Back as JSON: every name exactly.
        let list = try #require(try CLI.json(cli.run(["petitioner", "list", "--format", "json"])) as? [[String: Any]])
        let names = Set(list.compactMap { $0["name"] as? String })
        for name in Self.hostileNames { #expect(names.contains(name), "\(name.debugDescription) did not survive the import") }

        // Exported as CSV and imported into a fresh ledger: the same names, formulas defused in the file only.
        let exported = try cli.run(["export", "petitioners", "--format", "csv"])
        #expect(exported.status == 0, "\(exported)")
        for line in exported.stdout.split(separator: "\n") {
            for cell in line.split(separator: ",") where cell.first.map({ "=+-@".contains($0) }) == true {
                Issue.record("a CSV cell starts with a formula character: \(cell)")
            }
        }
        let other = try CLI()
        defer { other.remove() }
        #expect(try other.run(["init", "--office", "klin"]).status == 0)
        #expect(try other.run(["group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post"]).status == 0)
        let back = other.directory.appendingPathComponent("back.csv")
        try exported.stdout.write(to: back, atomically: true, encoding: .utf8)
        let reimported = try other.run(["import", "petitioners", back.path])
        #expect(reimported.status == 0, "\(reimported)")
        let otherNames = Set(
            ((try? CLI.json(other.run(["petitioner", "list", "--format", "json"]))) as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        // Export defuses a leading = + - @ with a quote; import takes it off again.
        for name in Self.hostileNames {
            #expect(otherNames.contains(name), "\(name.debugDescription) did not survive export and import")
        }

        // The event log merged into a third ledger: the same names.
        let events = try cli.run(["export", "events"])
        #expect(events.status == 0)
        let log = cli.directory.appendingPathComponent("events.jsonl")
        try events.stdout.write(to: log, atomically: true, encoding: .utf8)
        let third = try CLI()
        defer { third.remove() }
        let merged = try third.run(["import", "events", log.path])
        #expect(merged.status == 0, "\(merged)")
        let thirdNames = Set(
            ((try? CLI.json(third.run(["petitioner", "list", "--format", "json"]))) as? [[String: Any]] ?? []).compactMap { $0["name"] as? String })
        for name in Self.hostileNames { #expect(thirdNames.contains(name), "\(name.debugDescription) did not survive the event log") }

        // Letters with hostile subjects, and the report in HTML and CSV: nothing executable, nothing a spreadsheet runs.
        for (i, name) in Self.hostileNames.enumerated() {
            #expect(
                try cli.run(["letter", "send", "--from", "hostile-\(i)", "--to", "sovnarkom", "--on", "1920-02-0\(i % 9 + 1)", "--subject=\(name)"])
                    .status == 0, "\(name.debugDescription)")
        }
        if try Self.has("report") {
            let html = try cli.run(["report", "--as-of", "1920-03-04", "--format", "html"])
            #expect(html.status == 0, "\(html.stderr)")
            #expect(!html.stdout.contains("<script>alert"), "markup from a name reached the HTML")
            #expect(!html.stdout.contains("<b>bold</b>"))
            #expect(html.stdout.contains("&lt;script&gt;") || html.stdout.contains("&#60;script"), "the name is shown, escaped")
            for section in ["unanswered_letters", "petitions"] {
                let table = try cli.run(["report", "--as-of", "1920-03-04", "--format", "csv", "--section", section])
                #expect(table.status == 0, "\(section): \(table.stderr)")
                #expect(
                    !table.stdout.contains(",=cmd") && !table.stdout.contains("\n=cmd") && !table.stdout.contains(",\"=cmd"),
                    "\(section): \(table.stdout.prefix(500))")
            }
        }
        try expectVerifyIsClean(cli)
    }

    /// Backups, reports and exports with personal names are the owner's only.
    @Test func backupsReportsAndExportsAreForTheirOwnerOnly() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        var made: [String] = []
        func umask000(_ args: [String]) throws -> CLI.Result {
            try CLI.exec(
                ["/bin/sh", "-c", "umask 000 && exec \"$0\" \"$@\"", CLI.binary] + args + ["--db", cli.db], environment: cli.environment,
                executable: "/bin/sh")
        }
        if try Self.has("backup") {
            let path = cli.directory.appendingPathComponent("backup.sqlite").path
            #expect(try umask000(["backup", path]).status == 0)
            made.append(path)
        }
        if try Self.has("report") {
            let path = cli.directory.appendingPathComponent("report.html").path
            #expect(try umask000(["report", "--as-of", "1920-03-04", "--format", "html", "--output", path]).status == 0)
            made.append(path)
        }
        if try Self.has("export") {
            let path = cli.directory.appendingPathComponent("petitioners.csv").path
            #expect(try umask000(["export", "petitioners", "--output", path]).status == 0)
            made.append(path)
        }
        for path in made { #expect(Self.mode(path) == 0o600, "\(path)") }
    }
}
