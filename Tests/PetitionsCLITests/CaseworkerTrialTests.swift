import Foundation
import PetitionsTestSupport
import Testing

/// What a caseworker's first week found still open after issues 12 and 13: a status change's note seen only in the
/// event summary, dependants search did not find, refusals of an enumerated option in the parser's words, and the
/// unanswered table's columns.
@Suite struct CaseworkerTrialTests {
    static func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
        return r
    }

    static func notes(_ cli: CLI, _ petition: String = "1") throws -> [[String: Any]] {
        let shown = try #require(try CLI.json(try ok(cli, ["petition", "show", petition, "--format", "json"])) as? [String: Any])
        return try #require(shown["notes"] as? [[String: Any]])
    }

    static func hits(_ cli: CLI, _ args: [String]) throws -> [[String: Any]] {
        try #require(try CLI.json(try ok(cli, ["search"] + args + ["--format", "json"])) as? [[String: Any]])
    }

    // MARK: - 1: the note of a status change

    @Test func aStatusChangesNoteIsListedByPetitionShowMarkedWithItsDayAndRecorder() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["petition", "note", "1", "--text", "Telephoned the supply centre", "--on", "1920-02-02"])
        _ = try Self.ok(cli, ["petition", "status", "1", "--to", "answered", "--on", "1920-03-10", "--note", "Moscow promised barley instead"])
        let text = try Self.ok(cli, ["petition", "show", "1"]).stdout
        #expect(text.contains("\nNotes:\n  1920-02-02  Telephoned the supply centre\n"), "\(text)")
        #expect(
            text.contains("  1920-03-10  Moscow promised barley instead  (with the status change from open to answered, recorded by clerk)\n"),
            "\(text)")
        let notes = try Self.notes(cli)
        #expect(notes.count == 2, "\(notes)")
        let caseNote = try #require(notes.first)
        #expect(caseNote["text"] as? String == "Telephoned the supply centre" && caseNote["status_change"] is NSNull, "\(caseNote)")
        #expect(caseNote["recorded_by"] as? String == "clerk" && caseNote["office"] as? String == "dmitrov", "\(caseNote)")
        let statusNote = try #require(notes.last)
        #expect(statusNote["text"] as? String == "Moscow promised barley instead" && statusNote["on"] as? String == "1920-03-10", "\(statusNote)")
        #expect(statusNote["recorded_by"] as? String == "clerk", "\(statusNote)")
        let change = try #require(statusNote["status_change"] as? [String: Any])
        #expect(change["from"] as? String == "open" && change["to"] as? String == "answered", "\(change)")
        // The keys a note always had are still there.
        #expect(Set(statusNote.keys) == ["id", "on", "text", "office", "recorded_by", "status_change"], "\(statusNote.keys)")
    }

    @Test func aStatusChangesNoteIsFoundBySearchAndTheLedgerVerifies() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["petition", "status", "1", "--to", "answered", "--on", "1920-03-10", "--note", "Moscow promised barley instead"])
        let found = try Self.hits(cli, ["barley"])
        #expect(found.count == 1 && found.first?["kind"] as? String == "note" && found.first?["day"] as? String == "1920-03-10", "\(found)")
        #expect((found.first?["snippet"] as? String)?.contains("⟦barley⟧") == true, "\(found)")
        #expect(try Self.hits(cli, ["barley", "--kind", "note"]).count == 1)
        #expect(try Self.ok(cli, ["petition", "list", "--search", "barley", "--format", "json"]).status == 0)
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0 && verified.stdout.contains("Ledger OK"), "\(verified)")
        // A change without a note adds no note.
        _ = try Self.ok(cli, ["petition", "status", "1", "--to", "resolved", "--on", "1920-03-12"])
        #expect(try Self.notes(cli).count == 1)
    }

    @Test func aStatusChangesNoteTravelsWithTheEventLogToAnotherOffice() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["petition", "status", "1", "--to", "answered", "--on", "1920-03-10", "--note", "Moscow promised barley instead"])
        let log = cli.directory.appendingPathComponent("dmitrov.jsonl").path
        _ = try Self.ok(cli, ["export", "events", "--format", "jsonl", "--output", log])
        let region = try EleventhTrialTests.region(cli)
        let merged = try CLI.exec(["import", "events", log, "--db", region], environment: cli.environment)
        #expect(merged.status == 0, "\(merged)")
        let shown = try CLI.exec(["petition", "show", "1", "--db", region], environment: cli.environment)
        #expect(
            shown.stdout.contains("Moscow promised barley instead  (with the status change from open to answered, recorded by clerk)"), "\(shown)")
        let found = try CLI.exec(["search", "barley", "--db", region], environment: cli.environment)
        #expect(found.status == 0 && found.stdout.contains("⟦barley⟧"), "\(found)")
        let verified = try CLI.exec(["verify", "--db", region], environment: cli.environment)
        #expect(verified.status == 0, "\(verified)")
    }

    // MARK: - 2: dependants

    @Test func aDependantsNameFindsTheHouseholdsPetitionerAndFollowsTheHousehold() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        _ = try Self.ok(
            cli,
            [
                "petitioner", "add", "--name", "Amina Yusuf", "--dependant", "Pavel Yusuf:child", "--dependant", "Łucja Żółć:incapacitated", "--on",
                "1920-01-01",
            ])
        for query in ["pavel", "lucja", "zolc"] {
            let found = try Self.hits(cli, [query])
            #expect(
                found.count == 1 && found.first?["kind"] as? String == "party" && found.first?["handle"] as? String == "amina-yusuf",
                "\(query): \(found)")
        }
        _ = try Self.ok(cli, ["petitioner", "dependant", "add", "amina-yusuf", "--name", "Sergei Yusuf", "--on", "1920-02-01"])
        #expect(try Self.hits(cli, ["sergei"]).first?["handle"] as? String == "amina-yusuf")
        _ = try Self.ok(cli, ["petitioner", "dependant", "remove", "amina-yusuf", "--name", "Pavel Yusuf", "--on", "1920-03-01"])
        #expect(try Self.hits(cli, ["pavel"]).isEmpty)
        #expect(try Self.hits(cli, ["sergei"]).count == 1)
        let text = try Self.ok(cli, ["search", "sergei"]).stdout
        #expect(text.contains("amina-yusuf") && text.contains("⟦Sergei⟧"), "\(text)")
        let verified = try cli.run(["verify"])
        #expect(verified.status == 0, "\(verified)")
    }

    // MARK: - 3: the unanswered table

    /// Display cells of `s` before `needle`, as a terminal lays them out (Cyrillic and accented letters one cell each).
    static func column(of needle: String, in line: String) -> Int? {
        guard let r = line.range(of: needle) else { return nil }
        return line[..<r.lowerBound].count
    }

    @Test func theUnansweredTableFitsItsColumnsWithCyrillicNamesAndCutsALongSubject() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let subject = "О непоставке продовольствия за январь, февраль и март 1920 года для служащих почтово-телеграфной конторы"
        for s in [
            ["petitioner", "add", "--name", "Пётр Алексеевич Кропоткин", "--handle", "kropotkin-pa", "--on", "1920-01-01"],
            ["petitioner", "add", "--name", "Zoë Ødegård-Nguyễn", "--on", "1920-01-01"],
            ["letter", "send", "--from", "kropotkin-pa", "--to", "moscow-supply", "--on", "1920-01-21", "--subject", subject],
            ["letter", "send", "--from", "zoe-odegard-nguyen", "--to", "moscow-supply", "--on", "1920-01-22", "--subject", "Short"],
        ] {
            _ = try Self.ok(cli, s)
        }
        let out = try Self.ok(cli, ["unanswered", "--as-of", "1920-03-04"]).stdout
        let lines = out.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.hasPrefix("ID ") })
        #expect(header.contains("  WD LATE  "), "a header is not wrapped: \(out)")
        let to = try #require(Self.column(of: "TO ", in: header))
        let rows = lines.filter { $0.contains("moscow-supply") && !$0.hasPrefix("-") && !$0.hasPrefix(" ") }
        #expect(rows.count == 3, "\(out)")
        for row in rows { #expect(Self.column(of: "moscow-supply", in: row) == to, "\(row)\n\(header)") }
        #expect(lines.allSatisfy { $0.count <= 100 || $0.hasPrefix("- [") || $0.hasPrefix("    next:") }, "\(out)")
        // Handles stay whole; the long subject is cut with "…" after whole characters, in one line.
        #expect(lines.contains { $0.contains("(zoe-odegard-nguyen)") } && lines.contains { $0.contains("(kropotkin-pa)") }, "\(out)")
        let cut = try #require(rows.first { $0.hasSuffix("…") && $0.contains("Пётр") })
        let shown = String(cut.dropFirst(try #require(Self.column(of: "SUBJECT", in: header))).dropLast())
        #expect(shown.count >= 5 && subject.hasPrefix(shown), "\(cut)")
        #expect(!out.contains("почтово-телегра\n"), "\(out)")
        // Wide enough, the columns are as wide as their widest value and the subject is cut at 40 cells.
        var wide = cli
        wide.environment["COLUMNS"] = "200"
        let wideOut = try wide.run(["unanswered", "--as-of", "1920-03-04"]).stdout
        let wideLines = wideOut.split(separator: "\n").map(String.init)
        let kropotkin = try #require(wideLines.first { $0.contains("Пётр Алексеевич Кропоткин (kropotkin-pa)") })
        #expect(kropotkin.hasSuffix("О непоставке продовольствия за январь, …"), "\(wideOut)")
        let wideHeader = try #require(wideLines.first { $0.hasPrefix("ID ") })
        let zoe = try #require(wideLines.first { $0.contains("Zoë Ødegård-Nguyễn (zoe-odegard-nguyen)") })
        #expect(Self.column(of: "moscow-supply", in: zoe) == Self.column(of: "TO ", in: wideHeader), "\(wideOut)")
        #expect(Self.column(of: "moscow-supply", in: kropotkin) == Self.column(of: "TO ", in: wideHeader), "\(wideOut)")
    }

    // MARK: - 4: a word outside an enumerated option's words

    struct Refusal: CustomTestStringConvertible, Sendable {
        let args: [String]
        let sentence: String
        var testDescription: String { args.joined(separator: " ") }
    }

    static let refusals: [Refusal] = [
        Refusal(args: ["petition", "list", "--format", "xml"], sentence: "error: --format 'xml' is not one of text, json.\n"),
        Refusal(args: ["letter", "list", "--format=xml"], sentence: "error: --format 'xml' is not one of text, json.\n"),
        Refusal(args: ["overdue", "--format", "xml"], sentence: "error: --format 'xml' is not one of text, json, csv.\n"),
        Refusal(args: ["unanswered", "--format", "yaml"], sentence: "error: --format 'yaml' is not one of text, json, csv.\n"),
        Refusal(args: ["check", "--format", "xml"], sentence: "error: --format 'xml' is not one of text, json, csv.\n"),
        Refusal(args: ["report", "--format", "pdf"], sentence: "error: --format 'pdf' is not one of text, markdown, json, csv, html.\n"),
        Refusal(args: ["user", "add", "bob", "--role", "boss"], sentence: "error: --role 'boss' is not one of admin, clerk, reader.\n"),
        Refusal(args: ["user", "role", "bob", "--to", "king"], sentence: "error: --to 'king' is not one of admin, clerk, reader.\n"),
        Refusal(
            args: ["export", "parties"], sentence: "error: export 'parties' is not one of petitioners, letters, deliveries, petitions, events.\n"),
        Refusal(args: ["export", "letters", "--format", "xml"], sentence: "error: --format 'xml' is not one of csv, json, jsonl.\n"),
        Refusal(args: ["import", "parties", "x.csv"], sentence: "error: import 'parties' is not one of petitioners, letters, receipts, events.\n"),
        Refusal(args: ["search", "wheat", "--format", "xml"], sentence: "error: --format 'xml' is not one of text, json.\n"),
    ]

    @Test(arguments: refusals)
    func aWordOutsideAnOptionsWordsIsOneSentenceNamingThemExit64(_ refusal: Refusal) throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(refusal.args)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr == refusal.sentence, "\(r)")
        #expect(!r.stderr.contains("Usage:") && !r.stderr.contains("is invalid for") && r.stdout.isEmpty, "\(r)")
        #expect(try BadInputTests.snapshot(cli) == before)
    }

    @Test func aWordInsideAnOptionsWordsIsStillTaken() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petition", "list", "--format", "json"]).status == 0)
        #expect(try cli.run(["overdue", "--format", "csv", "--as-of", "1920-03-04"]).status == 0)
        #expect(try cli.run(["report", "--format", "markdown", "--as-of", "1920-03-04"]).status == 0)
        let help = try cli.run(["overdue", "--help"], withDB: false)
        #expect(help.status == 0 && help.stdout.contains("--format <format>") && help.stdout.contains("text, json or csv"), "\(help)")
    }
}
