import Foundation
import PetitionsTestSupport
import Testing

/// What the nineteenth trial found at the command line: named pipes whose writer comes later, and standard input
/// that is a terminal.
@Suite struct Trial19CLITests {
    // MARK: - A named pipe whose writer starts later

    /// How a run ended and what it printed.
    struct Run: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
    }

    /// Starts `petitions ARGS`, waits until it says on stderr that it waits for `fifo`'s writer (or until it ends:
    /// then the pipe was taken for empty), writes `text` into the pipe and returns how the run ended.
    static func runWritingLater(_ cli: CLI, _ args: [String], fifo: String, text: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = args + ["--db", cli.db]
        process.environment = cli.environment
        process.currentDirectoryURL = cli.directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // What it printed before the writer came; a bound of a minute so that a run that waits without a word fails.
        var before = Data()
        let fd = err.fileHandleForReading.fileDescriptor
        var said = false
        while !said {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 60_000) == 1 else { break }
            var block = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &block, block.count)
            if n <= 0 { break }
            before.append(contentsOf: block[0..<n])
            said = String(decoding: before, as: UTF8.self).contains("waiting")
        }
        if said {
            // Not blocking: had the run ended, the test would wait here for ever.
            let w = open(fifo, O_WRONLY | O_NONBLOCK)
            if w >= 0 {
                _ = text.utf8CString.withUnsafeBufferPointer { write(w, $0.baseAddress, $0.count - 1) }
                close(w)
            }
        } else {
            process.terminate()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let rest = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: before + rest, as: UTF8.self))
    }

    @Test("a named pipe whose writer starts later is read to its end, saying on stderr that it waits, wherever a file is read")
    func aPipeWhoseWriterComesLaterIsReadToItsEnd() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let fifo = cli.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let rows = try Self.runWritingLater(cli, ["import", "petitioners", fifo], fifo: fifo, text: "name\nVera Figner\n")
        #expect(rows.status == 0 && rows.stdout.contains("Imported 1 petitioner"), "\(rows)")
        #expect(rows.stderr.contains("note: waiting for \(fifo), a named pipe, to be written to (Ctrl-C stops)."), "\(rows)")
        let attached = try Self.runWritingLater(cli, ["attach", "--letter", "1", fifo], fifo: fifo, text: "The scanned reply.\n")
        #expect(attached.status == 0, "\(attached)")
        #expect(try cli.run(["attachment", "get", "1"]).stdout == "The scanned reply.\n")
        // A configuration that is read is refused for its limit; one taken for empty was the defaults.
        let config = try Self.runWritingLater(cli, ["authority", "list", "--config", fifo], fifo: fifo, text: "max_attachment_mb = 0\n")
        #expect(config.status == 65 && config.stderr.contains("max_attachment_mb"), "\(config)")
        let rules = try Self.runWritingLater(
            cli, ["check", "--as-of", "1920-03-04", "--rules", fifo], fifo: fifo, text: "[[rule]]\nid = \"late\"\n")
        #expect(rules.status == 65 && rules.stderr.contains("line 2: rule 'late' has no kind"), "\(rules)")
    }

    @Test("rules set and calendar set refuse a named pipe at once, naming it, without waiting for a writer")
    func storingRulesRefusesAPipeWithoutWaiting() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let fifo = cli.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for args in [["rules", "set", fifo], ["calendar", "set", fifo]] {
            let r = try cli.run(args)
            #expect(r.status == 66 && r.stderr.contains("\(fifo) is a pipe, which can be read only once; give a file."), "\(args): \(r)")
            LeftoverDefectTests.oneSentence(r)
        }
    }

    // MARK: - Standard input that is a terminal

    static let script = "/usr/bin/script"

    /// Runs `petitions ARGS` under `script`, which gives it a terminal for standard input.
    static func atATerminal(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        var cli = cli
        cli.environment["SHELL"] = "/bin/bash"
        let line = ([CLI.binary] + args + ["--db", cli.db]).map { "'\($0)'" }.joined(separator: " ")
        return try CLI.exec(["script", "-qec", line, "/dev/null"], environment: cli.environment, executable: Self.script)
    }

    @Test(
        "standard input that is a terminal is refused at once for - and --password-stdin, saying how to give it",
        .enabled(if: FileManager.default.isExecutableFile(atPath: script) && FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func aTerminalOnStandardInputIsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for args in [["import", "petitioners", "-"], ["import", "events", "-"]] {
            let r = try Self.atATerminal(cli, args)
            #expect(r.status == 64, "\(args): \(r)")
            #expect(
                r.stdout.contains(
                    "error: standard input is a terminal; pipe the \(args[1] == "events" ? "events" : "rows") in (cat FILE | petitions import \(args[1]) -) or name the file instead of -. Nothing was imported."
                ), "\(args): \(r)")
        }
        let add = try Self.atATerminal(cli, ["user", "add", "vera", "--role", "clerk", "--password-stdin"])
        #expect(add.status == 64, "\(add)")
        #expect(
            add.stdout.contains(
                "error: --password-stdin: standard input is a terminal; pipe the password in (printf '%s\\n' PASSWORD | petitions user add … --password-stdin) or leave out --password-stdin to have one made."
            ), "\(add)")
        #expect(try cli.run(["user", "list"]).stdout.contains("vera") == false)
        #expect(try cli.run(["user", "add", "vera", "--role", "clerk"]).status == 0)
        let password = try Self.atATerminal(cli, ["user", "password", "vera", "--password-stdin"])
        #expect(password.status == 64, "\(password)")
        #expect(
            password.stdout.contains(
                "error: --password-stdin: standard input is a terminal; pipe the password in (printf '%s\\n' PASSWORD | petitions user password … --password-stdin)."
            ), "\(password)")
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    // MARK: - Files saved with Windows line ends

    @Test("a rules or calendar file with CRLF line ends is stored by rules set and calendar set, and its errors name the right line")
    func windowsLineEndsAreLineEnds() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let rules = try ExchangeTests.file(cli, "rules.toml", "version = 1\r\n[[rule]]\r\nid = \"u\"\r\nkind = \"arrears\"\r\n")
        let set = try cli.run(["rules", "set", rules])
        #expect(set.status == 0, "\(set)")
        #expect(try cli.run(["rules", "show"]).stdout.contains("u   arrears"), "the stored rules are the file's")
        let calendar = try ExchangeTests.file(
            cli, "calendar.toml", "weekend = [\"sunday\"]\r\n[[holiday]]\r\ndate = \"1920-05-01\"\r\nname = \"May Day\"\r\n")
        let stored = try cli.run(["calendar", "set", calendar])
        #expect(stored.status == 0, "\(stored)")
        let bad = try ExchangeTests.file(cli, "bad.toml", "version = 1\r\n[[rule]]\r\nid = \"v\"\r\nkind = \"arrears\"\r\nfoo = 1\r\n")
        let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", bad])
        #expect(r.status == 65 && r.stderr.hasPrefix("error: \(bad), line 5: rule 'v' has the key 'foo'"), "\(r)")
    }

    @Test("a version in quotes in a rules or calendar file is said to be text, as the configuration says it")
    func aQuotedVersionIsSaidToBeText() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try ExchangeTests.file(cli, "v.toml", "version = \"1\"\n")
        for option in ["--rules", "--calendar"] {
            let r = try cli.run(["check", "--as-of", "1920-03-04", option, file])
            #expect(
                r.status == 65
                    && r.stderr == "error: \(file), line 1: version = '1' is not a whole number; write it without quotes, e.g. version = 1.\n",
                "\(option): \(r)")
        }
    }

    // MARK: - Text that holds line breaks and tabs

    @Test("a multi-line address, note or case note continues under its first line, not at the left edge where it read as a field")
    func multiLineValuesHangUnderTheirFirstLine() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "edit", "kropotkin", "--address", "12 Main Street\nDmitrov", "--note", "Writes\nweekly"]).status == 0)
        let shown = try cli.run(["petitioner", "show", "kropotkin"])
        #expect(shown.stdout.contains("  address: 12 Main Street\n           Dmitrov\n"), "\(shown)")
        #expect(shown.stdout.contains("  note: Writes\n        weekly\n  office: dmitrov"), "\(shown)")
        let noted = try cli.run(["petition", "note", "1", "--text", "First line\nsecond line", "--on", "1920-01-21"])
        #expect(noted.stdout == "Noted on petition 1 (note 1, 1920-01-21): First line\n\(String(repeating: " ", count: 42))second line\n", "\(noted)")
        let petition = try cli.run(["petition", "show", "1"])
        #expect(petition.stdout.contains("  1920-01-21  First line\n              second line\n"), "\(petition)")
    }

    @Test("a tab in a table's cell is a space, so the columns after it stay aligned")
    func aTabInACellKeepsTheColumnsAligned() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "edit", "kropotkin", "--district", "Dmitrov\tuezd"]).status == 0)
        var wide = cli
        wide.environment["COLUMNS"] = "100"
        let list = try wide.run(["petitioner", "list"])
        let lines = list.stdout.split(separator: "\n")
        let header = try #require(lines.first)
        let row = try #require(lines.first { $0.contains("kropotkin") })
        #expect(!row.contains("\t"), "\(list)")
        // The column after the district starts where its header does.
        let column = try #require(header.range(of: "OCCUPATION")).lowerBound.utf16Offset(in: header)
        #expect(Array(row.utf16)[column] == UInt16(UInt8(ascii: "-")), "\(list)")
    }

    // MARK: - Two offices merging

    @Test("two offices that both removed the same attachment still merge: the second removal is kept without effect, named")
    func anAttachmentRemovedOnBothSidesDoesNotBlockTheMerge() throws {
        let (dmitrov, klin) = try MergeInapplicableTests.twoOffices()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        let scan = try ExchangeTests.file(dmitrov, "scan.txt", "The scanned reply.\n")
        #expect(try dmitrov.run(["attach", "--letter", "1", scan]).status == 0)
        #expect(try MergeInapplicableTests.merge(dmitrov, into: klin).status == 0)
        #expect(try dmitrov.run(["attachment", "remove", "1", "--reason", "A duplicate"]).status == 0)
        #expect(try klin.run(["attachment", "remove", "1", "--reason", "Scanned twice"]).status == 0)
        for (from, into) in [(klin, dmitrov), (dmitrov, klin)] {
            let merged = try MergeInapplicableTests.merge(from, into: into)
            #expect(merged.status == 0, "\(merged)")
            #expect(merged.stdout.contains("attachment.removed): attachment: attachment 1 was removed on "), "\(merged)")
            #expect(merged.stdout.contains("It is kept in the log without effect."), "\(merged)")
            #expect(try into.run(["verify"]).status == 0)
            let again = try MergeInapplicableTests.merge(from, into: into)
            #expect(again.status == 0 && again.stdout.contains("0 added"), "\(again)")
        }
        #expect(try dmitrov.run(["attachment", "list"]).stdout == (try klin.run(["attachment", "list"]).stdout))
    }

    @Test("two offices that both ended the same enrolment still merge: the second end is kept without effect, named")
    func anEnrolmentEndedOnBothSidesDoesNotBlockTheMerge() throws {
        let (dmitrov, klin) = try MergeInapplicableTests.twoOffices()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        let end = ["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-02-15"]
        #expect(try dmitrov.run(end).status == 0)
        #expect(try klin.run(end).status == 0)
        for (from, into) in [(klin, dmitrov), (dmitrov, klin)] {
            let merged = try MergeInapplicableTests.merge(from, into: into)
            #expect(merged.status == 0, "\(merged)")
            #expect(merged.stdout.contains("enrolment.ended): on '1920-02-15': dmitrov-post is not enrolled in decree-1918"), "\(merged)")
            #expect(try into.run(["verify"]).status == 0)
        }
        #expect(try dmitrov.run(["delivery", "list"]).stdout == (try klin.run(["delivery", "list"]).stdout))
    }

    // MARK: - Calendars

    @Test("a holiday's name is one line of at most 1,000 characters, as every name is: a longer one was printed whole")
    func aHolidaysNameIsOneLine() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let long = try ExchangeTests.file(
            cli, "long.toml", "[[holiday]]\ndate = \"1920-05-01\"\nname = \"\(String(repeating: "x", count: 2_000))\"\n")
        let r = try cli.run(["deadline", "--from", "1920-04-28", "--within", "3 working days", "--calendar", long])
        #expect(
            r.status == 65
                && r.stderr == "error: \(long), line 3: holiday 1 name is 2,000 characters long; a name is one line of at most 1,000 characters.\n",
            "\(r)")
        let broken = try ExchangeTests.file(cli, "broken.toml", "[[holiday]]\ndate = \"1920-05-01\"\nname = \"May\\nDay\"\n")
        let b = try cli.run(["calendar", "set", broken])
        #expect(b.status == 65 && b.stderr.contains("line 3: holiday 1 name 'May\\u000ADay' holds a line break; a name is one line."), "\(b)")
    }
}
