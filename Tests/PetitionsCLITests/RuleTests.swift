import Foundation
import PetitionsTestSupport
import Testing

/// The rule engine through the command line, on the Dmitrov ledger of Kropotkin's letter, as of 4 March 1920.
@Suite struct RuleTests {
    static var repository: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }
    static var rsfsr: String { repository.appendingPathComponent("config/calendars/rsfsr-1920.toml").path }

    /// The demo's facts: deliveries received up to December 1919, none in January or February 1920; the appeal to
    /// Moscow of 20 January (reply within 3 weeks), the employee's letter to Lenin of 4 February, Kropotkin's of 4 March.
    static func dmitrov() throws -> CLI {
        let cli = try CLI()
        let steps: [[String]] =
            [
                ["init", "--office", "dmitrov"],
                ["calendar", "set", rsfsr, "--on", "1918-01-01"],
                ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
                [
                    "authority", "add", "--name", "People's Commissariat of Posts and Telegraphs", "--handle", "narkompochtel", "--parent",
                    "sovnarkom",
                ],
                [
                    "authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply", "--parent", "narkompochtel",
                    "--reply-within", "3 weeks",
                ],
                [
                    "group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post", "--count", "employee=125", "--count",
                    "incapacitated=140",
                ],
                ["petitioner", "add", "--name", "A Dmitrov employee", "--handle", "employee", "--group", "dmitrov-post"],
                ["petitioner", "add", "--name", "Pëtr Kropotkin", "--handle", "kropotkin"],
                [
                    "decree", "add", "--handle", "decree-1918", "--name", "Decree of 15 August 1918", "--issued", "1918-08-15", "--supplier",
                    "moscow-supply",
                    "--ration", "employee: 8 funt wheat", "--ration", "incapacitated: 5 funt wheat",
                ],
                [
                    "enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--count", "employee=125", "--count", "incapacitated=140",
                    "--from", "1919-09-01",
                ],
                ["delivery", "schedule", "--decree", "decree-1918", "--from", "1919-09", "--to", "1920-03", "--on", "1919-09-01"],
            ]
            + ["09", "10", "11", "12"].map {
                [
                    "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-\($0)", "--on",
                    "1919-\($0)-06", "--quantity", "1700 funt wheat",
                ]
            } + [
                ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "January provisions", "--on", "1920-01-20"],
                [
                    "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal", "--petition",
                    "1",
                ],
                ["petition", "log", "--from", "employee", "--to", "sovnarkom", "--subject", "Provisions", "--on", "1920-02-04"],
                [
                    "letter", "send", "--from", "employee", "--to", "sovnarkom", "--on", "1920-02-04", "--subject", "Letter to the Chairman",
                    "--petition", "2",
                ],
                [
                    "petition", "log", "--from", "dmitrov-post", "--to", "sovnarkom", "--via", "kropotkin", "--subject",
                    "Two months without provisions", "--on", "1920-03-04",
                ],
                [
                    "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject", "Letter to Lenin", "--petition",
                    "3", "--reply-within", "2 weeks",
                ],
            ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    func objects(_ r: CLI.Result) throws -> [[String: Any]] {
        try #require(try CLI.json(r) as? [[String: Any]], "\(r)")
    }

    @Test func overdueDeliveriesAsOfTheLetter() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["overdue", "--as-of", "1920-03-04", "--format", "json"])
        #expect(r.status == 0, "\(r)")
        let list = try objects(r)
        #expect(list.map { $0["period"] as? String } == ["1920-01", "1920-02"], "March is still within its 7 days of grace")
        for o in list {
            #expect(o["severity"] as? String == "critical", "two consecutive months missed")
            for key in ["delivery", "decree", "recipient", "supplier", "due", "overdue_since", "days_overdue", "expected", "received", "shortfall"] {
                #expect(o[key] != nil, "key \(key)")
            }
            let shortfall = try #require((o["shortfall"] as? [[String: Any]])?.first)
            #expect(shortfall["amount"] as? Int == 1700)
            #expect(shortfall["unit"] as? String == "funt")
            #expect(shortfall["commodity"] as? String == "wheat")
        }
        #expect(list.first?["overdue_since"] as? String == "1920-01-09")
        // 1 February + 7 days is Sunday the 8th: due moves to Monday the 9th, overdue from the 10th.
        #expect(list.last?["overdue_since"] as? String == "1920-02-10")
        #expect(list.last?["days_overdue"] as? Int == 32, "days late count from the due day, 1 February, as in the drafts")
    }

    @Test func aDeliveryIsNotOverdueOnTheLastDayOfGraceButIsTheDayAfter() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let onDue = try objects(cli.run(["overdue", "--as-of", "1920-03-08", "--format", "json"]))
        #expect(!onDue.contains { $0["period"] as? String == "1920-03" })
        let after = try objects(cli.run(["overdue", "--as-of", "1920-03-09", "--format", "json"]))
        #expect(after.contains { $0["period"] as? String == "1920-03" })
        #expect(after.first { $0["period"] as? String == "1920-03" }?["days_overdue"] as? Int == 8, "listed after the grace, late since 1 March")
    }

    @Test func unansweredLettersAsOfTheLetter() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let list = try objects(cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "json"]))
        #expect(list.map { $0["letter"] as? Int } == [1, 2, 3])
        let appeal = list[0]
        #expect(appeal["due"] as? String == "1920-02-10", "three weeks after 20 January")
        #expect(appeal["days_waiting"] as? Int == 44)
        #expect(appeal["working_days_overdue"] as? Int == 20, "Sundays are the only weekend days of 1920")
        #expect(appeal["severity"] as? String == "overdue")
        #expect(appeal["from"] as? String == "dmitrov-post")
        #expect(appeal["to"] as? String == "moscow-supply")
        #expect(appeal["sent"] as? String == "1920-01-20")
        #expect(appeal["petition"] as? Int == 1)
        let lenin = list[1]
        #expect(lenin["due"] as? String == "1920-02-27", "20 working days of a six-day week after 4 February")
        #expect(lenin["severity"] as? String == "overdue")
        let kropotkin = list[2]
        #expect(kropotkin["severity"] is NSNull, "Kropotkin's letter of that day is not yet due")
        #expect(kropotkin["due"] as? String == "1920-03-19", "two weeks after 4 March is the 18th, a holiday")

        let text = try cli.run(["unanswered", "--as-of", "1920-03-04"])
        #expect(
            text.stdout.contains(
                "No reply from Moscow postal-telegraph supply centre to the letter of 20 January 1920 (Appeal): waiting 44 days; due 10 February 1920, 23 days (20 working days) past due."
            ),
            "\(text.stdout)")
    }

    @Test func checkFlagsAndSuggestsEscalation() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["check", "--as-of", "1920-03-04", "--format", "json"])
        #expect(r.status == 1, "an overdue finding fails the check: \(r.stderr)")
        let result = try #require(try CLI.json(r) as? [String: Any])
        #expect(result["as_of"] as? String == "1920-03-04")
        let findings = try #require(result["findings"] as? [[String: Any]])
        let kinds = Set(findings.compactMap { $0["kind"] as? String })
        #expect(kinds == ["overdue_delivery", "unanswered_letter", "arrears", "escalation"])
        let escalation = try #require(findings.first { $0["kind"] as? String == "escalation" })
        #expect(escalation["escalate_to"] as? String == "narkompochtel")
        #expect((escalation["action"] as? String)?.contains("People's Commissariat of Posts and Telegraphs") == true)
        let subject = try #require(escalation["subject"] as? [String: Any])
        #expect(subject["type"] as? String == "petition" && subject["id"] as? Int == 1)
        #expect(subject["name"] as? String == "January provisions", "the petition's own subject, not its letter's (Appeal): \(subject)")
        let arrears = try #require(findings.first { $0["kind"] as? String == "arrears" })
        #expect((arrears["message"] as? String)?.contains("3,400 funt of wheat (1,392.342 kg) is owed to") == true, "\(arrears)")
        #expect(findings.first?["severity"] as? String == "critical", "most serious first")

        let lenient = try cli.run(["check", "--as-of", "1920-03-04", "--fail-on", "critical", "--min-severity", "critical", "--format", "json"])
        #expect(lenient.status == 1)
        let early = try cli.run(["check", "--as-of", "1920-01-05"])
        #expect(early.status == 0, "nothing was late on 5 January 1920: \(early.stdout)")
    }

    @Test func recordingACheckIsIdempotentAndRecordsClearing() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let first = try #require(try CLI.json(cli.run(["check", "--as-of", "1920-03-04", "--record", "--format", "json"])) as? [String: Any])
        let raised = try #require((first["recorded"] as? [String: Any])?["raised"] as? Int)
        #expect(raised > 0)
        let again = try #require(try CLI.json(cli.run(["check", "--as-of", "1920-03-04", "--record", "--format", "json"])) as? [String: Any])
        #expect((again["recorded"] as? [String: Any])?["raised"] as? Int == 0)
        #expect((again["recorded"] as? [String: Any])?["cleared"] as? Int == 0)
        // The reply comes: the appeal's finding clears at the next recorded check.
        #expect(
            try cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-10", "--subject", "Answer", "--in-reply-to",
                "1",
            ]).status == 0)
        let later = try #require(try CLI.json(cli.run(["check", "--as-of", "1920-03-11", "--record", "--format", "json"])) as? [String: Any])
        #expect(((later["recorded"] as? [String: Any])?["cleared"] as? Int ?? 0) >= 1)
        let events = try objects(cli.run(["events", "--kind", "finding.cleared", "--format", "json"]))
        #expect(events.contains { ($0["summary"] as? String)?.contains("Appeal") == true })
    }

    @Test func asOfBeforeTheReplyTheLetterStillWaited() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-10", "--subject", "Answer", "--in-reply-to",
                "1",
            ]).status == 0)
        let before = try objects(cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "json"]))
        #expect(before.contains { $0["letter"] as? Int == 1 })
        let after = try objects(cli.run(["unanswered", "--as-of", "1920-03-10", "--format", "json"]))
        #expect(!after.contains { $0["letter"] as? Int == 1 })
    }

    @Test func anExtensionMovesTheDueDayAndIsAnEvent() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let r = try cli.run([
            "letter", "extend", "1", "--by", "10 working days", "--reason", "The centre asked for time", "--on", "1920-02-05", "--format", "json",
        ])
        #expect(r.status == 0, "\(r)")
        let letter = try #require(try CLI.json(r) as? [String: Any])
        #expect(letter["reply_due"] as? String == "1920-02-21", "10 working days after 10 February, Sundays skipped")
        let list = try objects(cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "json"]))
        #expect(list.first?["due"] as? String == "1920-02-21")
        #expect(try objects(cli.run(["events", "--kind", "letter.extended", "--format", "json"])).count == 1)
    }

    /// An extension past the last day petitions counts is refused as `deadline --within` refuses it; it was
    /// recorded, and the due day clamped to 9999-12-31 without a word.
    @Test func anExtensionPastTheLastDayIsRefusedNamingBy() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for span in ["999999 months", "999999 weeks"] {
            let r = try cli.run(["letter", "extend", "1", "--by", span, "--reason", "Forever", "--on", "1920-02-05"])
            #expect(r.status == 65, "\(span): \(r)")
            #expect(
                r.stderr == "error: --by '\(span)' from 1920-02-10 runs past 9999-12-31, the last day petitions counts.\n", "\(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
    }

    @Test func waitingOnThePetitionerStopsTheClock() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petition", "status", "1", "--to", "waiting_on_petitioner", "--on", "1920-02-01"]).status == 0)
        #expect(try cli.run(["petition", "status", "1", "--to", "open", "--on", "1920-02-11"]).status == 0)
        let list = try objects(cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "json"]))
        // Ten days paused: due 10 February moves to 20 February.
        #expect(list.first?["due"] as? String == "1920-02-20")
    }

    @Test func sqlRulesThatWriteAreRefusedWhenLoaded() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let hostile = [
            "DELETE FROM letter", "SELECT 1 AS subject, 'x' AS message; DELETE FROM letter", "PRAGMA writable_schema = 1",
            "UPDATE party SET name = 'x'", "ATTACH DATABASE '/tmp/x.db' AS x",
        ]
        for q in hostile {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n\n[[rule]]\nid = \"bad\"\nkind = \"sql\"\nquery = \"\"\"\n\(q)\n\"\"\"\n".write(
                to: file, atomically: true, encoding: .utf8)
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
            #expect(r.status == 65, "\(q): \(r)")
            #expect(r.stderr.contains("bad") && r.stderr.contains("line 4"), "\(q): \(r.stderr)")
            let set = try cli.run(["rules", "set", file.path])
            #expect(set.status == 65, "\(q): \(set)")
        }
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    @Test func sqlRulesThatRunAwayAreStoppedAtTheirBudget() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let runaway = [
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS subject, 'm' AS message FROM c WHERE x < 0",
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x AS subject, 'm' AS message FROM c",
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) AS subject, group_concat(x) AS message FROM c",
        ]
        for q in runaway {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n\n[[rule]]\nid = \"runaway\"\nkind = \"sql\"\nquery = \"\"\"\n\(q)\n\"\"\"\n".write(
                to: file, atomically: true, encoding: .utf8)
            let start = Date()
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
            #expect(r.status == 65, "\(q): \(r)")
            #expect(r.stderr.contains("'runaway'") && (r.stderr.contains("budget")), "\(q): \(r.stderr)")
            let set = try cli.run(["rules", "set", file.path, "--on", "1920-03-04"])
            #expect(set.status == 65, "\(q): \(set)")
            #expect(set.stderr.contains("'runaway'") && set.stderr.contains("line 4") && set.stderr.contains("budget"), "\(q): \(set.stderr)")
            #expect(Date().timeIntervalSince(start) < 30, "\(q) ran for \(Date().timeIntervalSince(start)) s")
        }
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    @Test func sqlRulesMayOnlyReadTheLedgerAndCallPureFunctions() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let refused = [
            "SELECT readfile('/etc/passwd') AS subject, 'm' AS message",
            "SELECT load_extension('/tmp/x.so') AS subject, 'm' AS message",
            "SELECT fts3_tokenizer('simple') AS subject, 'm' AS message",
            "SELECT writefile('/tmp/x', 'y') AS subject, 'm' AS message",
            "SELECT name AS subject, sql AS message FROM sqlite_master",
            "SELECT * FROM pragma_table_info('party') JOIN (SELECT 1 AS subject, 'm' AS message)",
        ]
        for q in refused {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n\n[[rule]]\nid = \"nosy\"\nkind = \"sql\"\nquery = \"\"\"\n\(q)\n\"\"\"\n".write(
                to: file, atomically: true, encoding: .utf8)
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
            #expect(r.status == 65, "\(q): \(r)")
            #expect(r.stderr.contains("'nosy'") && r.stderr.hasPrefix("error: "), "\(q): \(r.stderr)")
            #expect(!r.stderr.contains("SQLite error"), "\(q): \(r.stderr)")
        }
        // CTEs whose columns go unused and count(*) are reading too.
        for q in [
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT count(*) AS subject, 'm' AS message FROM c",
            "SELECT json_extract('[1, 2]', '$[1]') AS subject, 'm' AS message",
            "WITH d AS (SELECT id FROM party) SELECT count(*) AS subject, 'm' AS message FROM d, party",
        ] {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n\n[[rule]]\nid = \"reads\"\nkind = \"sql\"\nseverity = \"warning\"\nquery = \"\"\"\n\(q)\n\"\"\"\n"
                .write(to: file, atomically: true, encoding: .utf8)
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
            #expect(r.status == 0, "\(q): \(r)")
        }
        // Reading the ledger with ordinary functions still works.
        let file = cli.directory.appendingPathComponent("rules.toml")
        try
            "version = 1\n\n[[rule]]\nid = \"fine\"\nkind = \"sql\"\nseverity = \"warning\"\nquery = \"SELECT upper(handle) AS subject, printf('%s %d', name, length(name)) AS message FROM party WHERE kind = 'authority' AND handle = 'sovnarkom'\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let ok = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
        #expect(ok.status == 0, "\(ok)")
        #expect(ok.stdout.contains("fine"), "\(ok)")
    }

    @Test func sqlRuleColumnsOfAnyTypeAreTextOrASentence() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        func check(_ q: String) throws -> CLI.Result {
            let file = cli.directory.appendingPathComponent("rules.toml")
            try "version = 1\n\n[[rule]]\nid = \"typed\"\nkind = \"sql\"\nseverity = \"warning\"\nquery = \"\"\"\n\(q)\n\"\"\"\n"
                .write(to: file, atomically: true, encoding: .utf8)
            return try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path, "--format", "json"])
        }
        // Numbers become text; a text subject is not quoted.
        let numbers = try check("SELECT 'dmitrov' AS subject, 42 AS message, 1.5 AS severity_note UNION ALL SELECT 7, 2.5, 3")
        #expect(numbers.status == 0, "\(numbers)")
        let findings = try #require((try CLI.json(numbers) as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["message"] as? String }.sorted() == ["2.5", "42"], "\(findings)")
        #expect(findings.compactMap { ($0["subject"] as? [String: Any])?["name"] as? String }.sorted() == ["7", "dmitrov"], "\(findings)")
        for (q, words) in [
            ("SELECT 1 AS subject, x'00ff' AS message", ["blob", "message"]),
            ("SELECT x'00' AS subject, 'm' AS message", ["blob", "subject"]),
            ("SELECT 1 AS subject, 'm' AS message, x'0102' AS severity", ["blob", "severity"]),
            ("SELECT 1 AS subject, 'm' AS message, 'urgent' AS severity", ["'urgent'", "warning, overdue or critical"]),
            ("SELECT 1 AS subject, 'm' AS message, 3 AS severity", ["'3'", "severity"]),
        ] {
            let r = try check(q)
            #expect(r.status == 65, "\(q): \(r)")
            #expect(r.stderr.contains("'typed'") && words.allSatisfy { r.stderr.contains($0) }, "\(q): \(r.stderr)")
        }
        let critical = try check("SELECT 1 AS subject, 'm' AS message, 'CRITICAL' AS severity")
        #expect(critical.status == 1, "a critical finding fails the check: \(critical)")
    }

    @Test("a sql rule's parameter other than :as_of, and a value a function cannot take, are sentences naming the rule, not a crash")
    func sqlRuleParametersAndRunTimeFailuresAreSentences() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rules.toml")
        for (q, words) in [
            ("SELECT :as_of AS subject, :nothere AS message", ["'typed'", "':nothere'", ":as_of"]),
            ("SELECT ?1 AS subject, 'm' AS message", ["'typed'", "'?1'"]),
            ("SELECT 1 AS subject, json_extract('not json', '$') AS message", ["'typed'", "not JSON."]),
            ("SELECT 1 AS subject, abs(-9223372036854775808) AS message", ["'typed'", "largest integer it can hold."]),
        ] {
            try "version = 1\n\n[[rule]]\nid = \"typed\"\nkind = \"sql\"\nquery = \"\"\"\n\(q)\n\"\"\"\n".write(
                to: file, atomically: true, encoding: .utf8)
            for args in [["check", "--as-of", "1920-03-04", "--rules", file.path], ["rules", "set", file.path]] {
                let r = try cli.run(args)
                #expect(r.status == 65, "\(q): \(r)")
                #expect(
                    words.allSatisfy { r.stderr.contains($0) } && !r.stderr.contains("SQLite") && !r.stderr.contains("Fatal"), "\(q): \(r.stderr)")
            }
        }
        // :as_of is the day of the run, also where the query holds the same letters inside a string.
        try
            "version = 1\n\n[[rule]]\nid = \"day\"\nkind = \"sql\"\nseverity = \"warning\"\nquery = \"SELECT ':as_of' AS subject, :as_of AS message\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let day = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path, "--format", "json"])
        let findings = try #require((try CLI.json(day) as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["message"] as? String } == ["1920-03-04"], "\(day)")
    }

    @Test("a rule scope naming a party or decree the ledger does not have is refused with the closest handle; the rule would fall silent")
    func ruleScopesNameWhatTheLedgerHas() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rules.toml")
        for (scope, sentence) in [
            ("decree = \"decre-1918\"", "rules.toml, line 7: rule 'late': scope decree: no decree 'decre-1918'; did you mean 'decree-1918'?"),
            (
                "authority = \"moscow-suply\"",
                "rules.toml, line 7: rule 'late': scope authority: no authority 'moscow-suply'; did you mean 'moscow-supply'?"
            ),
            (
                "authority = \"kropotkin\"",
                "rules.toml, line 7: rule 'late': scope authority: 'kropotkin' is a person (Pëtr Kropotkin), but an authority is needed here."
            ),
        ] {
            try "version = 1\n\n[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\n[rule.scope]\n\(scope)\n".write(
                to: file, atomically: true, encoding: .utf8)
            for args in [["check", "--as-of", "1920-03-04", "--rules", file.path], ["rules", "set", file.path]] {
                let r = try cli.run(args)
                #expect(r.status == 65 && r.stderr == "error: \(file.path)\(sentence.dropFirst("rules.toml".count))\n", "\(args): \(r)")
            }
        }
        try "version = 1\n\n[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\n[rule.scope]\ndecree = \"decree-1918\"\n".write(
            to: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["rules", "set", file.path]).status == 0)
        #expect(try cli.run(["check", "--as-of", "1920-03-04"]).stdout.contains("overdue"))
    }

    @Test func aCustomSQLRuleReportsItsRows() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("rules.toml")
        try """
        version = 1
        [[rule]]
        id = "petitions-via-intermediary"
        kind = "sql"
        severity = "warning"
        query = "SELECT id AS subject, 'Petition ' || id || ' goes through an intermediary' AS message FROM petition WHERE via_id IS NOT NULL"
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path, "--format", "json"])
        #expect(r.status == 0, "only a warning: \(r)")
        let findings = try #require((try CLI.json(r) as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["message"] as? String == "Petition 3 goes through an intermediary")
        #expect(findings.first?["severity"] as? String == "warning")
    }

    @Test func aDeadlinePastTheLastSupportedDayIsAnError() throws {
        let r = try CLI.exec(["deadline", "--from", "9999-12-31", "--within", "1 days"], environment: ProcessInfo.processInfo.environment)
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("error: --within '1 day'") && r.stderr.contains("9999-12-31"), "\(r.stderr)")
    }

    @Test func deadlineExplainsItself() throws {
        let r = try CLI.exec(
            ["deadline", "--from", "1920-03-04", "--within", "10 working days", "--calendar", Self.rsfsr, "--format", "json"],
            environment: ProcessInfo.processInfo.environment)
        #expect(r.status == 0, "\(r)")
        let d = try #require(try CLI.json(r) as? [String: Any])
        #expect(d["due"] as? String == "1920-03-17")
        let skipped = try #require(d["skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["date"] as? String } == ["1920-03-07", "1920-03-12", "1920-03-14"])
        #expect(skipped.map { $0["reason"] as? String } == ["weekend", "holiday", "weekend"])
        // Ledger options put first, as a shell alias for every command does, are no error for a command without one.
        let aliased = try CLI.exec(
            [
                "--db", "office.sqlite", "--actor", "clerk", "deadline", "--from", "1920-03-04", "--within", "10 working days",
                "--calendar", Self.rsfsr, "--format", "json",
            ], environment: ProcessInfo.processInfo.environment)
        #expect(aliased.status == 0, "\(aliased)")
        #expect(aliased.stdout == r.stdout)
    }

    @Test func csvOutputIsReadableAndInert() throws {
        let cli = try Self.dmitrov()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-01-02", "--subject", "=cmd|' /C calc'!A0, \"quoted\"",
            ]).status == 0)
        let r = try cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("letter,from,from_name,to,subject,sent,due,days_waiting"))
        #expect(r.stdout.contains("\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\""), "\(r.stdout)")
        #expect(r.stdout.contains("\r\n"))
    }
}
