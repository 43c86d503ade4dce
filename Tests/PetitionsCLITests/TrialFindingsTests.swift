import Foundation
import PetitionsTestSupport
import Testing

/// What a trial of the merged program as a new user and as an attacker found, each now a test.
@Suite(.serialized) struct TrialFindingsTests {
    @Test func anAttachmentThatCannotBeWrittenToStandardOutputIsASentenceNotATrap() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try AttachmentTests.write(cli, "reply.pdf", AttachmentTests.pdf)
        let attached = try cli.run(["attach", "--letter", "1", file])
        #expect(attached.status == 0, "\(attached)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "exec \"$0\" attachment get 1 --db \"$1\" > /dev/full", CLI.binary, cli.db]
        p.environment = cli.environment
        let errors = Pipe()
        p.standardError = errors
        try p.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 74, "exit \(p.terminationStatus): \(stderr)")
        #expect(stderr == "error: could not write to standard output: the disk is full.\n", "\(stderr)")
        CLI.expectOwnWords(["attachment", "get"], stderr: stderr)
    }

    @Test func correctionsOfALedgerThatIsNotThereRefuseAndCreateNothing() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let db = cli.directory.appendingPathComponent("nowhere/ledger.sqlite").path
        let commands: [[String]] = [
            ["petitioner", "edit", "x", "--name", "y"], ["petition", "note", "1", "--text", "x"], ["receipt", "void", "1", "--reason", "x"],
            ["office", "set", "--name", "X"], ["compact"], ["attachment", "remove", "1", "--reason", "x"], ["user", "disable", "vera"],
        ]
        for args in commands {
            let r = try CLI.exec(args + ["--db", db], environment: cli.environment)
            #expect(r.status == 66 && r.stderr.contains("petitions init"), "\(args): \(r)")
            #expect(!FileManager.default.fileExists(atPath: db), "\(args) created the ledger")
        }
    }

    @Test func endingAnEnrolmentCancelsALaterDeliveryWhoseReceiptsWereAllVoided() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let received = try cli.run([
            "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-02", "--on", "1920-02-06",
            "--quantity", "1700 funt wheat",
        ])
        #expect(received.status == 0, "\(received)")
        #expect(try cli.run(["receipt", "void", "1", "--reason", "Recorded against the wrong month"]).status == 0)
        let ended = try cli.run(["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-01-31"])
        #expect(ended.status == 0, "\(ended)")
        let overdue = try cli.run(["overdue", "--as-of", "1920-06-01", "--format", "json"])
        let periods = try #require(try CLI.json(overdue) as? [[String: Any]]).compactMap { $0["period"] as? String }
        #expect(!periods.contains { $0 > "1920-01" }, "nothing after the enrolment's end is owed: \(periods)")
    }

    @Test func officeSetWithNothingToSetSaysSoInOneSentence() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["office", "set"])
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr == "error: office set: say what to set: give --name, --address, --email or --signature.\n", "\(r.stderr)")
    }

    @Test func anEventKindThatNamesNoEventIsRefusedNotAnEmptyList() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let bogus = try cli.run(["events", "--kind", "bogus"])
        #expect(bogus.status == 64, "a bad word of an option is a usage error (OptionWordTests): \(bogus)")
        #expect(
            bogus.stderr.hasPrefix("error: --kind 'bogus' is not a kind of event; give a kind such as letter.sent, or one of "), "\(bogus.stderr)")
        #expect(try cli.run(["events", "--kind", "letter"]).status == 0)
        #expect(try cli.run(["events", "--kind", "letter.sent"]).status == 0)
    }

    @Test func theOfficeIsAPartyThatCanBeShownAndIsNamedWithTheRightArticle() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "dmitrov"]).status == 0)
        // Shown by office show (by default, or by its handle), not as an authority: a show command shows its own kind.
        for args in [["office", "show"], ["office", "show", "dmitrov"]] {
            let shown = try cli.run(args + ["--format", "json"])
            #expect(shown.status == 0, "\(shown)")
            #expect((try CLI.json(shown) as? [String: Any])?["kind"] as? String == "office", "\(shown.stdout)")
        }
        #expect(try cli.run(["group", "add", "--name", "Post", "--handle", "post"]).status == 0)
        let member = try cli.run(["group", "join", "post", "--member", "dmitrov"])
        #expect(member.status == 65)
        #expect(member.stderr == "error: --member: 'dmitrov' is an office (dmitrov), but a person is needed here.\n", "\(member.stderr)")
    }
}
