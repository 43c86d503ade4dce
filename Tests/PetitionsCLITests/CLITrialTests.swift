import Foundation
import PetitionsTestSupport
import Testing

/// What a trial of the command line found: each answer now tells a new user the truth, in one sentence naming the
/// field and the value, or says what a command did.
@Suite struct CLITrialTests {
    // MARK: - Intermediaries

    @Test func aPersonIsNotTheirOwnIntermediary() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let logged = try cli.run([
            "petition", "log", "--from", "kropotkin", "--to", "moscow-supply", "--subject", "Himself", "--on", "1920-02-01", "--via", "kropotkin",
        ])
        #expect(logged.status == 65, "\(logged)")
        #expect(
            logged.stderr
                == "error: --via 'kropotkin' is the petitioner; an intermediary carries someone else's petition, so leave --via out.\n",
            "\(logged.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
        let mine = try cli.run(["petition", "log", "--from", "kropotkin", "--to", "moscow-supply", "--subject", "Mine", "--on", "1920-02-01"])
        #expect(mine.status == 0, "\(mine)")
        let edited = try cli.run(["petition", "edit", "4", "--via", "kropotkin"])
        #expect(edited.status == 65 && edited.stderr.contains("--via 'kropotkin' is the petitioner"), "\(edited)")
    }

    @Test func aReminderNamesWhoWroteTheLetter() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let steps: [[String]] = [
            ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov"],
            ["petition", "log", "--from", "kropotkin", "--to", "moscow-supply", "--subject", "Fuel", "--on", "1920-01-25"],
            ["letter", "send", "--from", "ivan-petrov", "--to", "moscow-supply", "--on", "1920-01-26", "--subject", "Fuel", "--petition", "4"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        let letters = try CLI.json(try cli.run(["letter", "list", "--format", "json"])) as? [[String: Any]]
        let id = try #require(letters?.first { $0["subject"] as? String == "Fuel" }?["id"] as? Int)
        let r = try cli.run(["draft", "reminder", "--letter", String(id), "--as-of", "1920-03-04"])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("From: Ivan Petrov\n"), "the writer, not Kropotkin through him: \(r.stdout)")
        #expect(!r.stdout.contains("through"), "\(r.stdout)")
    }

    // MARK: - Saying what happened

    @Test func endingAnEnrolmentSaysWhichDeliveriesItUnscheduled() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let ended = try cli.run(["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-01-31"])
        #expect(ended.status == 0, "\(ended)")
        #expect(
            ended.stdout.contains("  unscheduled the deliveries of 1920-02, 1920-03 (nothing had come for them)\n"), "\(ended.stdout)")
    }

    @Test func voidingAndExtendingALetterSayWhatWasDone() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let extended = try cli.run(["letter", "extend", "1", "--by", "2 weeks", "--reason", "They asked for time", "--on", "1920-02-05"])
        #expect(extended.status == 0, "\(extended)")
        let shown = try #require(try CLI.json(try cli.run(["letter", "show", "1", "--format", "json"])) as? [String: Any])
        let due = try #require(shown["reply_due"] as? String, "\(shown)")
        #expect(
            extended.stdout.hasPrefix("Extended the reply to letter 1 by 2 weeks: it is now due on \(due).\n"), "\(extended.stdout)")
        let voided = try cli.run(["letter", "void", "2", "--reason", "Recorded twice", "--on", "1920-03-05"])
        #expect(voided.status == 0, "\(voided)")
        #expect(
            voided.stdout.hasPrefix("Voided letter 2 on 1920-03-05: it counts for nothing, as of any day, and no reply is expected of it.\n"),
            "\(voided.stdout)")
    }

    @Test func removingTheSignatureSaysSo() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["office", "set", "--signature", "A. Yusuf"]).stdout.contains("  signature: A. Yusuf\n"))
        let removed = try cli.run(["office", "set", "--signature", ""])
        #expect(removed.status == 0, "\(removed)")
        #expect(removed.stdout.contains("  signature: removed; drafts show [signature] where it goes\n"), "\(removed.stdout)")
    }

    // MARK: - The calendar's end

    @Test func aReplyWindowPastTheCalendarsEndIsRefusedNotCut() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let sent = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "9999-12-20", "--subject", "Far", "--reply-within",
            "999999 days",
        ])
        #expect(sent.status == 65, "\(sent)")
        #expect(
            sent.stderr == "error: --reply-within '999999 days' from 9999-12-20 runs past 9999-12-31, the last day petitions counts.\n",
            "\(sent.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
    }

    // MARK: - Enrolment counts

    @Test func aPersonEnrolledWithoutCountsCountsOnlyInTheDecreesCategories() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let steps: [[String]] = [
            ["init", "--office", "dmitrov"],
            ["authority", "add", "--name", "Moscow", "--handle", "moscow"],
            ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov"],
            ["petitioner", "dependant", "add", "ivan-petrov", "--name", "Anna"],
            ["petitioner", "dependant", "add", "ivan-petrov", "--name", "Boris"],
            ["petitioner", "dependant", "add", "ivan-petrov", "--name", "Vera"],
            ["petitioner", "dependant", "add", "ivan-petrov", "--name", "Grigory", "--category", "incapacitated"],
            [
                "decree", "add", "--handle", "staff", "--name", "Staff", "--issued", "1920-01-01", "--supplier", "moscow", "--ration",
                "employee: 8 funt wheat",
            ],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        let enrolled = try cli.run(["enrol", "--decree", "staff", "--recipient", "ivan-petrov", "--format", "json"])
        #expect(enrolled.status == 0, "\(enrolled)")
        let counts = try #require((try CLI.json(enrolled) as? [String: Any])?["counts"] as? [[String: Any]], "\(enrolled.stdout)")
        #expect(counts.compactMap { $0["category"] as? String } == ["employee"], "only the decree's category: \(enrolled.stdout)")
        #expect(counts.first?["count"] as? Int == 1, "\(enrolled.stdout)")
    }

    // MARK: - Who records, for which office

    @Test func anEmptyOrOverlongActorIsRefusedNamingIt() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let add = ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov"]
        let empty = try cli.run(add + ["--actor", ""])
        #expect(empty.status == 65, "\(empty)")
        #expect(empty.stderr == "error: --actor '' is empty; give who records, or leave --actor out.\n", "\(empty.stderr)")
        let long = try cli.run(add + ["--actor", String(repeating: "a", count: 2_000)])
        #expect(long.status == 65, "\(long)")
        #expect(long.stderr == "error: --actor is 2,000 characters long; who records is one line of at most 200 characters.\n", "\(long.stderr)")
        let twoLines = try cli.run(add + ["--actor", "vera\nadmin"])
        #expect(twoLines.status == 65 && twoLines.stderr.contains("--actor") && twoLines.stderr.contains("line break"), "\(twoLines)")
        let office = try cli.run(add + ["--office", " "])
        #expect(office.status == 65, "\(office)")
        #expect(office.stderr == "error: --office ' ' is empty; give an office's name, or leave --office out.\n", "\(office.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
        // Offices recording into one shared ledger each give their own name (README, "Merging ledgers").
        let klin = try cli.run(add + ["--actor", "vera", "--office", "klin"])
        #expect(klin.status == 0, "\(klin)")
    }

    // MARK: - SQL rules

    @Test func aSQLRuleMessageThatIsEmptyOrLongerThanALineIsRefusedNamingTheRule() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let cases = [
            ("SELECT 'x' AS subject, NULL AS message", "rule 'silent': the query returns NULL in its message column (row 1)"),
            ("SELECT 'x' AS subject, '  ' AS message", "rule 'silent': the query returns an empty text in its message column (row 1)"),
            (
                "SELECT 'x' AS subject, printf('%.*c', 2000, 'a') AS message",
                "rule 'silent': the query returns a message of 2,000 characters (row 1); a finding's message is one line of at most 1,000 characters"
            ),
        ]
        for (q, said) in cases {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n\n[[rule]]\nid = \"silent\"\nkind = \"sql\"\nseverity = \"overdue\"\nquery = \"\"\"\n\(q)\n\"\"\"\n".write(
                to: file, atomically: true, encoding: .utf8)
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
            #expect(r.status == 65, "\(q): \(r)")
            #expect(r.stderr.contains(said), "\(q): \(r.stderr)")
            #expect(!r.stdout.contains("- [overdue] x:"), "\(q): \(r.stdout)")
        }
    }

    // MARK: - Importing an event log

    @Test func anEventLogWithoutQuantitiesOrWithANumberForALineNamesTheLine() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let log = try cli.run(["export", "events"]).stdout
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.contains("\"delivery.received\"") }, "\(log)")
        let nulled = lines.map { $0.replacing(#/"quantities":\[[^\]]*\]/#, with: "\"quantities\":null") }
        #expect(nulled[first] != lines[first], "\(lines[first])")
        let other = try CLI()
        defer { other.remove() }
        #expect(try other.run(["init", "--office", "klin"]).status == 0)
        let before = try BadInputTests.snapshot(other)
        let file = other.directory.appendingPathComponent("e.jsonl")
        try Data(nulled.joined(separator: "\n").utf8).write(to: file)
        let r = try other.run(["import", "events", file.path])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("line \(first + 1) ") && r.stderr.contains("quantities are missing or null"), "\(r.stderr)")
        #expect(!r.stderr.contains("--quantity"), "\(r.stderr)")
        #expect(try BadInputTests.snapshot(other) == before, "nothing was imported")

        try Data("42\n".utf8).write(to: file)
        let number = try other.run(["import", "events", file.path])
        #expect(number.status == 65, "\(number)")
        #expect(number.stderr.contains("line 1: it is not a JSON object (an event is one JSON object a line)"), "\(number.stderr)")
    }

    // MARK: - Days after today

    /// Warned of only, it locked the petition: every real change after it was refused as dated before it.
    @Test func aStatusChangeDatedAfterTodayIsRefused() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["petition", "status", "1", "--to", "answered", "--on", "9999-12-31"])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("error: --on '9999-12-31' is after today ("), "\(r.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was recorded")
        let past = try cli.run(["petition", "status", "2", "--to", "answered", "--on", "1920-03-04"])
        #expect(past.status == 0 && past.stderr.isEmpty, "\(past)")
    }
}
