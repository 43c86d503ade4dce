import CSV
import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Importing CSV: strict reading, problems by line and column, rejects, standard input, the same file twice.
extension ExchangeTests {
    // MARK: - Importing CSV

    @Test func outputsNeverReplaceWhatIsNotARegularFile() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let fifo = cli.directory.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let link = cli.directory.appendingPathComponent("link.txt").path
        let target = cli.directory.appendingPathComponent("target.txt").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let asOf = ["--as-of", "1920-03-04"]
        for destination in [fifo, "/dev/null", link] {
            for args in [
                ["report", "--output", destination, "--force"] + asOf, ["export", "petitioners", "--output", destination, "--force"],
                ["draft", "digest", "--authority", "moscow-supply", "--output", destination, "--force"] + asOf,
                ["backup", destination, "--force"],
            ] {
                let r = try cli.run(args)
                #expect(r.status == 73, "\(args): \(r)")
                #expect(r.stderr.contains(destination) && r.stderr.hasPrefix("error: "), "\(args): \(r.stderr)")
            }
        }
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
        #expect(lstat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep")
        // - and /dev/stdout mean standard output.
        let report = try cli.run(["report", "--output", "-"] + asOf)
        #expect(report.status == 0 && !report.stdout.isEmpty, "\(report)")
        let export = try cli.run(["export", "petitioners", "--output", "/dev/stdout"])
        #expect(export.status == 0 && export.stdout.hasPrefix("id,"), "\(export)")
    }

    @Test func rejectsNeverOverwriteWithoutForceNorFollowALinkNorReplaceTheInput() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let input = try Self.file(cli, "p.csv", "name,on\nAnna,1920-02-30\nBoris,1920-02-01\n")
        let rejects = try Self.file(cli, "rejects.csv", "precious\n")
        let kept = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", rejects])
        #expect(kept.status == 73 && kept.stderr.contains("--force"), "\(kept)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "precious\n")
        let link = cli.directory.appendingPathComponent("rejects-link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: rejects)
        let linked = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", link, "--force"])
        #expect(linked.status == 73 && linked.stderr.contains("symbolic link"), "\(linked)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "precious\n")
        for same in [input, cli.directory.appendingPathComponent("./p.csv").path] {
            let r = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", same, "--force"])
            #expect(r.status == 64 && r.stderr.contains("the file being imported"), "\(r)")
        }
        #expect(try String(contentsOfFile: input, encoding: .utf8).contains("Boris"))
        let replaced = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", rejects, "--force"])
        #expect(replaced.status == 0, "\(replaced)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8).contains("Anna"))
    }

    @Test("imported receipts warn as delivery receive does: more than expected, dated after today or before their period; all kept")
    func importedReceiptsWarnAsTheCommandDoes() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let csv = try Self.file(
            cli, "receipts.csv",
            """
            decree,recipient,period,on,quantity
            decree-1918,dmitrov-post,1920-01,1920-01-09,2000 funt wheat
            decree-1918,dmitrov-post,1920-02,2030-01-01,100 funt wheat
            decree-1918,dmitrov-post,1920-03,1920-02-20,100 funt wheat

            """)
        let r = try cli.run(["import", "receipts", csv])
        #expect(r.status == 0 && r.stdout == "Imported 3 receipts of 3 rows from \(csv).\n", "\(r)")
        let today = try #require(r.stderr.split(separator: "(").dropFirst().first?.prefix(10))
        #expect(
            r.stderr == """
                warning: the delivery of decree-1918 to dmitrov-post for 1920-01 has now received 2,000 funt wheat, more than the 1,700 funt wheat expected.
                warning: the receipt for the delivery of decree-1918 to dmitrov-post for 1920-02 is dated 2030-01-01, after today (\(today)); it counts from that day.
                warning: the receipt for the delivery of decree-1918 to dmitrov-post for 1920-03 is dated 1920-02-20, before its period 1920-03 begins (1920-03-01).

                """, "\(r.stderr)")
        // A file of ordinary receipts says nothing more.
        let plain = try cli.run([
            "import", "receipts",
            try Self.file(cli, "plain.csv", "decree,recipient,period,on,quantity\ndecree-1918,dmitrov-post,1920-02,1920-02-09,100 funt wheat\n"),
        ])
        #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain)")
    }

    @Test func malformedCSVIsAnErrorWithItsLineNotAGuess() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let cases: [(String, String, [String])] = [
            ("unclosed.csv", "name,district\nAnna,Dmitrov\n\"Unclosed quote,Dmitrov\nBob,Klin\n", ["line 3", "never closed"]),
            ("after-quote.csv", "name,district\n\"abc\"x,d\n", ["line 2", "follows the closing quote"]),
            ("few.csv", "name,district\nAnna,Dmitrov\nBob\n", ["line 3", "1 cell but the header names 2 columns"]),
            ("many.csv", "name,district\nAnna,Dmitrov,extra\n", ["line 2", "3 cells but the header names 2"]),
            ("nul.csv", "name,district\nAnna,Dmi\u{0}trov\n", ["line 2", "NUL byte"]),
            ("long.csv", "name,district\nAnna," + String(repeating: "x", count: (1 << 20) + 1) + "\n", ["line 2", "longer than 1 MB"]),
        ]
        for (name, text, words) in cases {
            let r = try cli.run(["import", "petitioners", try Self.file(cli, name, text)])
            #expect(r.status == 65, "\(name): \(r)")
            #expect(words.allSatisfy { r.stderr.contains($0) }, "\(name): \(r.stderr)")
        }
        // Not a file at all: a device is refused at once (exit 66), not read for ever, as CSV or as an event log.
        let start = Date()
        let zero = try cli.run(["import", "petitioners", "/dev/zero"])
        #expect(zero.status == 66 && zero.stderr.contains("/dev/zero is a device"), "\(zero)")
        let events = try cli.run(["import", "events", "/dev/zero"])
        #expect(events.status == 66 && events.stderr.contains("/dev/zero is a device"), "\(events)")
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(try BadInputTests.snapshot(cli) == before, "nothing was imported")

        // A line break inside a quoted field written CRLF is a line break, not a control character.
        let crlf = try cli.run(["import", "petitioners", try Self.file(cli, "crlf.csv", "name,district\r\nAnna,\"Dmitrov\r\n(Rogachevo)\"\r\n")])
        #expect(crlf.status == 0, "\(crlf)")
        let anna = try #require(
            (try CLI.json(try cli.run(["petitioner", "list", "--format", "json"])) as? [[String: Any]])?.first { $0["name"] as? String == "Anna" })
        #expect(anna["district"] as? String == "Dmitrov\n(Rogachevo)")
    }

    @Test func petitionersWithAByteOrderMarkQuotedCommasQuotesAndLineBreaks() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let good = """
            name,handle,district,groups,dependants,on
            "Petrov, Ivan",ivan,Dmitrov,dmitrov-post,"Maria Petrova:incapacitated; Olga:child",1920-01-05
            "Vera ""the elder"" Kozlova",vera,"Dmitrov
            (Rogachevo)",,,

            """
        // A bad row after a field with a line break: its line is counted from the file, not from the rows.
        let path = try Self.file(cli, "p.csv", good + "Anna,anna,,,,1920-02-30\r\n", bom: true)
        let before = try BadInputTests.snapshot(cli)
        let refused = try cli.run(["import", "petitioners", path])
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("line 5, column on: '1920-02-30'"), "\(refused.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "a bad row imports nothing")

        Self.succeeded(try cli.run(["import", "petitioners", try Self.file(cli, "good.csv", good, bom: true)]))
        let ivan = try #require(try CLI.json(try cli.run(["petitioner", "show", "ivan", "--format", "json"])) as? [String: Any])
        #expect(ivan["name"] as? String == "Petrov, Ivan")
        #expect(ivan["groups"] as? [String] == ["dmitrov-post"])
        #expect((ivan["dependants"] as? [[String: Any]])?.map { $0["category"] as? String } == ["incapacitated", "child"])
        let vera = try #require(try CLI.json(try cli.run(["petitioner", "show", "vera", "--format", "json"])) as? [String: Any])
        #expect(vera["name"] as? String == "Vera \"the elder\" Kozlova")
        #expect(vera["district"] as? String == "Dmitrov\n(Rogachevo)")
        let events = try Self.objects(try cli.run(["events", "--kind", "petitioner.added", "--format", "json"]))
        #expect(
            events.filter { ["ivan", "vera"].contains(($0["payload"] as? [String: Any])?["handle"] as? String) }.count == 2,
            "one petitioner.added event a row, as `petitioner add` records")
        #expect(try Self.objects(try cli.run(["events", "--kind", "import.completed", "--format", "json"])).count == 1)
    }

    @Test func everyProblemIsListedByLineAndColumnAndNothingIsWritten() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let path = try Self.file(
            cli, "p.csv",
            """
            name,handle,groups,on
            Ivan,ivan,,1920-02-30
            Nikolai,nikolai,nogroup,
            Anna,anna,,
            Anna Again,anna,,
            ,nobody,,
            Olga,Olga Bad,,1920-13-01

            """)
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["import", "petitioners", path])
        #expect(r.status == 65, "\(r)")
        for m in [
            "line 2, column on: '1920-02-30' does not exist", "line 3, column groups: no group 'nogroup'",
            "line 5, column handle: 'anna' is already taken", "line 6, column name", "line 7, column handle: 'olga bad'",
            "line 7, column on: '1920-13-01'", "5 of 6 rows", "nothing was imported",
        ] {
            #expect(r.stderr.contains(m), "stderr should say \(m): \(r.stderr)")
        }
        #expect(!r.stderr.contains("line 4"), "line 4 is good: \(r.stderr)")
        #expect(!r.stderr.contains(".;"), "two problems of line 7 are one sentence, not joined as '.;': \(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try BadInputTests.snapshot(cli) == before)

        // Past the limit, the rest are counted.
        let many = try Self.file(cli, "many.csv", "name,on\n" + (1...30).map { "P\($0),1920-02-3\($0 % 2)" }.joined(separator: "\n"))
        let counted = try cli.run(["import", "petitioners", many])
        #expect(counted.status == 65)
        #expect(counted.stderr.contains("… and 10 more rows"), "\(counted.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    @Test func receiptsWithABadPeriodOrQuantityNameLineAndColumn() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let path = try Self.file(
            cli, "r.csv",
            """
            decree,recipient,period,on,quantity,note
            decree-1918,dmitrov-post,1920-13,1920-01-28,1000 funt wheat,
            decree-1918,dmitrov-post,1920-01,1920-01-28,1700 funtt wheat,
            decree-1918,dmitrov-post,1920-01,1920-01-28,20 litre wheat,
            decree-1918,dmitrov-post,1920-07,1920-07-28,1 funt wheat,
            decree-1918,dmitrov-post,1920-02,1920-02-28,abc funt wheat,

            """)
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["import", "receipts", path])
        #expect(r.status == 65, "\(r)")
        for m in [
            "line 2, column period: '1920-13'", "line 3, column quantity: unknown unit 'funtt'", "line 4, column quantity",
            "line 5, column period", "line 6, column quantity",
        ] {
            #expect(r.stderr.contains(m), "stderr should say \(m): \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before)

        Self.succeeded(
            try cli.run([
                "import", "receipts",
                try Self.file(
                    cli, "ok.csv",
                    """
                    decree,recipient,period,on,quantity,note
                    decree-1918,dmitrov-post,1920-01,1920-01-28,1000 funt wheat; 300 funt wheat,by rail
                    decree-1918,dmitrov-post,1920-01,1920-02-10,10 pood wheat,

                    """),
            ]))
        let january = try Self.objects(try cli.run(["delivery", "list", "--period", "1920-01", "--format", "json"]))
        #expect(january.first?["status"] as? String == "complete")
        #expect(try Self.objects(try cli.run(["events", "--kind", "delivery.received", "--format", "json"])).count == 2)
    }

    @Test func lettersImportAsTheSingleCommandsRecordThem() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let path = try Self.file(
            cli, "l.csv",
            """
            direction,from,to,on,subject,petition,in_reply_to,channel,summary,expects_reply,reply_within
            received,moscow-supply,dmitrov-post,1920-03-10,Provisions dispatched,,1,telegraph,"Sent by rail, 8 March",,
            sent,kropotkin,sovnarkom,1920-03-04,Letter to Lenin,,,post,,yes,2 weeks
            sent,dmitrov-post,moscow-supply,1920-03-11,Thanks,1,,courier,,no,

            """)
        Self.succeeded(try cli.run(["import", "letters", path]))
        let letters = try Self.objects(try cli.run(["letter", "list", "--format", "json"]))
        #expect(letters.count == 4)
        let first = try #require(letters.first { $0["id"] as? Int == 1 })
        #expect(first["answered_by"] as? Int == 2, "the reply answers letter 1 as `letter receive --in-reply-to 1` does")
        let reply = try #require(letters.first { $0["id"] as? Int == 2 })
        #expect(
            reply["petition"] as? Int == 1 && reply["channel"] as? String == "telegraph" && reply["summary"] as? String == "Sent by rail, 8 March")
        let lenin = try #require(letters.first { $0["subject"] as? String == "Letter to Lenin" })
        #expect(lenin["expects_reply"] as? Bool == true && lenin["reply_within"] as? String == "2 weeks")
        #expect(letters.first { $0["subject"] as? String == "Thanks" }?["expects_reply"] as? Bool == false)
        let kinds = try Self.objects(try cli.run(["events", "--format", "json"])).compactMap { $0["kind"] as? String }
        #expect(
            kinds.filter { $0 == "letter.received" }.count == 1 && kinds.filter { $0 == "letter.sent" }.count == 3
                && kinds.filter { $0 == "import.completed" }.count == 1, "one event a row, as the single commands record, and a summary: \(kinds)")

        let bad = try Self.file(
            cli, "bad.csv",
            """
            direction,from,to,on,subject,in_reply_to
            sent,kropotkin,sovnarkom,1920-03-04,Reply?,1
            received,moscow-supply,dmitrov-post,1920-01-01,Too early,1
            maybe,kropotkin,sovnarkom,1920-03-04,X,

            """)
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["import", "letters", bad])
        #expect(r.status == 65)
        for m in ["line 2, column in_reply_to", "line 3, column on: 1920-01-01 is before letter 1", "line 4, column direction: 'maybe'"] {
            #expect(r.stderr.contains(m), "stderr should say \(m): \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    @Test func aWrongHeaderNamesTheMissingAndUnknownColumns() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["import", "petitioners", try Self.file(cli, "h.csv", "nmae,handle,colour\nIvan,ivan,red\n")])
        #expect(r.status == 65, "\(r)")
        for m in ["lacks the column 'name'", "unknown columns 'nmae', 'colour'"] { #expect(r.stderr.contains(m), "\(m): \(r.stderr)") }
        let letters = try cli.run(["import", "letters", try Self.file(cli, "l.csv", "from,to,subject\n")])
        #expect(letters.status == 65)
        #expect(letters.stderr.contains("lacks the columns 'direction', 'on'"), "\(letters.stderr)")
        let empty = try cli.run(["import", "receipts", try Self.file(cli, "e.csv", "")])
        #expect(empty.status == 65)
        #expect(empty.stderr.contains("is empty"), "\(empty.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    @Test func aMissingFileIs66AndChangesNothing() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for what in ["petitioners", "letters", "receipts", "events"] {
            let r = try cli.run(["import", what, cli.directory.appendingPathComponent("nowhere.csv").path])
            #expect(r.status == 66, "\(what): \(r)")
            #expect(r.stderr.contains("nowhere.csv: no such file"), "\(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    /// An import that took no row records nothing, not even that the file was imported: once its row can be taken (the
    /// group it names added), the same file imports without --again. One row is counted in the singular.
    @Test func anImportThatTookNoRowDoesNotCountAsDone() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let path = try Self.file(cli, "zed.csv", "name,handle,groups\nZed Zaitsev,zed,zed-club\n")
        let events = try cli.run(["events", "--format", "json"]).stdout
        let rejects = cli.directory.appendingPathComponent("zed-rejects.csv").path
        let first = try cli.run(["import", "petitioners", path, "--skip-invalid", "--rejects", rejects])
        Self.succeeded(first)
        #expect(first.stdout.contains("Imported 0 petitioners of 1 row"), "\(first.stdout)")
        #expect(try cli.run(["events", "--format", "json"]).stdout == events, "an import of nothing recorded an event")
        Self.succeeded(try cli.run(["group", "add", "--name", "Zed club", "--handle", "zed-club"]))
        let again = try cli.run(["import", "petitioners", path])
        Self.succeeded(again, "the same file once its row can be taken")
        #expect(again.stdout.contains("Imported 1 petitioner of 1 row"), "\(again.stdout)")
    }

    @Test func skipInvalidImportsTheGoodRowsAndSetsTheBadOnesAsideWithAReason() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let path = try Self.file(
            cli, "p.csv",
            """
            name,handle,district,on
            Ivan Petrov,ivan,Dmitrov,1920-01-05
            "Sokolov, Nikolai",nikolai,Dmitrov,1920-02-30
            Anna,anna,,

            """)
        let rejects = cli.directory.appendingPathComponent("rejects.csv").path
        let r = try cli.run(["import", "petitioners", path, "--skip-invalid", "--rejects", rejects])
        Self.succeeded(r)
        #expect(r.stdout.contains("Imported 2 petitioners of 3 rows") && r.stdout.contains("line 3, column on"), "\(r.stdout)")
        let handles = try Self.objects(try cli.run(["petitioner", "list", "--format", "json"])).compactMap { $0["handle"] as? String }
        #expect(handles.contains("ivan") && handles.contains("anna") && !handles.contains("nikolai"))
        let rows = try Self.rows(rejects)
        #expect(rows.first == ["name", "handle", "district", "on", "reason"])
        #expect(rows.count == 2)
        #expect(rows.last?.prefix(4) == ["Sokolov, Nikolai", "nikolai", "Dmitrov", "1920-02-30"])
        #expect(rows.last?.last?.contains("line 3, column on: '1920-02-30' does not exist") == true, "\(rows)")
        #expect(try Self.mode(rejects) == 0o600)

        // Corrected, the rejects file imports as it is: the reason column is read past.
        let corrected = try String(contentsOfFile: rejects, encoding: .utf8).replacingOccurrences(of: ",1920-02-30,", with: ",1920-02-29,")
        Self.succeeded(try cli.run(["import", "petitioners", try Self.file(cli, "corrected.csv", corrected)]))
        #expect(try cli.run(["petitioner", "show", "nikolai"]).status == 0)
    }

    @Test func standardInputIsAFileToo() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["import", "petitioners", "-", "--format", "json"], stdin: "name,handle\nIvan,ivan\nOlga,olga\n")
        Self.succeeded(r)
        let report = try #require(try CLI.json(r) as? [String: Any])
        #expect(report["imported"] as? Int == 2 && report["source"] as? String == "standard input")
        #expect(try cli.run(["petitioner", "show", "olga"]).status == 0)
    }

    @Test func theExampleFilesImportIntoTheWalkThroughLedger() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for s: [String] in [
            ["init", "--office", "dmitrov"],
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["authority", "add", "--name", "People's Commissariat of Posts and Telegraphs", "--handle", "narkompochtel", "--parent", "sovnarkom"],
            ["authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply", "--parent", "narkompochtel"],
            ["group", "add", "--name", "Postal-telegraph employees of the Dmitrov district", "--handle", "dmitrov-post", "--count", "employee=125"],
            [
                "decree", "add", "--handle", "decree-1918-08-15", "--name", "Decree of 15 August 1918", "--issued", "1918-08-15", "--supplier",
                "moscow-supply",
                "--ration", "employee: 8 funt wheat", "--ration", "incapacitated: 5 funt wheat",
            ],
            [
                "enrol", "--decree", "decree-1918-08-15", "--recipient", "dmitrov-post", "--count", "employee=125", "--count", "incapacitated=140",
                "--from", "1919-09-01",
            ],
            ["delivery", "schedule", "--decree", "decree-1918-08-15", "--from", "1919-09", "--to", "1920-03", "--on", "1919-09-01"],
            ["petition", "log", "--from", "dmitrov-post", "--to", "moscow-supply", "--subject", "January provisions", "--on", "1920-01-20"],
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal", "--petition", "1"],
        ] { Self.succeeded(try cli.run(s), "\(s)") }
        let examples = RuleTests.repository.appendingPathComponent("Examples")
        for what in ["petitioners", "letters", "receipts"] {
            Self.succeeded(try cli.run(["import", what, examples.appendingPathComponent("\(what).csv").path]), what)
        }
        #expect(try Self.objects(try cli.run(["petitioner", "list", "--format", "json"])).count == 4)
        #expect(
            try Self.objects(try cli.run(["delivery", "list", "--period", "1920-01", "--format", "json"])).first?["status"] as? String == "complete")
        #expect(try cli.run(["letter", "show", "1", "--format", "json"]).stdout.contains("\"answered_by\" : 3"))
        #expect(try cli.run(["verify"]).stdout == "Ledger OK\n")
    }

    @Test("the same CSV file imported twice is refused the second time, naming the first import, unless --again")
    func theSameFileTwiceIsRefused() throws {
        let cli = try CLI()
        defer { cli.remove() }
        Self.succeeded(try cli.run(["init", "--office", "dmitrov"]))
        let csv = try Self.file(cli, "people.csv", "name,district\nIvan Petrov,Dmitrov\nAnna Ivanova,Klin\n")
        Self.succeeded(try cli.run(["import", "petitioners", csv]))
        let again = try cli.run(["import", "petitioners", csv])
        #expect(again.status == 65, "\(again)")
        #expect(again.stderr.contains("was already imported on") && again.stderr.contains("--again"), "\(again)")
        #expect(try Self.objects(try cli.run(["petitioner", "list", "--format", "json"])).count == 2, "nothing doubled")
        Self.succeeded(try cli.run(["import", "petitioners", csv, "--again"]))
        #expect(try Self.objects(try cli.run(["petitioner", "list", "--format", "json"])).count == 4, "--again imports it once more")
        // Another file (one byte differs) is another import.
        let other = try Self.file(cli, "other.csv", "name,district\nIvan Petrov,Dmitrov\nAnna Ivanova,Klim\n")
        Self.succeeded(try cli.run(["import", "petitioners", other]))
    }
}
