import Foundation
import PetitionsTestSupport
import Testing

/// Letter drafts through the command line, on the Dmitrov ledger of Kropotkin's letter, as of 4 March 1920.
@Suite struct DraftTests {
    static let asOf = ["--as-of", "1920-03-04"]

    func draft(_ cli: CLI, _ args: [String]) throws -> String {
        let r = try cli.run(["draft"] + args + Self.asOf)
        #expect(r.status == 0, "\(args): \(r)")
        return r.stdout
    }

    @Test func aReminderNamesTheAuthorityTheLetterAndTheWait() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let text = try draft(cli, ["reminder", "--letter", "1"])
        #expect(text.hasPrefix("4 March 1920\n"), "the date line, written out in full: \(text)")
        #expect(text.contains("To: Moscow postal-telegraph supply centre\n"))
        #expect(text.contains("From: Dmitrov postal-telegraph employees\n"))
        #expect(text.contains("Subject: Reminder: our letter of 20 January 1920 (Appeal), unanswered for 44 days\n"))
        #expect(
            text.contains(
                "Our letter of 20 January 1920 (\"Appeal\") has been unanswered for 44 days. A reply was due on 10 February 1920; it is now 20 working days past due."
            ))
        #expect(text.contains("January and February 1920 under the Decree of 15 August 1918"))
        #expect(text.contains("3,400 funt of wheat (1,392.342 kg)"))
        #expect(text.contains("[signature]"))
        #expect(!text.contains("{{") && !text.contains("&#39;") && !text.contains("&quot;"), "plain text, nothing escaped: \(text)")
    }

    /// The grounds of an escalation are letters whose reply is overdue: a letter on the petition sent that very day (not
    /// yet due), or one to the authority now written to, is not cited as "no answer".
    @Test func anEscalationCitesOnlyOverdueLettersToTheOneBelow() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try draft(cli, ["escalation", "--petition", "1"])
        #expect(before.contains("To: People's Commissariat of Posts and Telegraphs\n"))
        for (to, subject) in [("moscow-supply", "Second appeal, sent today"), ("narkompochtel", "To the Commissariat, sent today")] {
            let sent = try cli.run([
                "letter", "send", "--from", "dmitrov-post", "--to", to, "--on", "1920-03-04", "--subject", subject, "--petition", "1",
            ])
            #expect(sent.status == 0, "\(sent)")
        }
        let after = try draft(cli, ["escalation", "--petition", "1"])
        #expect(!after.contains("sent today"), "\(after)")
        #expect(after == before, "the letters sent on the day change nothing in the escalation")
    }

    @Test func anEscalationGoesAboveAndCitesLettersDecreeAndArrears() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let text = try draft(cli, ["escalation", "--petition", "1"])
        #expect(text.contains("To: People's Commissariat of Posts and Telegraphs\n"), "the parent of the Moscow supply centre: \(text)")
        #expect(
            text.contains("Moscow postal-telegraph supply centre, which answers to you, has not answered our letter."), "one letter cited: \(text)")
        #expect(text.contains("This letter of ours has had no answer:\n"), "\(text)")
        #expect(
            text.contains(
                "the letter of 20 January 1920 to Moscow postal-telegraph supply centre (\"Appeal\"), unanswered for 44 days, 20 working days past due"
            ))
        #expect(text.contains("The deliveries of January and February 1920 under the Decree of 15 August 1918 have not been made"))
        #expect(text.contains("- January 1920: not delivered, 1,700 funt of wheat owed, due on 1 January 1920, 63 days late;"))
        #expect(text.contains("- February 1920: not delivered, 1,700 funt of wheat owed, due on 1 February 1920, 32 days late;"))
        #expect(text.contains("3,400 funt of wheat (1,392.342 kg)"))

        let above = try draft(cli, ["escalation", "--petition", "1", "--to", "sovnarkom"])
        #expect(above.contains("To: Council of People's Commissars\n"))
        #expect(above.contains("which answers to you"), "sovnarkom is above the supply centre too")

        // Kropotkin's petition to the Council: nobody above it, so --to is needed, and it is written through him.
        let top = try cli.run(["draft", "escalation", "--petition", "3"] + Self.asOf)
        #expect(top.status == 65, "\(top)")
        #expect(top.stderr.contains("sovnarkom") && top.stderr.contains("--to"), "\(top.stderr)")
        let sideways = try draft(cli, ["escalation", "--petition", "3", "--to", "narkompochtel"])
        #expect(sideways.contains("From: Dmitrov postal-telegraph employees, through Pëtr Kropotkin\n"))
        #expect(!sideways.contains("which answers to you"), "the Commissariat is below the Council, not above it")
        #expect(sideways.contains("Pëtr Kropotkin, for Dmitrov postal-telegraph employees"))

        // Not back to the silent authority itself, and a person is said to be one.
        let back = try cli.run(["draft", "escalation", "--petition", "1", "--to", "moscow-supply"] + Self.asOf)
        #expect(
            back.status == 65
                && back.stderr
                    == "error: --to 'moscow-supply' is the authority petition 1 is addressed to (Moscow postal-telegraph supply centre); "
                    + "an escalation goes to an authority above it (its parent is narkompochtel).\n",
            "\(back)")
        let person = try cli.run(["draft", "escalation", "--petition", "1", "--to", "kropotkin"] + Self.asOf)
        #expect(
            person.status == 65 && person.stderr == "error: --to: 'kropotkin' is a person (Pëtr Kropotkin), but an authority is needed here.\n",
            "\(person)")
    }

    @Test func aDigestCoversEveryOverdueItemOfTheAuthority() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let text = try draft(cli, ["digest", "--authority", "moscow-supply"])
        #expect(text.contains("To: Moscow postal-telegraph supply centre\n"))
        #expect(text.contains("Subject: Overdue as of 4 March 1920: 1 letter unanswered and 2 deliveries not made\n"))
        #expect(text.contains("the letter of 20 January 1920 from Dmitrov postal-telegraph employees (\"Appeal\"), unanswered for 44 days"))
        #expect(text.contains("- January 1920, for Dmitrov postal-telegraph employees: not delivered, 1,700 funt of wheat owed"))
        #expect(text.contains("- February 1920, for Dmitrov postal-telegraph employees: not delivered, 1,700 funt of wheat owed"))
        #expect(!text.contains("March 1920, for"), "March is still within its grace")
        #expect(text.contains("in all, what is owed comes to 3,400 funt of wheat (1,392.342 kg)."))
        let nothing = try cli.run(["draft", "digest", "--authority", "narkompochtel"] + Self.asOf)
        #expect(nothing.status == 65 && nothing.stderr.contains("nothing overdue"), "\(nothing)")
    }

    /// README: "the digest written for the office is from the office's name". It said it was from the one group its
    /// items concerned, even once the office had a name of its own.
    @Test func aDigestIsFromTheOfficesName() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["office", "set", "--name", "Dmitrov district petitions office"]).status == 0)
        let text = try draft(cli, ["digest", "--authority", "moscow-supply"])
        #expect(text.contains("From: Dmitrov district petitions office\n"), "\(text)")
        #expect(text.contains("[signature]\nDmitrov district petitions office\n"), "\(text)")
        #expect(!text.contains("From: Dmitrov postal-telegraph employees"), "\(text)")
    }

    @Test func aTemplateOverridesTheBuiltInOne() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("mine.mustache")
        try "Dear {{addressee.name}}: {{#letters}}{{date}} waited {{waited}}.{{/letters}} Owed: {{owed}}.\n".write(
            to: file, atomically: true, encoding: .utf8)
        let text = try draft(cli, ["escalation", "--petition", "1", "--template", file.path])
        #expect(
            text == "Dear People's Commissariat of Posts and Telegraphs: 20 January 1920 waited 44 days. Owed: 3,400 funt of wheat (1,392.342 kg).\n",
            "\(text)")
        try "{{#letters}}unclosed\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try cli.run(["draft", "reminder", "--letter", "1", "--template", file.path] + Self.asOf)
        #expect(bad.status == 65 && bad.stderr.contains(file.path), "\(bad)")
        let missing = try cli.run(["draft", "reminder", "--letter", "1", "--template", "/nonexistent/x.mustache"] + Self.asOf)
        #expect(missing.status == 66, "\(missing)")
    }

    @Test func aDraftRecordsNothing() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let out = cli.directory.appendingPathComponent("reminder.txt").path
        _ = try draft(cli, ["reminder", "--letter", "1"])
        _ = try draft(cli, ["escalation", "--petition", "1"])
        _ = try draft(cli, ["digest", "--authority", "moscow-supply"])
        #expect(try cli.run(["draft", "reminder", "--letter", "1", "--output", out] + Self.asOf).status == 0)
        #expect(try BadInputTests.snapshot(cli) == before)

        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "a draft names people: readable by its owner only")
        let again = try cli.run(["draft", "reminder", "--letter", "1", "--output", out] + Self.asOf)
        #expect(again.status == 73 && again.stderr.contains("--force"), "\(again)")
        #expect(try cli.run(["draft", "reminder", "--letter", "1", "--output", out, "--force"] + Self.asOf).status == 0)
    }

    @Test func aLetterSentFromADraftKeepsItsText() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("reminder.txt")
        #expect(try cli.run(["draft", "reminder", "--letter", "1", "--output", file.path] + Self.asOf).status == 0)
        let body = try String(contentsOf: file, encoding: .utf8)
        let r = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-05", "--petition", "1",
            "--from-draft", file.path, "--format", "json",
        ])
        #expect(r.status == 0, "\(r)")
        let letter = try #require(try CLI.json(r) as? [String: Any])
        #expect(letter["subject"] as? String == "Reminder: our letter of 20 January 1920 (Appeal), unanswered for 44 days")
        #expect(
            (letter["summary"] as? String)?.hasPrefix("Our letter of 20 January 1920 (\"Appeal\") has been unanswered for 44 days.") == true,
            "\(letter)")
        let events = try #require(try CLI.json(cli.run(["events", "--kind", "letter.sent", "--format", "json"])) as? [[String: Any]])
        let payload = try #require(events.last?["payload"] as? [String: Any])
        #expect(payload["body"] as? String == body)
        #expect(events.dropLast().allSatisfy { ($0["payload"] as? [String: Any])?["body"] == nil }, "letters sent without a draft carry no body")

        // --subject still wins; without --subject or --from-draft the command is a usage error.
        let own = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-06", "--from-draft", file.path,
            "--subject", "Second reminder", "--format", "json",
        ])
        #expect((try CLI.json(own) as? [String: Any])?["subject"] as? String == "Second reminder", "\(own)")
        let neither = try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-06"])
        #expect(neither.status == 64, "\(neither)")
        let missing = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-06",
            "--from-draft", cli.directory.appendingPathComponent("none.txt").path,
        ])
        #expect(missing.status == 66, "\(missing)")
    }

    @Test(arguments: [
        (["reminder", "--letter", "99"], "99"),
        (["escalation", "--petition", "99"], "99"),
        (["escalation", "--petition", "1", "--to", "nobody"], "nobody"),
        (["digest", "--authority", "moscow-suply"], "moscow-suply"),
    ])
    func unknownValuesAreNamed(args: [String], value: String) throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["draft"] + args + Self.asOf)
        #expect(r.status == 65, "\(args): \(r)")
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains(value) && r.stderr.contains("--"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aReminderOfAnAnsweredLetterIsRefused() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        #expect(
            try cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-01", "--subject", "Answer", "--in-reply-to",
                "1",
            ]).status == 0)
        let r = try cli.run(["draft", "reminder", "--letter", "1"] + Self.asOf)
        #expect(r.status == 65 && r.stderr.contains("answered by letter 4"), "\(r)")
    }

    @Test("a reminder the letter alone refuses says why, whatever else the ledger holds")
    func aReminderRefusedFromTheLetterAlone() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let recorded: [[String]] = [
            ["letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-01", "--subject", "Circular"],
            [
                "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-02-02", "--subject", "Thanks",
                "--no-reply-expected",
            ],
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-02-03", "--subject", "Typed twice"],
            ["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-10", "--subject", "Later"],
        ]
        var ids: [String] = []
        for args in recorded {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
            // "Recorded letter sent 7: Thanks"
            let words = r.stdout.split(separator: "\n").first?.split(separator: " ") ?? []
            ids.append(try #require(words.lazy.map { String($0.dropLast($0.hasSuffix(":") ? 1 : 0)) }.first { Int($0) != nil }, "\(r)"))
        }
        #expect(try cli.run(["letter", "void", ids[2], "--reason", "typed twice"]).status == 0)
        let expected = [
            (ids[0], "was received from moscow-supply; a reminder follows up a letter sent"),
            (ids[1], "expects no reply"),
            (ids[2], "is void"),
            (ids[3], "was sent on 10 March 1920, after 4 March 1920"),
        ]
        for (id, why) in expected {
            let r = try cli.run(["draft", "reminder", "--letter", id] + Self.asOf)
            #expect(r.status == 65 && r.stdout.isEmpty && r.stderr == "error: --letter '\(id)' \(why).\n", "\(id): \(r)")
        }
        let missing = try cli.run(["draft", "reminder", "--letter", "999"] + Self.asOf)
        #expect(missing.status != 0 && missing.stderr.hasPrefix("error: --letter: no letter with id 999"), "\(missing)")
    }
}
