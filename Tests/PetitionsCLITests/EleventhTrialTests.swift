import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// The defects the eleventh trial (everything that comes in from outside, 3 December 1926) found through the command
/// line, numbered as its report numbers them.
@Suite struct EleventhTrialTests {
    /// A second ledger beside `cli`'s, made by `init --office region`.
    static func region(_ cli: CLI) throws -> String {
        let path = cli.directory.appendingPathComponent("region.sqlite").path
        let made = try CLI.exec(["init", "--office", "region", "--db", path], environment: cli.environment)
        #expect(made.status == 0, "\(made)")
        return path
    }

    static func write(_ cli: CLI, _ name: String, _ text: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: - 1: an attachment's bytes in the event log

    /// A 2 MB scan is 2.7 million characters of base64: the merge refused it as a text over 1,000,000 characters.
    @Test func anAttachmentOfTwoMegabytesIsMergedByteForByte() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        var bytes = [UInt8](repeating: 0, count: 2_000_000)
        var g = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &g) }
        let file = cli.directory.appendingPathComponent("scan.bin")
        try Data(bytes).write(to: file)
        let attached = try cli.run(["attach", "--letter", "1", file.path])
        #expect(attached.status == 0, "\(attached)")
        let log = cli.directory.appendingPathComponent("dmitrov.jsonl").path
        #expect(try cli.run(["export", "events", "--format", "jsonl", "--output", log]).status == 0)
        let region = try Self.region(cli)
        let merged = try CLI.exec(["import", "events", log, "--db", region], environment: cli.environment)
        #expect(merged.status == 0, "\(merged)")
        let got = try CLI.exec(
            ["attachment", "get", "1", "--output", cli.directory.appendingPathComponent("got.bin").path, "--db", region], environment: cli.environment
        )
        #expect(got.status == 0, "\(got)")
        #expect(try Data(contentsOf: cli.directory.appendingPathComponent("got.bin")) == Data(bytes))
    }

    // MARK: - 3: export letters, import letters

    /// The import read an exported file's in_reply_to as this ledger's ids and its voided column not at all: the reply
    /// answered "No reply wanted", the appeal it answered waited, and the voided letter came back.
    @Test func anExportedLettersFileRepliesByItsOwnRowsAndRefusesVoidedLetters() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        for s in [
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-02-01", "--subject", "Second appeal"],
            [
                "letter", "send", "--from", "dmitrov-post", "--to", "sovnarkom", "--on", "1920-02-03", "--subject", "No reply wanted",
                "--no-reply-expected",
            ],
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-20", "--subject",
                "Reply to the second appeal",
                "--in-reply-to", "2",
            ],
            ["letter", "void", "1", "--reason", "typed twice"],
        ] {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        let csv = cli.directory.appendingPathComponent("letters.csv").path
        #expect(try cli.run(["export", "letters", "--output", csv]).status == 0)
        let region = try Self.region(cli)
        func there(_ args: [String]) throws -> CLI.Result { try CLI.exec(args + ["--db", region], environment: cli.environment) }
        for s in [
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["authority", "add", "--name", "Moscow postal-telegraph supply centre", "--handle", "moscow-supply"],
            ["group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post", "--count", "employee=125"],
        ] { #expect(try there(s).status == 0, "\(s)") }
        let refused = try there(["import", "letters", csv])
        #expect(refused.status == 65, "\(refused)")
        #expect(
            refused.stderr.contains("line 2, column petition: '1' is a petition's id in the ledger the file was exported from"), "\(refused.stderr)")
        #expect(refused.stderr.contains("column voided: the letter was voided"), "\(refused.stderr)")
        let rejects = cli.directory.appendingPathComponent("rejects.csv").path
        let taken = try there(["import", "letters", csv, "--skip-invalid", "--rejects", rejects])
        #expect(taken.status == 0, "\(taken)")
        let letters = try #require(try CLI.json(there(["letter", "list", "--format", "json"])) as? [[String: Any]])
        #expect(letters.count == 3 && !letters.contains { $0["subject"] as? String == "Appeal" }, "\(letters)")
        let reply = try #require(letters.first { $0["subject"] as? String == "Reply to the second appeal" })
        let second = try #require(letters.first { $0["subject"] as? String == "Second appeal" })
        let none = try #require(letters.first { $0["subject"] as? String == "No reply wanted" })
        #expect(second["answered_by"] as? Int == reply["id"] as? Int, "\(letters)")
        #expect(none["answered_by"] == nil || none["answered_by"] is NSNull, "\(letters)")
    }

    // MARK: - 5 and 6: imports refuse what the commands refuse

    /// `petitioner add` refuses a day after today, a handle the pages use and a dependant twice; the import took them.
    @Test func importPetitionersRefusesWhatPetitionerAddRefuses() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let csv = try Self.write(cli, "p.csv", "name,handle,dependants,on\nFut Ure,,,2999-01-01\nDup Dep,,A:child; a:child,\nHandle New,new,,\n")
        let r = try cli.run(["import", "petitioners", csv])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("line 2, column on: '2999-01-01' is after today"), "\(r.stderr)")
        #expect(r.stderr.contains("line 3, column dependants: 'a:child' is given twice"), "\(r.stderr)")
        #expect(r.stderr.contains("line 4, column handle: 'new' is a word the office's pages use"), "\(r.stderr)")
        #expect(try cli.run(["petitioner", "list", "--format", "json"]).stdout.contains("Dup Dep") == false)
    }

    /// The same petitioner in another office's log: a handle the pages use, a dependant twice.
    @Test func importEventsRefusesAReservedHandleAndADependantTwice() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "add", "--name", "Edit Me", "--handle", "edit-me", "--dependant", "A:child"]).status == 0)
        let log = try cli.run(["export", "events", "--format", "jsonl"]).stdout.split(separator: "\n").map(String.init)
        let i = try #require(log.firstIndex { $0.contains("\"edit-me\"") })
        func edited(_ change: (inout [String: Any]) -> Void) throws -> String {
            try Self.edited(log, i) { event in
                var payload = event["payload"] as? [String: Any] ?? [:]
                change(&payload)
                event["payload"] = payload
            }
        }
        let region = try Self.region(cli)
        let twice = try edited { $0["dependants"] = [["name": "A", "category": "child"], ["name": "A", "category": "child"]] }
        let r = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: twice)
        #expect(r.status == 65 && r.stderr.contains("line \(i + 1)") && r.stderr.contains("dependants 'A:child' is given twice"), "\(r)")
        let reserved = try edited { $0["handle"] = "edit" }
        let e = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: reserved)
        #expect(e.status == 65 && e.stderr.contains("handle 'edit' is a word the office's pages use"), "\(e)")
        #expect(
            try CLI.exec(["petitioner", "list", "--format", "json", "--db", region], environment: cli.environment).stdout.contains("Edit") == false)
    }

    /// `letter send` refuses a reply window whose due day runs past 9999-12-31; the import stored 9999-12-31.
    @Test func importLettersRefusesAReplyWindowPastTheLastDay() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let csv = try Self.write(
            cli, "l.csv",
            "direction,from,to,on,subject,reply_within\nsent,dmitrov-post,moscow-supply,1920-02-01,B,99999 months\nsent,dmitrov-post,moscow-supply,9999-12-30,C,3 weeks\n"
        )
        let r = try cli.run(["import", "letters", csv])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.contains("line 2, column reply_within: '99999 months' from 1920-02-01 runs past 9999-12-31"), "\(r.stderr)")
        #expect(r.stderr.contains("line 3, column reply_within: '3 weeks' from 9999-12-30 runs past 9999-12-31"), "\(r.stderr)")
    }

    // MARK: - 9, 10: an empty file, damaged attachment bytes

    /// A reading command made a ledger of an empty file (385 KB, mode 0600) and said nothing.
    @Test func aReadingCommandDoesNotMakeALedgerOfAnEmptyFile() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let empty = try Self.write(cli, "e.sqlite", "")
        for args in [["export", "events", "--format", "jsonl"], ["petition", "list"]] {
            let r = try CLI.exec(args + ["--db", empty], environment: cli.environment)
            #expect(r.status == 66, "\(args): \(r)")
            #expect(r.stderr.contains("there is no ledger at \(empty) (the file is empty)"), "\(r.stderr)")
        }
        #expect((try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int) == 0)
    }

    /// Bytes changed in the ledger's file passed verify, and went out with `attachment get` and `export events`.
    @Test func verifyFindsAnAttachmentWhoseBytesNoLongerMatchTheirSHA256() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try Self.write(cli, "reply.pdf", "%PDF-1.4\nhello\n")
        #expect(try cli.run(["attach", "--letter", "1", file]).status == 0)
        #expect(try cli.run(["verify"]).stdout == "Ledger OK\n")
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { try $0.execute(sql: "UPDATE attachment_content SET bytes = X'000102030405060708090a0b0c0d0e'") }
        try queue.close()
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("attachment 1: the stored bytes do not match the size and SHA-256 recorded for them"), "\(r)")
    }

    // MARK: - 11, 13, 14, 15

    /// A value that really begins with `'` and `=` lost its `'` on the way through export and import.
    @Test func aValueBeginningWithAQuoteAndAnEqualsSignSurvivesExportAndImport() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "add", "--name", "Quote Eq", "--occupation", "'=x", "--district", "=y"]).status == 0)
        let csv = cli.directory.appendingPathComponent("p.csv").path
        #expect(try cli.run(["export", "petitioners", "--output", csv]).status == 0)
        let region = try Self.region(cli)
        let imported = try CLI.exec(["import", "petitioners", csv, "--db", region], environment: cli.environment)
        #expect(imported.status == 0, "\(imported)")
        let shown = try #require(
            try CLI.json(CLI.exec(["petitioner", "show", "quote-eq", "--format", "json", "--db", region], environment: cli.environment))
                as? [String: Any])
        #expect(shown["occupation"] as? String == "'=x" && shown["district"] as? String == "=y", "\(shown)")
    }

    @Test func backupToStandardOutputIsRefusedNotWrittenToAFileNamedDash() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        // Commands run in a scratch folder of their own.
        let dash = FileManager.default.temporaryDirectory.appendingPathComponent("petitions-cwd/-").path
        try? FileManager.default.removeItem(atPath: dash)
        let r = try cli.run(["backup", "-"])
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr.contains("a backup is a ledger file"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: dash))
        try? FileManager.default.removeItem(atPath: dash)
    }

    /// A rejected row went back to the rejects file as it came: a formula a spreadsheet runs.
    @Test func theRejectsFileIsDefusedAndStillImportsAsItIs() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let csv = try Self.write(cli, "p.csv", "name,groups\n\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",nogroup\n'=kept,nogroup\n")
        let rejects = cli.directory.appendingPathComponent("rejects.csv").path
        let r = try cli.run(["import", "petitioners", csv, "--skip-invalid", "--rejects", rejects])
        #expect(r.status == 0, "\(r)")
        let text = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(text.contains("\"'=HYPERLINK(") && text.contains("\n'=kept,") && !text.contains("''=kept"), "\(text)")
        // Corrected (the group left out), the file imports as it is, with the names as they were.
        let corrected = try Self.write(cli, "fixed.csv", text.replacingOccurrences(of: "nogroup", with: ""))
        #expect(try cli.run(["import", "petitioners", corrected]).status == 0)
        let names = try Self.names(cli)
        #expect(names.contains("=HYPERLINK(\"http://evil\",\"x\")") && names.contains("=kept"), "\(names)")
    }

    static func names(_ cli: CLI) throws -> [String] {
        try (CLI.json(cli.run(["petitioner", "list", "--format", "json"])) as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    /// The largest quantity the refusal named was itself refused.
    @Test func theLargestQuantityTheRefusalNamesIsTaken() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        func receive(_ q: String) throws -> CLI.Result {
            try cli.run([
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
                "--quantity", q,
            ])
        }
        let over = try receive("2252281.449 funt wheat")
        #expect(over.status == 65 && over.stderr.contains("one quantity holds at most 2,252,281.447 funt"), "\(over)")
        #expect(try receive("2252281.447 funt wheat").status == 0)
    }

    /// The lines of `log` up to line `i` (from 0), that line changed by `change`, as JSON Lines.
    static func edited(_ log: [String], _ i: Int, _ change: (inout [String: Any]) -> Void) throws -> String {
        var event = try #require(try JSONSerialization.jsonObject(with: Data(log[i].utf8)) as? [String: Any])
        change(&event)
        let line = String(
            decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        return (log[..<i] + [line]).joined(separator: "\n") + "\n"
    }

    // MARK: - 4 and 19: events the commands refuse

    /// A petitioner added in 2999, and a receipt whose event is dated ten years after the day it says it came:
    /// `petitioner add` and `delivery receive` cannot record either; the merge took both without a word.
    @Test func importEventsRefusesADayAfterTodayAndAReceiptDatedOtherwiseThanItsEvent() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "add", "--name", "Future Day", "--handle", "futd"]).status == 0)
        #expect(
            try cli.run([
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
                "--quantity", "1000 funt wheat",
            ]).status == 0)
        #expect(try cli.run(["receipt", "void", "1", "--reason", "typed twice"]).status == 0)
        let log = try cli.run(["export", "events", "--format", "jsonl"]).stdout.split(separator: "\n").map(String.init)
        let region = try Self.region(cli)
        // A void dated before its receipt: `receipt void` refuses it; the merge kept it without effect, or applied it.
        let voided = try #require(log.firstIndex { $0.contains("receipt.voided") })
        let early = try CLI.exec(
            ["import", "events", "-", "--db", region], environment: cli.environment, stdin: try Self.edited(log, voided) { $0["day"] = "1900-01-01" })
        #expect(early.status == 65, "\(early)")
        #expect(early.stderr.contains("line \(voided + 1) (event") && early.stderr.contains("day '1900-01-01' is before receipt"), "\(early)")
        let added = try #require(log.firstIndex { $0.contains("\"futd\"") && $0.contains("petitioner.added") })
        let future = try CLI.exec(
            ["import", "events", "-", "--db", region], environment: cli.environment, stdin: try Self.edited(log, added) { $0["day"] = "2999-01-01" })
        #expect(future.status == 65, "\(future)")
        #expect(future.stderr.contains("line \(added + 1) (event") && future.stderr.contains("day '2999-01-01' is after today"), "\(future)")
        let received = try #require(log.firstIndex { $0.contains("delivery.received") })
        let moved = try CLI.exec(
            ["import", "events", "-", "--db", region], environment: cli.environment,
            stdin: try Self.edited(log, received) { $0["day"] = "1930-01-01" })
        #expect(moved.status == 65, "\(moved)")
        #expect(moved.stderr.contains("on '1920-01-06' is not the event's day 1930-01-01"), "\(moved)")
        #expect(try CLI.exec(["events", "--db", region], environment: cli.environment).stdout.contains("Future Day") == false)
    }

    // MARK: - 16: misleading messages

    @Test func sentencesSayWhatIsWrong() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let config = try Self.write(cli, "config.toml", "max_attachment_mb = 1.5\n")
        let half = try cli.run(["petition", "list", "--config", config])
        #expect(half.status == 65 && half.stderr.contains("is not a whole number; give a whole number"), "\(half)")
        #expect(!half.stderr.contains("without quotes"), "\(half)")

        let template = try Self.write(cli, "t.mustache", "{{office.name.x}}\n")
        let tag = try cli.run(["draft", "reminder", "--letter", "1", "--template", template, "--as-of", "1920-03-04"])
        #expect(tag.status == 65 && tag.stderr.contains("which is not a name a draft has.") && !tag.stderr.contains("did you mean"), "\(tag)")

        let rules = try Self.write(
            cli, "rules.toml",
            "version = 1\n[[rule]]\nid = \"columns\"\nkind = \"sql\"\nseverity = \"warning\"\nquery = \"SELECT 1 AS subject, name AS message FROM pragma_table_info('account')\"\n"
        )
        let sql = try cli.run(["check", "--as-of", "1920-03-04", "--rules", rules])
        #expect(sql.status == 65 && sql.stderr.contains("uses a table-valued function") && !sql.stderr.contains("UPDATE"), "\(sql)")

        let limit = try Self.write(cli, "limit.toml", "max_attachment_mb = 1\n")
        let over = cli.directory.appendingPathComponent("over.bin")
        try Data(count: 1_048_577).write(to: over)
        let byOne = try cli.run(["attach", "--letter", "1", over.path, "--config", limit])
        #expect(byOne.status == 65 && byOne.stderr.contains("is 1,048,577 bytes, over the limit of 1 MB"), "\(byOne)")

        var utf16 = Data([0xFF, 0xFE])
        utf16.append("name\nIvan Petrov\n".data(using: .utf16LittleEndian) ?? Data())
        let csv = cli.directory.appendingPathComponent("u16.csv")
        try utf16.write(to: csv)
        let wide = try cli.run(["import", "petitioners", csv.path])
        #expect(wide.status == 65 && wide.stderr.contains("UTF-16") && wide.stderr.contains("save it as UTF-8"), "\(wide)")
        #expect(!wide.stderr.contains("NUL"), "\(wide)")
    }
}
