import Foundation
import PetitionsTestSupport
import Testing

/// The recording commands, run as a user would: what they print, in text and JSON, and what the ledger keeps.
@Suite struct RecordingTests {
    func object(_ r: CLI.Result) throws -> [String: Any] {
        #expect(r.status == 0, "\(r)")
        return try #require(try CLI.json(r) as? [String: Any], "\(r.stdout)")
    }

    func array(_ r: CLI.Result) throws -> [[String: Any]] {
        #expect(r.status == 0, "\(r)")
        return try #require(try CLI.json(r) as? [[String: Any]], "\(r.stdout)")
    }

    @Test func createdRecordsArePrintedWithTheirIdsInJSON() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let a = try object(
            cli.run([
                "authority", "add", "--name", "People's Commissariat of Posts and Telegraphs", "--parent", "sovnarkom",
                "--reply-within", "20 working days", "--format", "json",
            ]))
        #expect(a["id"] as? Int == 5, "the fifth party of the ledger")
        #expect(a["handle"] as? String == "peoples-commissariat-of-posts-and-telegraphs")
        #expect(a["reply_within"] as? String == "20 working days")
        #expect(a["chain"] as? [String] == ["sovnarkom"])
        #expect(a["kind"] as? String == "authority")

        let p = try object(
            cli.run([
                "petitioner", "add", "--name", "Ivan Petrov", "--group", "dmitrov-post",
                "--dependant", "Maria Petrova:incapacitated", "--dependant", "Olga:child", "--format", "json",
            ]))
        #expect(p["handle"] as? String == "ivan-petrov")
        let deps = try #require(p["dependants"] as? [[String: Any]])
        #expect(deps.map { $0["category"] as? String } == ["incapacitated", "child"])
        #expect(p["groups"] as? [String] == ["dmitrov-post"])

        let letter = try object(
            cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-10",
                "--subject", "Provisions dispatched", "--in-reply-to", "1", "--format", "json",
            ]))
        #expect(letter["id"] as? Int == 2)
        #expect(letter["in_reply_to"] as? Int == 1)
        #expect(letter["petition"] as? Int == 1, "a reply belongs to the petition of the letter it answers")
        #expect(letter["direction"] as? String == "received")
        #expect(letter["on"] as? String == "1920-03-10")

        let sent = try object(cli.run(["letter", "show", "1", "--format", "json"]))
        #expect(sent["answered_by"] as? Int == 2)
        #expect(sent["expects_reply"] as? Bool == true)
    }

    @Test func listingsAreArraysWithSnakeCaseKeysAndISODays() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let deliveries = try array(cli.run(["delivery", "list", "--format", "json"]))
        #expect(deliveries.count == 7)
        let first = try #require(deliveries.first)
        #expect(first["period"] as? String == "1919-09")
        #expect(first["due"] as? String == "1919-09-01")
        #expect(first["status"] as? String == "pending")
        let line = try #require((first["lines"] as? [[String: Any]])?.first)
        let expected = try #require(line["expected"] as? [String: Any])
        #expect(expected["amount"] as? Int == 1700)
        #expect(expected["unit"] as? String == "funt")
        #expect(expected["commodity"] as? String == "wheat")

        let decrees = try array(cli.run(["decree", "list", "--format", "json"]))
        #expect(decrees.first?["due_day"] as? Int == 1)
        #expect(decrees.first?["issued"] as? String == "1918-08-15")

        let events = try array(cli.run(["events", "--format", "json"]))
        #expect(events.count == 10)
        let e = try #require(events.first { $0["kind"] as? String == "letter.sent" })
        for key in ["id", "uuid", "kind", "day", "recorded_at", "actor", "office", "subjects", "summary", "payload"] {
            #expect(e[key] != nil, "event key \(key)")
        }
        #expect(e["actor"] as? String == "clerk")
        #expect(e["office"] as? String == "dmitrov")
        #expect(e["day"] as? String == "1920-01-20")
        #expect((e["subjects"] as? [[String: Any]])?.contains { $0["type"] as? String == "letter" && $0["id"] as? Int == 1 } == true)
    }

    @Test func receiptsKeepTheirUnitAndDeriveTheStatus() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let base = ["delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-12"]
        let partial = try object(cli.run(base + ["--on", "1919-12-06", "--quantity", "1.5 pood wheat", "--format", "json"]))
        #expect(partial["status"] as? String == "partial")
        let receipt = try #require((partial["receipts"] as? [[String: Any]])?.first)
        let q = try #require((receipt["quantities"] as? [[String: Any]])?.first)
        #expect(q["unit"] as? String == "pood")
        #expect((q["amount"] as? NSNumber)?.doubleValue == 1.5)
        let shortfall = try #require(((partial["lines"] as? [[String: Any]])?.first)?["shortfall"] as? [String: Any])
        #expect(shortfall["amount"] as? Int == 1640, "1700 funt less 1.5 pood (60 funt)")

        let text = try cli.run(base + ["--on", "1919-12-20", "--quantity", "1640 funt wheat"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("complete"))
        #expect(text.stdout.contains("expected 1,700 funt, received 1,700 funt"), "\(text.stdout)")
        #expect(!text.stdout.contains("1699.9"))
    }

    @Test func schedulingTwiceAddsNothing() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let again = try object(
            cli.run(["delivery", "schedule", "--decree", "decree-1918", "--from", "1919-09", "--to", "1920-04", "--format", "json"]))
        #expect((again["scheduled"] as? [Any])?.count == 1, "only April 1920 is new")
        #expect(again["already_scheduled"] as? Int == 7)
        #expect(try array(cli.run(["delivery", "list", "--format", "json"])).count == 8)
    }

    @Test func globalOptionsMayComeBeforeTheSubcommand() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let r = try CLI.exec(["--db", cli.db, "--actor", "kropotkin", "init", "--office", "dmitrov"], environment: cli.environment)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout.contains("dmitrov"))
        let events = try array(CLI.exec(["--db=\(cli.db)", "events", "--format", "json"], environment: cli.environment))
        #expect(events.first?["actor"] as? String == "kropotkin")
    }

    @Test func ledgerIsCreatedOnFirstUseWithModeSixHundred() throws {
        let cli = try CLI()
        defer { cli.remove() }
        var env = cli.environment
        let dataHome = cli.directory.appendingPathComponent("xdg").path
        env["XDG_DATA_HOME"] = dataHome
        let r = try CLI.exec(["petitioner", "add", "--name", "Pëtr Kropotkin"], environment: env)
        #expect(r.status == 0, "\(r)")
        let path = dataHome + "/petitions/petitions.sqlite"
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        env["PETITIONS_DB"] = cli.db
        let other = try CLI.exec(["petitioner", "list"], environment: env)
        #expect(other.status == 66 && other.stderr.contains(cli.db), "$PETITIONS_DB wins over XDG, and is not there yet: \(other)")
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let commands: [[String]] = [
            ["init"], ["authority", "add"], ["group", "add"], ["petitioner", "add"], ["petition", "log"], ["petition", "status"],
            ["letter", "send"], ["letter", "receive"], ["decree", "add"], ["enrol"], ["delivery", "schedule"],
            ["delivery", "receive"], ["delivery", "list"], ["events"], ["petition", "show"],
        ]
        for c in commands {
            let r = try CLI.exec(c + ["--help"], environment: ProcessInfo.processInfo.environment)
            #expect(r.status == 0, "\(c)")
            #expect(r.stdout.contains("Example:") && r.stdout.contains("petitions \(c.joined(separator: " "))"), "\(c): \(r.stdout)")
        }
    }

    @Test func petitionShowHasItsLettersAndEvents() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "petition", "status", "1", "--to", "waiting_on_petitioner", "--on", "1920-02-01", "--note", "Asked for the list of employees",
            ]).status == 0)
        let shown = try object(cli.run(["petition", "show", "1", "--format", "json"]))
        #expect((shown["petition"] as? [String: Any])?["status"] as? String == "waiting_on_petitioner")
        #expect((shown["letters"] as? [Any])?.count == 1)
        let kinds = (shown["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
        #expect(kinds == ["petition.logged", "letter.sent", "petition.status_changed"])
        let byParty = try array(cli.run(["events", "--party", "kropotkin", "--format", "json"]))
        #expect(byParty.map { $0["kind"] as? String } == ["petitioner.added"])
    }

    @Test func enrollingAgainWithNewCountsEndsThePreviousEnrolment() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run([
            "enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--count", "employee=120", "--count", "incapacitated=140",
            "--from", "1920-04-01",
        ])
        #expect(r.status == 0, "\(r)")
        let shown = try object(cli.run(["decree", "show", "decree-1918", "--format", "json"]))
        let enrolments = try #require(shown["enrolments"] as? [[String: Any]])
        #expect(enrolments.map { $0["to"] as? String } == ["1920-03-31", nil])
        let april = try object(
            cli.run(["delivery", "schedule", "--decree", "decree-1918", "--from", "1920-04", "--to", "1920-04", "--format", "json"]))
        let line = try #require(((april["scheduled"] as? [[String: Any]])?.first?["lines"] as? [[String: Any]])?.first)
        #expect((line["expected"] as? [String: Any])?["amount"] as? Int == 1660, "120 × 8 + 140 × 5 funt")
    }
}
