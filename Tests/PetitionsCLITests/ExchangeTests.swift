import CSV
import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Bulk data in and out, merging offices' ledgers, backups and verify, run as a user would.
@Suite struct ExchangeTests {
    // MARK: - Helpers

    /// Writes `text` into the CLI's folder (with a byte-order mark when asked) and returns the path.
    static func file(_ cli: CLI, _ name: String, _ text: String, bom: Bool = false) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        data.append(Data(text.utf8))
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func succeeded(_ r: CLI.Result, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 0, "\(what): \(r)", sourceLocation: sourceLocation)
    }

    static func objects(_ r: CLI.Result) throws -> [[String: Any]] {
        try #require(try CLI.json(r) as? [[String: Any]], "\(r)")
    }

    /// JSON text re-written with sorted keys, leaving out `dropping` keys at every level: equal text, equal content.
    static func canonical(_ text: String, dropping: Set<String> = []) throws -> String {
        func strip(_ v: Any) -> Any {
            if let d = v as? [String: Any] { return d.filter { !dropping.contains($0.key) }.mapValues(strip) }
            if let a = v as? [Any] { return a.map(strip) }
            return v
        }
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        return String(decoding: try JSONSerialization.data(withJSONObject: strip(value), options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }

    static func rows(_ path: String) throws -> [[String]] {
        let reader = try CSVReader(string: String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
        return Array(reader)
    }

    static func mode(_ path: String) throws -> Int {
        try ((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue).map { $0 & 0o777 } ?? -1
    }

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

    @Test func malformedCSVIsAnErrorWithItsLineNotAGuess() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let cases: [(String, String, [String])] = [
            ("unclosed.csv", "name,district\nAnna,Dmitrov\n\"Unclosed quote,Dmitrov\nBob,Klin\n", ["line 3", "never closed"]),
            ("after-quote.csv", "name,district\n\"abc\"x,d\n", ["line 2", "follows the closing quote"]),
            ("few.csv", "name,district\nAnna,Dmitrov\nBob\n", ["line 3", "1 cells but the header names 2"]),
            ("many.csv", "name,district\nAnna,Dmitrov,extra\n", ["line 2", "3 cells but the header names 2"]),
            ("nul.csv", "name,district\nAnna,Dmi\u{0}trov\n", ["line 2", "NUL byte"]),
            ("long.csv", "name,district\nAnna," + String(repeating: "x", count: (1 << 20) + 1) + "\n", ["line 2", "longer than 1 MB"]),
        ]
        for (name, text, words) in cases {
            let r = try cli.run(["import", "petitioners", try Self.file(cli, name, text)])
            #expect(r.status == 65, "\(name): \(r)")
            #expect(words.allSatisfy { r.stderr.contains($0) }, "\(name): \(r.stderr)")
        }
        // Not a text file at all: ends at once, not after reading for ever, as CSV or as an event log.
        let start = Date()
        let zero = try cli.run(["import", "petitioners", "/dev/zero"])
        #expect(zero.status == 65 && zero.stderr.contains("/dev/zero line 1") && zero.stderr.contains("NUL byte"), "\(zero)")
        let events = try cli.run(["import", "events", "/dev/zero"])
        #expect(events.status == 65 && events.stderr.contains("/dev/zero line 1") && events.stderr.contains("NUL byte"), "\(events)")
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

    // MARK: - Exporting

    @Test func exportedPetitionersImportIntoAFreshLedgerAsTheSameListing() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        Self.succeeded(
            try cli.run([
                "petitioner", "add", "--name", "Ivan Petrov", "--district", "Dmitrov", "--occupation", "telegraphist",
                "--group", "dmitrov-post", "--dependant", "Maria Petrova:incapacitated", "--dependant", "Olga, the younger:child",
            ]))
        Self.succeeded(
            try cli.run([
                "import", "petitioners",
                try Self.file(
                    cli, "p.csv",
                    """
                    name,district,occupation,on
                    "Sokolov, Nikolai","Dmitrov
                    uezd",postman,1920-01-05

                    """),
            ]))
        let exported = cli.directory.appendingPathComponent("petitioners.csv").path
        Self.succeeded(try cli.run(["export", "petitioners", "--format", "csv", "--output", exported]))
        #expect(try Self.mode(exported) == 0o600)

        let fresh = try CLI()
        defer { fresh.remove() }
        Self.succeeded(try fresh.run(["init", "--office", "dmitrov"]))
        Self.succeeded(try fresh.run(["group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post"]))
        Self.succeeded(try fresh.run(["import", "petitioners", exported]))
        let original = try Self.canonical(try cli.run(["petitioner", "list", "--format", "json"]).stdout, dropping: ["id"])
        let copy = try Self.canonical(try fresh.run(["petitioner", "list", "--format", "json"]).stdout, dropping: ["id"])
        #expect(original == copy)
        let days = try Self.objects(try fresh.run(["events", "--kind", "petitioner.added", "--format", "json"])).compactMap { $0["day"] as? String }
        #expect(days.contains("1920-01-05"), "the day recorded travels with the row: \(days)")
    }

    @Test func csvExportsDefuseFormulaCellsAndJSONExportsHoldWhatTheListingsShow() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        for (n, name) in ["=HYPERLINK(\"http://x\")", "+cmd", "@SUM(A1)", "-2+3"].enumerated() {
            Self.succeeded(try cli.run(["petitioner", "add", "--name=\(name)", "--handle", "formula-\(n)"]))
        }
        let csv = try cli.run(["export", "petitioners"])
        Self.succeeded(csv)
        let names = try CSVReader(string: csv.stdout).map { $0[2] }
        for cell in ["'=HYPERLINK(\"http://x\")", "'+cmd", "'@SUM(A1)", "'-2+3"] { #expect(names.contains(cell), "\(cell) in \(names)") }

        for (what, listing) in [("petitions", ["petition", "list"]), ("letters", ["letter", "list"]), ("deliveries", ["delivery", "list"])] {
            let export = try cli.run(["export", what, "--format", "json"])
            Self.succeeded(export, what)
            #expect(try Self.canonical(export.stdout) == Self.canonical(try cli.run(listing + ["--format", "json"]).stdout), "\(what)")
            let table = try CSVReader(string: try cli.run(["export", what, "--format", "csv"]).stdout).map { $0 }
            #expect(table.count > 1, "\(what) as CSV: a header and rows")
        }
        let wrong = try cli.run(["export", "events", "--format", "csv"])
        #expect(wrong.status == 64, "\(wrong)")
        #expect(try cli.run(["export", "letters", "--format", "jsonl"]).status == 64)
    }

    @Test func theEventLogIsOneEventALineWithStableReferences() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["export", "events"])
        Self.succeeded(r)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "init and the nine records of the fixture")
        var byKind: [String: [String: Any]] = [:]
        for line in lines {
            let e = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(Set(e.keys) == ["schema_version", "uuid", "kind", "day", "recorded_at", "actor", "office", "summary", "payload", "refs"])
            #expect(e["schema_version"] as? Int == 1 && e["office"] as? String == "dmitrov" && e["actor"] as? String == "clerk")
            #expect((e["uuid"] as? String)?.count == 36)
            byKind[e["kind"] as? String ?? ""] = e
        }
        let logged = try #require(byKind["petition.logged"])
        let sent = try #require(byKind["letter.sent"])
        #expect(
            (sent["refs"] as? [String: String])?["petition"] == logged["uuid"] as? String,
            "a letter names its petition by the UUID of the event that logged it")
        #expect((sent["payload"] as? [String: Any])?["petition"] as? Int == 1)
    }

    // MARK: - Merging offices' ledgers

    @Test func twoOfficesMergeIntoARegionThatShowsWhatOneLedgerHoldingEverythingShows() throws {
        let cli = try CLI()
        defer { cli.remove() }
        func path(_ name: String) -> String { cli.directory.appendingPathComponent(name).path }
        @discardableResult
        func run(_ ledger: String, _ args: [String], office: String? = nil) throws -> CLI.Result {
            try CLI.exec(args + ["--db", path(ledger)] + (office.map { ["--office", $0] } ?? []), environment: cli.environment)
        }
        let dmitrov: [[String]] =
            [
                ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
                [
                    "authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply", "--parent", "sovnarkom",
                    "--reply-within", "3 weeks",
                ],
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
                [
                    "petition", "log", "--from", "dmitrov-post", "--to", "sovnarkom", "--via", "kropotkin", "--subject",
                    "Two months without provisions", "--on", "1920-03-04",
                ],
                [
                    "letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject", "Letter to Lenin", "--petition",
                    "2", "--reply-within", "2 weeks",
                ],
            ]
        // Klin records on its own first (the same Council, a group of its own), then takes in Dmitrov's log and works on it.
        let klinAlone: [[String]] = [
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["group", "add", "--name", "Klin postal-telegraph employees", "--handle", "klin-post", "--count", "employee=40"],
        ]
        let klinAfter: [[String]] = [
            ["enrol", "--decree", "decree-1918", "--recipient", "klin-post", "--from", "1919-11-01"],
            [
                "delivery", "schedule", "--decree", "decree-1918", "--recipient", "klin-post", "--from", "1919-11", "--to", "1920-03", "--on",
                "1919-11-01",
            ],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "klin-post", "--period", "1919-11", "--on", "1919-11-20",
                "--quantity", "200 funt wheat",
            ],
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-15", "--subject", "Provisions are coming",
                "--in-reply-to", "1",
            ],
            ["petition", "log", "--from", "klin-post", "--to", "moscow-supply", "--subject", "Klin provisions", "--on", "1920-01-10"],
            ["letter", "send", "--from", "klin-post", "--to", "moscow-supply", "--on", "1920-01-10", "--subject", "Klin appeal", "--petition", "3"],
            ["petition", "status", "3", "--to", "waiting_on_petitioner", "--on", "1920-02-01", "--note", "Asked for the staff list"],
            ["delivery", "cancel", "--decree", "decree-1918", "--recipient", "klin-post", "--period", "1920-03", "--reason", "Scheduled in error"],
        ]

        Self.succeeded(try run("a.sqlite", ["init"], office: "dmitrov"))
        for s in dmitrov { Self.succeeded(try run("a.sqlite", s, office: "dmitrov"), "dmitrov \(s)") }
        Self.succeeded(try run("b.sqlite", ["init"], office: "klin"))
        for s in klinAlone { Self.succeeded(try run("b.sqlite", s, office: "klin"), "klin \(s)") }
        Self.succeeded(try run("a.sqlite", ["export", "events", "--output", path("a.jsonl")]))
        Self.succeeded(try run("b.sqlite", ["import", "events", path("a.jsonl")], office: "klin"))
        for s in klinAfter { Self.succeeded(try run("b.sqlite", s, office: "klin"), "klin \(s)") }
        Self.succeeded(try run("b.sqlite", ["export", "events", "--output", path("b.jsonl")]))

        // The region takes in both logs; Dmitrov's events are in both files and are added once.
        Self.succeeded(try run("r.sqlite", ["init"], office: "region"))
        let first = try run("r.sqlite", ["import", "events", path("a.jsonl"), "--format", "json"])
        let second = try run("r.sqlite", ["import", "events", path("b.jsonl"), "--format", "json"])
        Self.succeeded(first)
        Self.succeeded(second)
        let merged = try #require(try CLI.json(second) as? [String: Any])
        #expect(merged["already_present"] as? Int == dmitrov.count + 1, "Dmitrov's init and records came with the first file: \(merged)")
        #expect(merged["joined"] as? Int == 1, "the Council both offices recorded is one party: \(merged)")

        // One ledger holding everything: the same work recorded in one place, each command under its office.
        Self.succeeded(try run("one.sqlite", ["init"], office: "region"))
        for s in dmitrov { Self.succeeded(try run("one.sqlite", s, office: "dmitrov")) }
        Self.succeeded(try run("one.sqlite", klinAlone[1], office: "klin"))
        for s in klinAfter { Self.succeeded(try run("one.sqlite", s, office: "klin"), "one \(s)") }

        let views: [[String]] = [
            ["authority", "list", "--format", "json"], ["group", "list", "--format", "json"], ["petitioner", "list", "--format", "json"],
            ["petition", "list", "--format", "json"], ["letter", "list", "--format", "json"], ["decree", "list", "--format", "json"],
            ["delivery", "list", "--format", "json"],
            ["overdue", "--as-of", "1920-03-04", "--format", "json"], ["unanswered", "--as-of", "1920-03-04", "--format", "json"],
            ["check", "--as-of", "1920-03-04", "--format", "json"], ["report", "--as-of", "1920-03-04", "--format", "json"],
        ]
        for v in views {
            let region = try run("r.sqlite", v)
            let one = try run("one.sqlite", v)
            #expect(region.status == one.status, "\(v): \(region) / \(one)")
            #expect(
                !region.stdout.isEmpty && region.stdout == one.stdout,
                "\(v) differs:\nregion: \(region.stdout.prefix(2000))\none: \(one.stdout.prefix(2000))")
        }
        let offices = try Self.objects(try run("r.sqlite", ["petition", "list", "--format", "json"])).compactMap { $0["office"] as? String }
        #expect(offices == ["klin", "dmitrov", "dmitrov"], "each petition keeps its office (listed by opening day): \(offices)")
        let report = try #require(try CLI.json(try run("r.sqlite", ["overdue", "--as-of", "1920-03-04", "--format", "json"])) as? [[String: Any]])
        #expect(!report.isEmpty, "the comparison compares something")

        // Idempotent: the same files again add nothing.
        let events = try run("r.sqlite", ["events", "--format", "json"]).stdout
        for f in ["a.jsonl", "b.jsonl"] {
            let again = try run("r.sqlite", ["import", "events", path(f)])
            Self.succeeded(again)
            #expect(again.stdout.contains(": 0 added"), "\(again.stdout)")
        }
        #expect(try run("r.sqlite", ["events", "--format", "json"]).stdout == events)
        #expect(try run("r.sqlite", ["verify"]).stdout == "Ledger OK\n")
        #expect(try run("b.sqlite", ["verify"]).stdout == "Ledger OK\n")
    }

    @Test func aHandleThatMeansSomethingElseHereIsReportedAndMapResolvesIt() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let log = cli.directory.appendingPathComponent("dmitrov.jsonl").path
        Self.succeeded(try cli.run(["export", "events", "--output", log]))

        let istra = try CLI()
        defer { istra.remove() }
        Self.succeeded(try istra.run(["init", "--office", "istra"]))
        Self.succeeded(try istra.run(["petitioner", "add", "--name", "Ivan Moscowsky", "--handle", "moscow-supply"]))
        Self.succeeded(try istra.run(["authority", "add", "--name", "Council of Commissars", "--handle", "sovnarkom"]))
        let before = try BadInputTests.snapshot(istra)
        let r = try istra.run(["import", "events", log])
        #expect(r.status == 65, "\(r)")
        for m in [
            "'moscow-supply' is an authority 'Moscow postal-telegraph supply centre' of office dmitrov but a person 'Ivan Moscowsky' in this ledger",
            "'sovnarkom' is an authority 'Council of People's Commissars' of office dmitrov but an authority 'Council of Commissars'",
            "--map moscow-supply=moscow-supply-dmitrov", "--map sovnarkom=sovnarkom", "nothing was imported",
        ] {
            #expect(r.stderr.contains(m), "stderr should say \(m): \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(istra) == before)

        let mapped = try istra.run(["import", "events", log, "--map", "moscow-supply=moscow-supply-dmitrov", "--map", "sovnarkom=sovnarkom"])
        Self.succeeded(mapped)
        let supply = try #require(try CLI.json(try istra.run(["authority", "show", "moscow-supply-dmitrov", "--format", "json"])) as? [String: Any])
        #expect(supply["parent"] as? String == "sovnarkom" && supply["office"] as? String == "dmitrov")
        #expect(try istra.run(["petitioner", "show", "moscow-supply"]).status == 0, "the person keeps the handle here")
        let petition = try #require(try Self.objects(try istra.run(["petition", "list", "--format", "json"])).first)
        #expect(petition["authority"] as? String == "moscow-supply-dmitrov" && petition["office"] as? String == "dmitrov")
        let payload =
            try Self.objects(try istra.run(["events", "--kind", "petition.logged", "--format", "json"])).first?["payload"] as? [String: Any]
        #expect(payload?["to"] as? String == "moscow-supply-dmitrov", "the merged event names our handle")
        #expect(try istra.run(["verify"]).stdout == "Ledger OK\n")
    }

    @Test func aBrokenLineAnEventOfANewerVersionOrAnUnknownReferenceIsRefusedByLine() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let lines = try cli.run(["export", "events"]).stdout.split(separator: "\n").map(String.init)
        let fresh = try CLI()
        defer { fresh.remove() }
        Self.succeeded(try fresh.run(["init", "--office", "klin"]))
        let before = try BadInputTests.snapshot(fresh)

        var broken = lines
        broken[1] = String(broken[1].prefix(40))
        let b = try fresh.run(["import", "events", try Self.file(fresh, "broken.jsonl", broken.joined(separator: "\n"))])
        #expect(b.status == 65 && b.stderr.contains("line 2: it is not valid JSON"), "\(b)")

        var newer = lines
        newer[2] = newer[2].replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":2")
        let n = try fresh.run(["import", "events", try Self.file(fresh, "newer.jsonl", newer.joined(separator: "\n"))])
        #expect(n.status == 65 && n.stderr.contains("line 3 is an event of schema version 2") && n.stderr.contains("upgrade petitions"), "\(n)")

        // The letter without the petition it belongs to.
        let letter = try #require(lines.firstIndex { $0.contains("\"kind\":\"letter.sent\"") })
        let orphan = try fresh.run([
            "import", "events", try Self.file(fresh, "orphan.jsonl", (lines[..<(letter - 1)] + [lines[letter]]).joined(separator: "\n")),
        ])
        let uuid = try #require((try JSONSerialization.jsonObject(with: Data(lines[letter].utf8)) as? [String: Any])?["uuid"] as? String)
        #expect(orphan.status == 65, "\(orphan)")
        #expect(
            orphan.stderr.contains("line \(letter) (event \(uuid), letter.sent)")
                && orphan.stderr.contains("neither in this ledger nor earlier in the file"),
            "\(orphan.stderr)")
        #expect(try BadInputTests.snapshot(fresh) == before)
    }

    // MARK: - Backup and verify

    @Test func aBackupTakenWhileAnotherProcessWritesIsWholeAndSound() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c",
            """
            i=0; while [ $i -lt 40 ]; do
              "$0" letter send --from dmitrov-post --to moscow-supply --on 1920-02-1$((i % 10)) --subject "Reminder $i" --petition 1 --db "$1" >/dev/null || exit 1
              i=$((i + 1))
            done
            """, CLI.binary, cli.db,
        ]
        writer.environment = cli.environment
        try writer.run()
        var backups: [String] = []
        for n in 0..<4 {
            let path = cli.directory.appendingPathComponent("backup-\(n).sqlite").path
            Self.succeeded(try cli.run(["backup", path]), "backup \(n)")
            backups.append(path)
            usleep(150_000)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0, "the writer never saw the ledger locked")
        var counts: [Int] = []
        for b in backups {
            #expect(try Self.mode(b) == 0o600)
            #expect(!FileManager.default.fileExists(atPath: b + "-wal"), "a backup is one file")
            let verify = try CLI.exec(["verify", "--db", b], environment: cli.environment)
            #expect(verify.status == 0 && verify.stdout == "Ledger OK\n", "\(verify)")
            counts.append(try Self.objects(try CLI.exec(["letter", "list", "--format", "json", "--db", b], environment: cli.environment)).count)
        }
        #expect(counts == counts.sorted() && counts.allSatisfy { (1...41).contains($0) }, "\(counts)")
        #expect(try Self.objects(try cli.run(["letter", "list", "--format", "json"])).count == 41)

        let again = try cli.run(["backup", backups[0]])
        #expect(again.status == 73 && again.stderr.contains("already exists") && again.stderr.contains("--force"), "\(again)")
        let itself = try cli.run(["backup", cli.db, "--force"])
        #expect(itself.status == 73 && itself.stderr.contains("is the ledger itself"), "\(itself)")
        Self.succeeded(try cli.run(["backup", backups[0], "--force"]))
        #expect(try Self.objects(try CLI.exec(["letter", "list", "--format", "json", "--db", backups[0]], environment: cli.environment)).count == 41)
    }

    @Test func verifyFindsRecordsThatNoLongerAgreeWithTheirEvents() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        Self.succeeded(
            try cli.run([
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-12",
                "--on", "1919-12-06", "--quantity", "1000 funt wheat",
            ]))
        Self.succeeded(
            try cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-10", "--subject", "Reply",
                "--in-reply-to", "1",
            ]))
        let ok = try cli.run(["verify"])
        #expect(ok.status == 0 && ok.stdout == "Ledger OK\n", "\(ok)")

        let december = try #require(
            try Self.objects(try cli.run(["delivery", "list", "--period", "1919-12", "--format", "json"])).first?["id"] as? Int)
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE delivery SET status = 'complete' WHERE id = ?", arguments: [december])
            try db.execute(sql: "UPDATE delivery_item SET received = received + 5 WHERE delivery_id = ?", arguments: [december])
            try db.execute(sql: "UPDATE letter SET answered_by = 1 WHERE id = 1")
        }
        try queue.close()
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        for m in [
            "delivery \(december): its status is complete but its receipts make it partial", "delivery \(december): ",
            "but its receipts add up to", "letter 1: is answered by letter 1, which was sent, not received",
        ] {
            #expect(r.stdout.contains(m), "verify should say \(m): \(r.stdout)")
        }
        let json = try #require(try CLI.json(try cli.run(["verify", "--format", "json"])) as? [String: Any])
        #expect(json["ok"] as? Bool == false && (json["problems"] as? [String])?.count == 3)
    }

    @Test("a backup removes the partial copies a killed backup left, says so, and leaves one still being written")
    func stalePartialBackupsAreRemoved() throws {
        let cli = try CLI()
        defer { cli.remove() }
        Self.succeeded(try cli.run(["init", "--office", "dmitrov"]))
        let destination = cli.directory.appendingPathComponent("b.sqlite").path
        let stale = cli.directory.appendingPathComponent(".b.sqlite.0A1B2C3D.partial").path
        let live = cli.directory.appendingPathComponent(".b.sqlite.9F8E7D6C.partial").path
        for file in [stale, stale + "-journal", live] { try Data(count: 4096).write(to: URL(fileURLWithPath: file)) }
        // Another backup still writing holds its partial locked.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", live, "sleep", "20"]
        try holder.run()
        defer { holder.terminate() }
        usleep(300_000)
        let r = try cli.run(["backup", destination])
        Self.succeeded(r)
        #expect(r.stderr.contains("removed 1 partial copy of this backup") && r.stderr.contains(".b.sqlite.0A1B2C3D.partial"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: stale) && !FileManager.default.fileExists(atPath: stale + "-journal"))
        #expect(FileManager.default.fileExists(atPath: live), "a partial another backup holds is left alone")
        #expect(FileManager.default.fileExists(atPath: destination))
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
