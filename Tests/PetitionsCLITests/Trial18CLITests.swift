import Foundation
import PetitionsTestSupport
import Testing

/// What the eighteenth trial (a new user and an attacker of the separate server and of bulk imports) found at the
/// command line.
@Suite struct Trial18CLITests {
    @Test("no output file replaces the ledger, even with --force: import --rejects emptied it, export --output replaced it")
    func outputsNeverReplaceTheLedger() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let input = try ExchangeTests.file(cli, "p.csv", "name,on\nAnna,1920-02-30\nBoris,1920-02-01\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let relative = cli.directory.appendingPathComponent("./ledger.sqlite").path
        for args in [
            ["import", "petitioners", input, "--skip-invalid", "--rejects", cli.db, "--force"],
            ["import", "petitioners", input, "--skip-invalid", "--rejects", cli.db + "-wal", "--force"],
            ["export", "petitioners", "--output", relative, "--force"],
            ["report", "--as-of", "1920-03-04", "--output", cli.db, "--force"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 73, "\(args): \(r)")
            #expect(
                r.stderr.hasPrefix("error: ") && r.stderr.contains("is the ledger itself (or its journal); give the file another name."),
                "\(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        #expect(try cli.run(["verify"]).status == 0)
        #expect(try cli.run(["petitioner", "list"]).stdout.contains("Boris") == false)
    }

    @Test("an import refused as a whole leaves the file named by --rejects as it was: --force no longer empties it first")
    func refusedImportKeepsTheRejectsFile() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let input = try ExchangeTests.file(cli, "p.csv", "name,on\nAnna,1920-02-30\nBoris,1920-02-01\n")
        let rejects = try ExchangeTests.file(cli, "rejects.csv", "precious\n")
        #expect(try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", rejects, "--force"]).status == 0)
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: rejects))
        // The same file again is refused before any row is read.
        let again = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", rejects, "--force"])
        #expect(again.status == 65 && again.stderr.contains("was already imported"), "\(again)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "precious\n")
        // A file that stops being CSV past its first rows: nothing is imported, and no rejects file is made.
        let broken = try ExchangeTests.file(cli, "broken.csv", "name,on\nAnna,1920-02-30\n\"Boris,1920-02-01\n")
        let fresh = cli.directory.appendingPathComponent("fresh.csv").path
        let stopped = try cli.run(["import", "petitioners", broken, "--skip-invalid", "--rejects", fresh])
        #expect(stopped.status == 65 && stopped.stderr.contains("never closed"), "\(stopped)")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".petitions-output-") }
        #expect(left.isEmpty, "\(left)")
    }
}

extension Trial18CLITests {
    @Test("serve beside a petitions-server that may not be run says so, not that it is missing; missing, it says missing")
    func serverThatMayNotBeRun() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        let bin = cli.directory.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let petitions = bin.appendingPathComponent("petitions").path
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: petitions)
        let server = bin.appendingPathComponent("petitions-server").path
        let run = { () throws -> (status: Int32, stderr: String) in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: petitions)
            p.arguments = ["serve", "--db", cli.db, "--port", "8080"]
            p.environment = cli.environment
            let err = Pipe()
            p.standardOutput = Pipe()
            p.standardError = err
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
        let missing = try run()
        #expect(missing.status == 69, "\(missing)")
        #expect(
            missing.stderr
                == "error: the office server is not installed: \(server) is missing; install petitions again (Scripts/install) to serve the ledger.\n"
        )
        try Data("#!/bin/sh\n".utf8).write(to: URL(fileURLWithPath: server))
        #expect(chmod(server, 0o644) == 0)
        let notRunnable = try run()
        #expect(notRunnable.status == 69, "\(notRunnable)")
        #expect(
            notRunnable.stderr
                == "error: the office server is not installed: \(server) is there but may not be run; install petitions again (Scripts/install) to serve the ledger.\n"
        )
    }
}

extension Trial18CLITests {
    @Test("a header of 100,000 columns is refused in a sentence naming the first ten, each cut to 60 characters, not a megabyte")
    func wideHeaderNamesAFew() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let long = String(repeating: "x", count: 5000)
        let header = "name,\(long)," + (0..<100_000).map { "c\($0)" }.joined(separator: ",") + ",c1,c2"
        let path = try ExchangeTests.file(cli, "wide.csv", header + "\nAnna" + String(repeating: ",", count: 100_003) + "\n")
        let r = try cli.run(["import", "petitioners", path])
        #expect(r.status == 65, "\(r.stderr.prefix(300))")
        #expect(
            r.stderr
                == "error: \(path): the header has the unknown columns '\(long.prefix(60))'…, 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8' and 99993 more and repeats 'c1', 'c2'; petitioners take 'name' and may take 'handle', 'district', 'occupation', 'groups', 'dependants', 'on'. Nothing was imported.\n",
            "\(r.stderr.prefix(600))")
        #expect(try cli.run(["petitioner", "list"]).stdout.contains("Anna") == false)
    }
}

extension Trial18CLITests {
    @Test("a row that cannot be read names its column as well as its line, as a row's problems do; nothing is imported")
    func unreadableRowNamesItsColumn() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let long = String(repeating: "x", count: (1 << 20) + 1)
        let cases: [(String, String, String)] = [
            ("long.csv", "name,district\nAnna,\(long)\n", "line 2, column district: a field is longer than 1 MB, the most one may hold."),
            ("after.csv", "name,district\nAnna,Dmitrov\n\"Bo\"b,Klin\n", "line 3, column name: text ('b') follows the closing quote of a field"),
            ("open.csv", "name,district\nAnna,\"Dmitrov\nBob,Klin\n", "line 2, column district: a quoted field opened on this line is never closed."),
            ("bytes.csv", "name,district\nAnna,Dmitrov,\u{0}\n", "line 2, column 3: the file holds a NUL byte"),
        ]
        for (name, text, says) in cases {
            let path = try ExchangeTests.file(cli, name, text)
            let r = try cli.run(["import", "petitioners", path])
            #expect(r.status == 65, "\(name): \(r.stderr.prefix(300))")
            #expect(r.stderr.hasPrefix("error: \(path) \(says)"), "\(name): \(r.stderr.prefix(300))")
        }
        let bad = try ExchangeTests.file(cli, "utf.csv", "")
        try Data("name,district\nAnna,Dmi\u{FF}".utf8.map { $0 } + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: bad))
        let r = try cli.run(["import", "petitioners", bad])
        #expect(
            r.stderr == "error: \(bad) line 2, column district: the text is not UTF-8; save the file as UTF-8 CSV. Nothing was imported.\n",
            "\(r.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was imported")
    }
}

extension Trial18CLITests {
    @Test("petitions-server run by itself refuses an argument that is not UTF-8 naming its option, as petitions serve does")
    func serverArgumentNotUTF8() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("petitions-server").path
        // --port 0 would be refused after the arguments are read: a server never starts here.
        for (script, field) in [
            (#""$0" --db "$1" --office "$(printf 'Dmitrov\377')" --port 0"#, "--office"),
            (#""$0" --db "$(printf '\377.sqlite')" --port 0"#, "--db"),
        ] {
            let r = try CLI.exec(["sh", "-c", script, server, cli.db], environment: cli.environment, executable: "/bin/sh")
            #expect(r.status == 65, "\(script): \(r)")
            #expect(r.stderr.hasPrefix("error: \(field) ") && r.stderr.contains("holds bytes that are not UTF-8 text"), "\(script): \(r)")
        }
    }
}

extension Trial18CLITests {
    @Test("petitions-server --help says where the ledger, the office and the configuration come from, as petitions serve --help does")
    func serverHelpNamesTheDefaults() throws {
        let server = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("petitions-server").path
        let help = try CLI.exec([server, "--help"], environment: ProcessInfo.processInfo.environment, executable: server)
        #expect(help.status == 0, "\(help)")
        let flat = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for says in [
            "The ledger file (else $PETITIONS_DB, else $XDG_DATA_HOME/petitions/petitions.sqlite).",
            "The office recording the events (else $PETITIONS_OFFICE, else the configuration).",
            "A configuration file (else $PETITIONS_CONFIG, else $XDG_CONFIG_HOME/petitions/config.toml).",
        ] {
            #expect(flat.contains(says), "\(says): \(help.stdout)")
        }
    }
}

extension Trial18CLITests {
    @Test("petitions-server run by itself refuses an option given twice, naming it, as petitions does; once is taken")
    func serverOptionGivenTwice() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let server = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().appendingPathComponent("petitions-server").path
        for (args, option) in [
            (["--db", cli.db, "--port", "18299", "--port", "0"], "--port"),
            (["--db", cli.db, "--db=other.sqlite", "--port", "0"], "--db"),
            (["--db", cli.db, "--secure-cookies", "--secure-cookies", "--port", "0"], "--secure-cookies"),
        ] {
            let r = try CLI.exec([server] + args, environment: cli.environment, executable: server)
            #expect(r.status == 64, "\(args): \(r)")
            #expect(r.stderr == "error: \(option) is given more than once; give it once.\n", "\(args): \(r)")
        }
        // Given once, the server goes on to its own checks (a port of 0 is refused there; it never starts).
        let once = try CLI.exec([server, "--db", cli.db, "--port", "0"], environment: cli.environment, executable: server)
        #expect(once.status == 64 && once.stderr.contains("--port '0' is not a port number"), "\(once)")
    }
}

extension Trial18CLITests {
    @Test("--rejects - is refused naming standard output, where it made a file named '-'; nothing is imported")
    func rejectsToStandardOutput() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let input = try ExchangeTests.file(cli, "p.csv", "name,on\nAnna,1920-02-30\nBoris,1920-02-01\n")
        let before = try cli.run(["events", "--format", "json"]).stdout
        // The folder the binary runs in (CLI's scratch folder), where `-` was made.
        let dash = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-cwd/-").path
        try? FileManager.default.removeItem(atPath: dash)
        for given in ["-", "/dev/stdout"] {
            let r = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", given])
            #expect(r.status == 64, "\(given): \(r)")
            #expect(
                r.stderr == "error: --rejects '\(given)': standard output carries the import's report; give the rejected rows a file name.\n",
                "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dash))
        #expect(try cli.run(["events", "--format", "json"]).stdout == before)
    }
}
