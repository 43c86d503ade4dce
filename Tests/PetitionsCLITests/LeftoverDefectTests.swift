import Foundation
import PetitionsTestSupport
import Testing

/// The defects of issue 12 that outlived its first round, each as a new user meets it.
@Suite struct LeftoverDefectTests {
    /// The error line of a refused command: exactly one line, `error: …`, with nothing of SQLite or Swift in it.
    static func oneSentence(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stderr.hasPrefix("error: "), "\(r)", sourceLocation: sourceLocation)
        for word in ["SQLite", "sqlite", "fts5", "syntax error", "Swift", "DecodingError", "typeMismatch", "Fatal"] {
            #expect(!r.stderr.contains(word), "\(r)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - A search that begins with "-"

    @Test func aQueryThatBeginsWithADashGetsASentenceNotAnOptionError() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["search", "-petr"])
        #expect(r.status == 65, "\(r)")
        Self.oneSentence(r)
        #expect(r.stderr.contains("'-petr'") && r.stderr.contains("NOT"), "\(r)")
        #expect(!r.stderr.contains("Unknown option"), "\(r)")
        // The same on the listings' --search, and a word with a dash inside stays a word.
        let listed = try cli.run(["petition", "list", "--search", "-petr"])
        #expect(listed.status == 65 && listed.stderr.contains("NOT"), "\(listed)")
        let inside = try cli.run(["search", "postal-telegraph", "--format", "json"])
        #expect(inside.status == 0 && inside.stdout.contains("dmitrov-post"), "\(inside)")
    }

    @Test func aQueryOfSeveralWordsAndTheOptionsAroundItStillWork() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let both = try cli.run(["search", "--kind", "party", "postal", "employees", "--limit", "5", "--format", "json"])
        #expect(both.status == 0 && both.stdout.contains("dmitrov-post"), "\(both)")
        let none = try cli.run(["search", "postal", "kropotkin", "--format", "json"])
        #expect(none.status == 0 && !none.stdout.contains("dmitrov-post"), "words are all searched for: \(none)")
        let missing = try cli.run(["search"])
        #expect(missing.status == 64 && missing.stderr.contains("query"), "\(missing)")
        #expect(missing.stderr.contains("petitions search"), "the usage shown is the search's, not the root's: \(missing)")
        // `--` ends the options; it is not one of the words searched for.
        let dashed = try CLI.exec(["--db", cli.db, "search", "--", "-petr"], environment: cli.environment)
        #expect(dashed.status == 65 && dashed.stderr.contains("query '-petr'"), "\(dashed)")
    }

    @Test func anUnknownPetitionFilterIsSaidNotAnsweredWithAnEmptyList() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["letter", "list", "--petition", "99"])
        #expect(r.status == 65 && r.stderr.contains("99"), "\(r)")
        Self.oneSentence(r)
        #expect(try cli.run(["letter", "list", "--petition", "1", "--format", "json"]).stdout.contains("Appeal"))
    }

    @Test func theOverdueTableShowsTheShortfallAsEveryTextDoes() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let text = try cli.run(["overdue", "--as-of", "1920-03-04"])
        #expect(text.status == 0 && text.stdout.contains("1,700 funt wheat") && !text.stdout.contains("1700 funt"), "\(text.stdout)")
        let csv = try cli.run(["overdue", "--as-of", "1920-03-04", "--format", "csv"])
        #expect(csv.stdout.contains("1700 funt wheat"), "CSV keeps plain digits: \(csv.stdout)")
    }

    @Test func anEscalationStatesOnlyWhatTheLedgerHoldsAsOfItsDay() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let early = try cli.run(["draft", "escalation", "--petition", "1", "--as-of", "1919-01-01"])
        #expect(early.status == 65 && early.stderr.contains("before petition 1 was logged on 1920-01-20"), "\(early)")
        Self.oneSentence(early)
        // The letter answered: the subject speaks of the supply still owed, not of an answer missing.
        let reply = ["letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-01", "--subject", "Re: Appeal"]
        #expect(try cli.run(reply + ["--in-reply-to", "1"]).status == 0)
        let answered = try cli.run(["draft", "escalation", "--petition", "1", "--as-of", "1920-03-04"])
        #expect(answered.status == 0 && answered.stdout.contains("supply owed by") && !answered.stdout.contains("no answer from"), "\(answered)")
        #expect(try cli.run(["petition", "status", "1", "--to", "withdrawn", "--on", "1920-03-01"]).status == 0)
        let withdrawn = try cli.run(["draft", "escalation", "--petition", "1", "--as-of", "1920-03-04"])
        #expect(withdrawn.status == 65 && withdrawn.stderr.contains("withdrawn"), "\(withdrawn)")
    }

    @Test func anUnknownCommandIsNamedEvenAfterTheLedgerOptions() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try CLI.exec(["--db", cli.db, "overdu", "--as-of", "1920-03-04"], environment: cli.environment)
        #expect(r.status == 64, "\(r)")
        Self.oneSentence(r)
        #expect(r.stderr.contains("'overdu' is not a command") && !r.stderr.contains("--db"), "\(r)")
        let bare = try CLI.exec(["overdu"], environment: cli.environment)
        #expect(bare.status == 64 && bare.stderr.contains("'overdu' is not a command"), "\(bare)")
    }

    // MARK: - Files that are not plain files

    @Test func aFileUnderProcIsReadToItsEndNotTakenForEmpty() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let handle = try #require(FileHandle(forReadingAtPath: "/proc/version"))
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        try handle.close()
        let r = try cli.run(["attach", "--letter", "1", "/proc/version", "--format", "json"])
        #expect(r.status == 0, "/proc/version reports 0 bytes and holds a line: \(r)")
        let got = try cli.run(["attachment", "get", "1"])
        #expect(got.status == 0 && !text.isEmpty && got.stdout == text, "\(got)")
    }

    @Test func foldersAndDevicesAreRefusedWithoutWaiting() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let folder = cli.directory.path
        let cases: [([String], String)] = [
            (["import", "events", "/dev/zero"], "device"),
            (["import", "petitioners", "/dev/null"], "device"),
            (["attach", "--letter", "1", "/dev/urandom"], "device"),
            (["attach", "--letter", "1", folder], "folder"),
            (["check", "--as-of", "1920-03-04", "--rules", folder], "folder"),
            (["check", "--as-of", "1920-03-04", "--calendar", "/dev/zero"], "device"),
            (["authority", "list", "--config", "/dev/zero"], "device"),
            (["rules", "set", "/dev/zero"], "device"),
            (["import", "events", folder], "folder"),
        ]
        for (args, what) in cases {
            let r = try cli.run(args)
            #expect(r.status == 66 && r.stderr.contains("is a \(what)"), "\(args): \(r)")
            Self.oneSentence(r)
        }
        // A named pipe is read to its end, waiting for its writer with a note: Trial19CLITests.
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    // MARK: - A repeated option under a default subcommand

    @Test func enrolWithoutAddStillRefusesAnOptionGivenTwice() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run([
            "enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--count", "employee=1", "--from", "1919-09-01", "--from", "1919-10-01",
        ])
        #expect(r.status == 64 && r.stderr.contains("--from is given more than once"), "\(r)")
        let named = try cli.run([
            "enrol", "add", "--decree", "decree-1918", "--recipient", "kropotkin", "--count", "employee=1", "--to", "1920-01-01", "--to",
            "1920-02-01",
        ])
        #expect(named.status == 64 && named.stderr.contains("--to is given more than once"), "\(named)")
        let counts = try cli.run([
            "enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--count", "employee=1", "--count", "incapacitated=1",
        ])
        #expect(counts.status == 0, "--count repeats: \(counts)")
    }

    // MARK: - Households

    @Test func aDependantAddedTwiceIsRefusedAndAnAmbiguousRemovalAsksForTheCategory() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let add = ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina"]
        #expect(try cli.run(add).status == 0)
        let twice = try cli.run(add)
        #expect(twice.status == 65 && twice.stderr.contains("'Sofia Kropotkina'") && twice.stderr.contains("already"), "\(twice)")
        Self.oneSentence(twice)
        // The same name typed in another case is the same dependant, said with the spelling held.
        let cased = try cli.run(["petitioner", "dependant", "add", "kropotkin", "--name", "sofia KROPOTKINA"])
        #expect(cased.status == 65 && cased.stderr.contains("written Sofia Kropotkina"), "\(cased)")
        Self.oneSentence(cased)
        #expect(try cli.run(add + ["--category", "incapacitated"]).status == 0)
        let ambiguous = try cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia Kropotkina"])
        #expect(ambiguous.status == 65 && ambiguous.stderr.contains("--category"), "\(ambiguous)")
        #expect(ambiguous.stderr.contains("dependant") && ambiguous.stderr.contains("incapacitated"), "\(ambiguous)")
        Self.oneSentence(ambiguous)
        let shown = try cli.run(["petitioner", "show", "kropotkin", "--format", "json"])
        #expect(shown.stdout.components(separatedBy: "Sofia Kropotkina").count == 3, "both are still there: \(shown)")
        let one = try cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "SOFIA kropotkina", "--category", "incapacitated"])
        #expect(one.status == 0, "the name in another case is the one held: \(one)")
        let left = try cli.run(["petitioner", "show", "kropotkin", "--format", "json"])
        #expect(left.stdout.components(separatedBy: "Sofia Kropotkina").count == 2, "one is left: \(left)")
    }

    @Test func aFileNameThatTurnsTheTextsDirectionIsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        // Shown on a screen, "reply\u{202E}fdp.exe" reads "replyexe.pdf".
        let file = cli.directory.appendingPathComponent("reply\u{202E}fdp.exe").path
        try "MZ".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["attach", "--letter", "1", file])
        #expect(r.status == 65 && r.stderr.contains("U+202E") && r.stderr.contains("direction"), "\(r)")
        Self.oneSentence(r)
        #expect(!(try cli.run(["attachment", "list", "--format", "json"]).stdout.contains("fdp")), "nothing was attached")
    }

    // MARK: - Configuration

    @Test func aSizeLimitOfTheWrongTypeNamesTheKeyTheFileAndTheValue() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let config = cli.directory.appendingPathComponent("office.toml").path
        try "max_attachment_mb = \"30\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let r = try cli.run(["authority", "list", "--config", config])
        #expect(r.status == 65, "\(r)")
        Self.oneSentence(r)
        #expect(r.stderr.contains(config) && r.stderr.contains("max_attachment_mb") && r.stderr.contains("'30'"), "\(r)")
        try "office = 7\n".write(toFile: config, atomically: true, encoding: .utf8)
        let office = try cli.run(["authority", "list", "--config", config])
        #expect(office.status == 65 && office.stderr.contains("office = 7"), "\(office)")
        Self.oneSentence(office)
    }

    // MARK: - Records dated before what they refer to

    @Test func aRecordDatedBeforeWhatItRefersToIsKeptWithAWarning() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("scan.txt").path
        try "A scanned page\n".write(toFile: file, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (
                ["petition", "note", "1", "--text", "From the old file", "--on", "1919-12-01"],
                "the note is dated 1919-12-01, before petition 1 was logged on 1920-01-20"
            ),
            (
                ["petition", "edit", "1", "--subject", "January and February provisions", "--on", "1920-01-02"],
                "the correction is dated 1920-01-02, before petition 1 was logged on 1920-01-20"
            ),
            (
                ["attach", "--letter", "1", file, "--on", "1920-01-19"],
                "the attachment is dated 1920-01-19, before letter 1, which is dated 1920-01-20"
            ),
            (
                ["enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--count", "employee=1", "--from", "1918-08-01"],
                "the enrolment starts on 1918-08-01, before decree decree-1918 was issued on 1918-08-15"
            ),
        ]
        for (args, warning) in cases {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
            #expect(r.stderr == "warning: \(warning); it is recorded all the same.\n", "\(args): \(r)")
        }
        let onTime = try cli.run(["petition", "note", "1", "--text", "Telephoned", "--on", "1920-01-21"])
        #expect(onTime.status == 0 && onTime.stderr.isEmpty, "\(onTime)")
        // A note or an attachment cannot be written yet: a day after today is kept, and said.
        let later = try cli.run(["petition", "note", "1", "--text", "Typed with the wrong year", "--on", "2920-01-21"])
        #expect(later.status == 0 && later.stderr.hasPrefix("warning: the note is dated 2920-01-21, after today ("), "\(later)")
        let scanLater = try cli.run(["attach", "--letter", "1", file, "--title", "Again", "--on", "2920-01-21"])
        #expect(scanLater.status == 0 && scanLater.stderr.contains("after today"), "\(scanLater)")
        // An enrolment that starts next month is a plan, not a slip.
        let planned = try cli.run([
            "enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--count", "employee=1", "--from", "2920-01-01",
        ])
        #expect(!planned.stderr.contains("after today"), "\(planned)")
        // A letter before its petition, or a reply before its letter, stays refused.
        let early = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-05", "--subject", "Early", "--petition", "1",
        ])
        #expect(early.status == 65, "\(early)")
    }
}
