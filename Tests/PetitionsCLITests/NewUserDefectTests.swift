import Foundation
import PetitionsTestSupport
import Testing

/// The defects a new user hit (issue 12, "Defects a new user hit"), each as the user met it. Defect 1 (`--db`
/// naming a folder: one sentence, exit 73) is tested in BadInputTests; defect 14 (the HTML report's width and
/// handles) in ReportHTMLTests.
@Suite struct NewUserDefectTests {
    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
        return r
    }

    // MARK: - 2. A missing ledger

    @Test func readingCommandsRefuseAMissingLedgerAndRecordingOnesSayTheyCreatedIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let db = cli.directory.appendingPathComponent("nowhere/ledger.sqlite").path
        for args in [["petition", "list"], ["overdue"], ["unanswered"], ["report"], ["letter", "list"], ["events"]] {
            let r = try CLI.exec(args + ["--db", db], environment: cli.environment)
            #expect(r.status == 66, "\(args): \(r)")
            #expect(r.stderr.contains(db) && r.stderr.contains("petitions init"), "\(args): \(r.stderr)")
            #expect(r.stderr.components(separatedBy: "\n").filter { !$0.isEmpty }.count == 1, "one sentence: \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: FilePathsForTest.folder(of: db)), "nothing created by reading")

        let first = try CLI.exec(["authority", "add", "--name", "Sovnarkom", "--db", db], environment: cli.environment)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("created a new ledger at \(db)"), "\(first.stderr)")
        let second = try CLI.exec(["authority", "add", "--name", "Narkomprod", "--db", db], environment: cli.environment)
        #expect(second.status == 0 && second.stderr.isEmpty, "said once, when it was created: \(second)")
        let list = try CLI.exec(["authority", "list", "--db", db], environment: cli.environment)
        #expect(list.status == 0 && list.stdout.contains("sovnarkom"), "\(list)")
    }

    // MARK: - 3. Values beginning with '-', and options given twice

    @Test func aValueBeginningWithADashReachesItsParser() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let span = try cli.run(["authority", "add", "--name", "Moscow", "--reply-within", "-3 days"])
        #expect(span.status == 65, "\(span)")
        #expect(span.stderr == "error: --reply-within '-3 days' must be at least 1.\n", "\(span.stderr)")
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        let amount = try cli.run([
            "decree", "add", "--handle", "d", "--name", "D", "--issued", "1920-01-01", "--supplier", "moscow", "--ration", "employee: -5 funt wheat",
        ])
        #expect(amount.status == 65, "\(amount)")
        #expect(amount.stderr == "error: --ration '-5 funt wheat' must be more than zero.\n", "\(amount.stderr)")
        let subject = try cli.run(["petition", "log", "--from", "moscow", "--to", "moscow", "--subject", "-", "--on", "1920-01-01"])
        #expect(!subject.stderr.contains("Missing value"), "\(subject)")
    }

    /// `serve --actor` was accepted and silently dropped: the server records as each signed-in user. It is said (a
    /// warning: a shell alias may give --actor to every command), and the server still checks its own options.
    @Test func serveSaysItsActorIsNotUsed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try cli.run(["serve", "--actor", "vera", "--port", "0"])
        #expect(r.status == 64, "\(r)")
        #expect(
            r.stderr.hasPrefix(
                "warning: --actor 'vera' is not used by the server: each change is recorded as the user signed in (petitions user add).\n"),
            "\(r.stderr)")
        #expect(r.stderr.contains("--port '0' is not a port number"), "\(r.stderr)")
        let quiet = try cli.run(["serve", "--port", "0"])
        #expect(quiet.status == 64 && !quiet.stderr.contains("warning"), "\(quiet)")
    }

    /// Numbers given as options or as positional ids reach our parser when they begin with '-': `serve --port -1`
    /// said "Missing value for '--port <port>'" and `receipt void -1` "Missing expected argument '<receipt>'".
    @Test(arguments: [
        (["serve", "--port", "-1"], 64, "--port '-1' is not a port number; a port is a whole number from 1 to 65535."),
        (["serve", "--port", "0"], 64, "--port '0' is not a port number; a port is a whole number from 1 to 65535."),
        (["search", "petr", "--limit", "-5"], 64, "--limit '-5' is not a number of results from 1 to 10000."),
        (
            [
                "decree", "add", "--handle", "d", "--name", "D", "--issued", "1920-01-01", "--supplier", "moscow", "--ration",
                "employee: 5 funt wheat", "--due-day",
                "-1",
            ],
            65, "--due-day '-1' is not a day of the month from 1 to 31."
        ),
        (["receipt", "void", "-1", "--reason", "x"], 65, "receipt '-1' is not an id; ids are whole numbers from 1."),
        (["letter", "show", "-1"], 65, "letter '-1' is not an id; ids are whole numbers from 1."),
        (["letter", "void", "-2", "--reason", "x"], 65, "letter '-2' is not an id; ids are whole numbers from 1."),
        (["letter", "extend", "-3", "--by", "3 days", "--reason", "x"], 65, "letter '-3' is not an id; ids are whole numbers from 1."),
        (["petition", "show", "-1"], 65, "petition '-1' is not an id; ids are whole numbers from 1."),
        (["petition", "status", "-1", "--to", "open", "--on", "1920-01-01"], 65, "petition '-1' is not an id; ids are whole numbers from 1."),
        (["petition", "note", "-1", "--text", "x"], 65, "petition '-1' is not an id; ids are whole numbers from 1."),
        (["delivery", "show", "-1"], 65, "delivery '-1' is not an id; ids are whole numbers from 1."),
        (["attachment", "remove", "-1", "--reason", "x"], 65, "attachment '-1' is not an id; ids are whole numbers from 1."),
        (["receipt", "void", "1", "2", "--reason", "x"], 64, "give one receipt, not 2 ('1', '2')."),
        (["receipt", "void", "1", "--bogus", "--reason", "x"], 64, "Unknown option '--bogus'; `--help` lists the options."),
    ])
    func aNumberBeginningWithADashReachesItsParser(args: [String], status: Int32, sentence: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        let r = try cli.run(args)
        #expect(r.status == status, "\(args): \(r)")
        #expect(r.stderr == "error: \(sentence)\n", "\(args): \(r.stderr)")
    }

    @Test func aSingleValuedOptionGivenTwiceIsAUsageErrorNamingIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        let twice = try cli.run(["authority", "add", "--name", "Narkomprod", "--on", "1920-01-01", "--on", "1920-02-01"])
        #expect(twice.status == 64, "\(twice)")
        #expect(twice.stderr.hasPrefix("error: --on is given more than once"), "\(twice.stderr)")
        let equals = try cli.run(["petition", "list", "--status=open", "--status", "answered"])
        #expect(equals.status == 64 && equals.stderr.contains("--status"), "\(equals)")
        let hoisted = try CLI.exec(["--db", cli.db, "authority", "list", "--db", cli.db], environment: cli.environment)
        #expect(hoisted.status == 64 && hoisted.stderr.contains("--db"), "\(hoisted)")
        // Repeatable options repeat.
        _ = try ok(cli, ["group", "add", "--name", "Post", "--handle", "post", "--count", "employee=125", "--count", "incapacitated=140"])
        #expect(try cli.run(["authority", "list"]).stderr.isEmpty)
    }

    // MARK: - 4, 5. Amounts

    @Test func amountsWithThreeDecimalsInAnyUnitAreKeptShownAsEnteredAndAddUp() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        _ = try ok(cli, ["group", "add", "--name", "Post", "--handle", "post", "--count", "employee=125"])
        _ = try ok(
            cli,
            [
                "decree", "add", "--handle", "d", "--name", "D", "--issued", "1920-01-01", "--supplier", "moscow", "--ration",
                "employee: 0.25 funt wheat",
                "--ration", "employee: 1.33 lb flour", "--ration", "employee: 13.6 funt rye",
            ])
        let shown = try ok(cli, ["decree", "show", "d"])
        #expect(shown.stdout.contains("0.25 funt wheat") && shown.stdout.contains("1.33 lb flour"), "\(shown.stdout)")
        _ = try ok(cli, ["enrol", "--decree", "d", "--recipient", "post", "--count", "employee=125", "--from", "1920-01-01"])
        _ = try ok(cli, ["delivery", "schedule", "--decree", "d", "--from", "1920-01", "--to", "1920-01"])
        let got = try ok(
            cli,
            [
                "delivery", "receive", "--decree", "d", "--recipient", "post", "--period", "1920-01", "--on", "1920-01-05", "--quantity",
                "31.25 funt wheat", "--quantity", "166.25 lb flour", "--quantity", "1700 funt rye", "--format", "json",
            ])
        let delivery = try #require(try CLI.json(got) as? [String: Any])
        #expect(delivery["status"] as? String == "complete", "0.25 funt × 125 is exactly 31.25 funt: \(got.stdout)")
        let text = try ok(cli, ["delivery", "show", "1"])
        #expect(text.stdout.contains("rye: expected 1,700 funt, received 1,700 funt"), "thousands in text: \(text.stdout)")
        #expect(text.stdout.contains("wheat: expected 31.25 funt, received 31.25 funt"), "\(text.stdout)")
        #expect(!(try ok(cli, ["delivery", "list"])).stdout.contains("…"), "nothing cut")
        let overdueCSV = try ok(cli, ["delivery", "list", "--format", "json"])
        #expect(overdueCSV.stdout.contains("\"amount\" : 1700"), "plain digits in JSON: \(overdueCSV.stdout)")

        let fine = try cli.run([
            "delivery", "receive", "--decree", "d", "--recipient", "post", "--period", "1920-01", "--on", "1920-01-06", "--quantity", "0.3333 kg rye",
        ])
        #expect(fine.status == 65 && fine.stderr.contains("'0.3333 kg rye' has more than 3 decimals"), "\(fine)")
    }

    // MARK: - 6. Handles

    @Test func handlesTransliterateEveryLetterAndASecondNamesakeIsNoted() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for (name, handle) in [
            ("Łukasz Żółć", "lukasz-zolc"), ("Zoë Ødegård-Nguyễn", "zoe-odegard-nguyen"), ("Straße Æsir", "strasse-aesir"),
            ("Пётр Кропоткин", "petr-kropotkin"),
        ] {
            let r = try ok(cli, ["petitioner", "add", "--name", name, "--format", "json"])
            let party = try #require(try CLI.json(r) as? [String: Any])
            #expect(party["handle"] as? String == handle, "\(name): \(r.stdout)")
            #expect(!r.stderr.contains("note: someone"), "\(r.stderr)")
        }
        let again = try ok(cli, ["petitioner", "add", "--name", "Łukasz Żółć", "--format", "json"])
        #expect((try CLI.json(again) as? [String: Any])?["handle"] as? String == "lukasz-zolc-2")
        #expect(
            again.stderr.contains("Łukasz Żółć") && again.stderr.contains("'lukasz-zolc'") && again.stderr.contains("'lukasz-zolc-2'"), "\(again)")
    }

    // MARK: - 7. Enrolment without counts

    @Test func enrolWithoutCountsCountsInTheOnlyCategoryOrAsksForCounts() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        _ = try ok(cli, ["petitioner", "add", "--name", "Amina Yusuf", "--handle", "amina"])
        _ = try ok(
            cli,
            [
                "decree", "add", "--handle", "one", "--name", "One", "--issued", "1920-01-01", "--supplier", "moscow", "--ration",
                "widow: 5 funt wheat",
            ])
        _ = try ok(
            cli,
            [
                "decree", "add", "--handle", "two", "--name", "Two", "--issued", "1920-01-01", "--supplier", "moscow", "--ration",
                "employee: 8 funt wheat",
                "--ration", "incapacitated: 5 funt wheat",
            ])
        let one = try ok(cli, ["enrol", "--decree", "one", "--recipient", "amina", "--format", "json"])
        let counts = (try CLI.json(one) as? [String: Any])?["counts"]
        #expect("\(counts ?? "")".contains("widow"), "counted once in the decree's one category: \(one.stdout)")
        let two = try cli.run(["enrol", "--decree", "two", "--recipient", "amina"])
        #expect(two.status == 64, "\(two)")
        #expect(two.stderr.contains("--count") && two.stderr.contains("employee, incapacitated"), "\(two.stderr)")
    }

    // MARK: - 8, 10. Drafts say what the ledger holds; days late agree

    @Test func anEscalationAfterTheAnswerDoesNotSayTheAuthorityDoesNotAnswer() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        _ = try ok(
            cli,
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-01", "--subject", "Answer", "--in-reply-to",
                "1",
            ])
        let text = try ok(cli, ["draft", "escalation", "--petition", "1", "--as-of", "1920-03-04"]).stdout
        #expect(!text.contains("does not answer") && !text.contains("has not answered"), "\(text)")
        #expect(text.contains("has not delivered all that is owed"), "\(text)")

        let overdue = try ok(cli, ["overdue", "--as-of", "1920-03-04", "--format", "json"])
        let january = try #require((try CLI.json(overdue) as? [[String: Any]])?.first { $0["period"] as? String == "1920-01" })
        #expect(january["days_overdue"] as? Int == 63, "the same 63 days late as the draft says: \(january)")
        #expect(text.contains("due on 1 January 1920, 63 days late"), "\(text)")
    }

    // MARK: - 9. Redaction of namesakes

    @Test func aRedactedLabelIsTheSamePersonsAsItsHandle() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        _ = try ok(cli, ["petitioner", "add", "--name", "Amina Yusuf"])  // 2
        _ = try ok(cli, ["petitioner", "add", "--name", "Amina Yusuf"])  // 3
        _ = try ok(cli, ["petition", "log", "--from", "amina-yusuf", "--to", "moscow", "--subject", "Bread", "--on", "1920-01-01"])
        _ = try ok(cli, ["petition", "log", "--from", "amina-yusuf-2", "--to", "moscow", "--subject", "Salt", "--on", "1920-01-02"])
        let r = try ok(cli, ["report", "--redact", "--as-of", "1920-02-01", "--format", "json"])
        let report = try #require(try CLI.json(r) as? [String: Any])
        let petitions = try #require(report["petitions"] as? [[String: Any]])
        #expect(petitions.count == 2)
        for p in petitions {
            let handle = try #require(p["petitioner"] as? String)
            let id = handle.replacingOccurrences(of: "person-", with: "")
            #expect((p["petitioner_name"] as? String)?.hasSuffix("(#\(id))") == true, "\(p)")
        }
    }

    // MARK: - 11. Sentences

    @Test func messagesReadAsSentences() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["authority", "add", "--name", "Moscow", "--handle", "moscow"])
        _ = try ok(cli, ["petitioner", "add", "--name", "Amina Yusuf", "--handle", "amina"])
        let kind = try cli.run(["petition", "log", "--from", "amina", "--to", "amina", "--subject", "Bread", "--on", "1920-01-01"])
        #expect(kind.status == 65 && kind.stderr.contains("an authority") && !kind.stderr.contains("a authority"), "\(kind)")
        let empty = try cli.run(["petition", "log", "--from", "amina", "--to", "moscow", "--subject", " ", "--on", "1920-01-01"])
        #expect(empty.stderr.contains("is empty; give a subject."), "\(empty)")
        _ = try ok(cli, ["petition", "log", "--from", "amina", "--to", "moscow", "--subject", "Bread", "--on", "1920-01-01"])
        _ = try ok(
            cli,
            [
                "letter", "send", "--from", "amina", "--to", "moscow", "--on", "1920-01-05", "--subject", "Bread", "--petition", "1",
                "--reply-within",
                "1 working day",
            ])
        let late = try ok(cli, ["unanswered", "--as-of", "1920-01-07"])
        #expect(late.stdout.contains("1 day (1 working day) past due") && !late.stdout.contains("1 working days"), "\(late.stdout)")
    }

    // MARK: - 12. Help

    @Test func helpExamplesPasteAndDefaultsAreSaidOnce() throws {
        var env = try CLI().environment
        env["COLUMNS"] = "80"
        for command in [
            ["letter", "send"], ["letter", "receive"], ["decree", "add"], ["petitioner", "add"], ["authority", "add"], ["delivery", "receive"],
            ["delivery", "cancel"], ["letter", "extend"], ["enrol"], ["report"], ["check"],
        ] {
            let r = try CLI.exec(command + ["--help"], environment: env)
            #expect(r.status == 0, "\(command)")
            for line in r.stdout.split(separator: "\n")
            where line.trimmingCharacters(in: .whitespaces).hasPrefix("petitions ") || line.hasPrefix("      --") {
                #expect(line.filter { $0 == "\"" }.count % 2 == 0, "\(command): a quoted value broken across lines: \(line)")
            }
            #expect(!r.stdout.contains("(default post). (default: post)") && !r.stdout.contains("(default overdue). (default: overdue)"))
        }
    }

    // MARK: - 13. Tables

    @Test func tablesFitTheTerminalWrapAndAlignWideNames() throws {
        var cli = try CLI()
        defer { cli.remove() }
        _ = try ok(cli, ["petitioner", "add", "--name", "毛泽东 同志", "--handle", "mao", "--district", "Hunan province, Xiangtan county, Shaoshan"])
        _ = try ok(cli, ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan", "--district", "Dmitrov"])
        cli.environment["COLUMNS"] = "60"
        let r = try ok(cli, ["petitioner", "list"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(!r.stdout.contains("…"), "wrapped, not cut: \(r.stdout)")
        #expect(r.stdout.contains("Shaoshan"), "\(r.stdout)")
        // Display cells: the CJK name takes 10 cells like "Ivan Petrov"'s 11, so the next column starts at the same cell.
        func cells(_ s: Substring) -> Int { s.reduce(0) { $0 + (($1.unicodeScalars.first?.value ?? 0) >= 0x4E00 ? 2 : 1) } }
        let mao = try #require(lines.first { $0.contains("mao ") })
        let ivan = try #require(lines.first { $0.contains("ivan ") })
        let maoDistrict = try #require(mao.range(of: "Hunan"))
        let ivanDistrict = try #require(ivan.range(of: "Dmitrov"))
        #expect(cells(mao[..<maoDistrict.lowerBound]) == cells(ivan[..<ivanDistrict.lowerBound]), "\(r.stdout)")
        for line in lines { #expect(cells(Substring(line)) <= 60, "fits 60 cells: \(line)") }
    }

    // MARK: - 15. The sender's name

    @Test func unansweredLettersNameTheirSender() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let csv = try ok(cli, ["unanswered", "--as-of", "1920-03-04", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("letter,from,from_name,to,"), "\(csv.stdout)")
        #expect(csv.stdout.contains("dmitrov-post,Dmitrov postal-telegraph employees,"), "\(csv.stdout)")
        let json = try ok(cli, ["unanswered", "--as-of", "1920-03-04", "--format", "json"])
        let first = try #require((try CLI.json(json) as? [[String: Any]])?.first)
        #expect(first["from_name"] as? String == "Dmitrov postal-telegraph employees", "\(first)")
        let text = try ok(cli, ["unanswered", "--as-of", "1920-03-04"])
        #expect(text.stdout.contains("Pëtr Kropotkin") && text.stdout.contains("(kropotkin)"), "the sender's name beside its handle: \(text.stdout)")
        let report = try ok(cli, ["report", "--as-of", "1920-03-04", "--format", "csv", "--section", "unanswered_letters"])
        #expect(report.stdout.hasPrefix("letter,from,from_name,to,to_name,"), "\(report.stdout)")
    }
}
