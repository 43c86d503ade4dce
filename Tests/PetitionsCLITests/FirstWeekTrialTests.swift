import Foundation
import PetitionsTestSupport
import Testing

/// Defects a caseworker's first week with the tool found (trial of 3 December 2026), each as the caseworker met it, on
/// the Dmitrov ledger of Kropotkin's letter.
@Suite struct FirstWeekTrialTests {
    static let asOf = ["--as-of", "1920-03-04"]

    func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
        return r
    }

    // MARK: - 1: a part-delivered period

    /// January came in part (200 of 1,700 funt), February not at all: everything that words a late delivery says
    /// January was partly delivered with what is still owed, and never that it was not delivered or not made.
    @Test func aPartDeliveredPeriodIsPartlyDeliveredEverywhere() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        _ = try ok(
            cli,
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-15",
                "--quantity", "200 funt wheat",
            ])
        let january =
            "January 1920 under Decree of 15 August 1918 partly delivered; 1,500 funt wheat still owed (200 funt wheat of 1,700 funt wheat received)"
        let february = "February 1920 under Decree of 15 August 1918 not delivered; 1,700 funt wheat owed (nothing received)"
        for args in [["check"], ["overdue"], ["report", "--format", "markdown"]] {
            let r = try cli.run(args + Self.asOf)
            #expect(r.stdout.contains(january), "\(args): \(r.stdout)")
            #expect(r.stdout.contains(february), "\(args): \(r.stdout)")
            #expect(!r.stdout.contains("January 1920 under Decree of 15 August 1918 not delivered"), "\(args): \(r.stdout)")
            #expect(!r.stdout.contains("periods missed"), "January was not missed: \(args): \(r.stdout)")
        }
        let check = try cli.run(["check"] + Self.asOf)
        #expect(check.stdout.contains("2 consecutive periods not delivered in full"), "\(check.stdout)")
        let report = try ok(cli, ["report", "--format", "markdown"] + Self.asOf)
        #expect(report.stdout.contains("2 months not delivered in full since January 1920"), "\(report.stdout)")

        let digest = try ok(cli, ["draft", "digest", "--authority", "moscow-supply"] + Self.asOf).stdout
        #expect(
            digest.contains("Subject: Overdue as of 4 March 1920: 1 letter unanswered and 1 delivery not made and 1 made only in part\n"), "\(digest)"
        )
        #expect(digest.contains("Deliveries under the Decree of 15 August 1918 that have not been made in full:\n"), "\(digest)")
        #expect(
            digest.contains("- January 1920, for Dmitrov postal-telegraph employees: partly delivered, 1,500 funt of wheat still owed, due on"),
            "\(digest)")
        #expect(
            digest.contains("- February 1920, for Dmitrov postal-telegraph employees: not delivered, 1,700 funt of wheat owed, due on"), "\(digest)")
        for kind in [["reminder", "--letter", "1"], ["escalation", "--petition", "1"]] {
            let text = try ok(cli, ["draft"] + kind + Self.asOf).stdout
            #expect(text.contains("have not been made in full:\n"), "\(kind): \(text)")
            #expect(text.contains("- January 1920: partly delivered, 1,500 funt of wheat still owed, due on 1 January 1920"), "\(kind): \(text)")
        }
        // The JSON keeps its keys: the shortfall is still the shortfall.
        let json = try #require(try CLI.json(try ok(cli, ["overdue", "--format", "json"] + Self.asOf)) as? [[String: Any]])
        #expect(json.first?["shortfall"] != nil && json.first?["consecutive_missed"] as? Int == 2, "\(json)")
    }

    /// A period short by a thousandth of a funt is partly delivered, not "not delivered".
    @Test func aPeriodShortByAThousandthIsPartlyDelivered() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        _ = try ok(
            cli,
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-15",
                "--quantity", "1699.999 funt wheat",
            ])
        let r = try cli.run(["overdue"] + Self.asOf)
        #expect(r.stdout.contains("January 1920 under Decree of 15 August 1918 partly delivered; 0.001 funt wheat still owed"), "\(r.stdout)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 7: a voided letter

    /// A letter typed twice and voided expects no reply: `letter show` said "reply expected, due …: none yet" under
    /// "(void)", and its JSON `expects_reply` true with a `reply_due`; the message said "from now on" though it counts
    /// for nothing as of earlier days too; and a void dated after today was taken, where a receipt's is refused.
    @Test func aVoidedLetterExpectsNoReply() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let later = try cli.run(["letter", "void", "2", "--reason", "Typed twice; never sent", "--on", "2999-01-01"])
        #expect(later.status == 65 && later.stderr.contains("--on '2999-01-01' is after today"), "\(later)")
        #expect(try cli.run(["letter", "show", "2"]).stdout.contains("(void)") == false, "nothing was recorded")

        let void = try ok(cli, ["letter", "void", "2", "--reason", "Typed twice; never sent", "--on", "1920-03-05"])
        #expect(void.stdout.hasPrefix("Voided letter 2 on 1920-03-05: it counts for nothing, as of any day, and no reply is expected of it.\n"))
        let show = try ok(cli, ["letter", "show", "2"]).stdout
        #expect(show.contains("(void)") && !show.contains("reply expected") && !show.contains("none yet"), "\(show)")
        #expect(show.contains("no reply is expected of it"), "\(show)")
        let json = try #require(try CLI.json(try ok(cli, ["letter", "show", "2", "--format", "json"])) as? [String: Any])
        #expect(json["expects_reply"] as? Bool == false && json["reply_due"] is NSNull && json["voided"] as? Bool == true, "\(json)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 3: a head-count category no decree rations

    /// `group edit --count employe=5` was kept silently and the group counted five people no decree provides for; a
    /// decree's `--ration "employe: …"` likewise. Each is warned of on stderr with the closest category, and kept.
    @Test func aMistypedCategoryIsWarnedOfWithTheClosest() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let edit = try ok(cli, ["group", "edit", "dmitrov-post", "--count", "employe=5"])
        #expect(edit.stderr.contains("warning: --count employe: no decree has a ration for 'employe' (did you mean employee?)"), "\(edit)")
        let known = try ok(cli, ["group", "edit", "dmitrov-post", "--count", "employee=130", "--count", "employe=0"])
        #expect(known.stderr.isEmpty, "a category a decree rations, and one removed, are not warned of: \(known)")
        let decree = try ok(
            cli,
            [
                "decree", "add", "--handle", "soap-1920", "--name", "Soap decree", "--issued", "1920-01-01", "--supplier", "moscow-supply",
                "--ration", "employe: 1 piece soap",
            ])
        #expect(
            decree.stderr.contains("warning: --ration employe: no group counts 'employe' and no other decree rations it; did you mean employee?"),
            "\(decree)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 2: the digest asks only for what it lists

    /// With the letter answered, the digest lists only deliveries, yet ended "Please answer each of these letters and
    /// send what is owed"; with letters, the last one listed ended with ";" before a new paragraph.
    @Test func theDigestAsksOnlyForWhatItLists() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let withLetter = try ok(cli, ["draft", "digest", "--authority", "moscow-supply"] + Self.asOf).stdout
        #expect(withLetter.contains("past due (a reply was due on 10 February 1920).\n"), "the last letter ends the sentence: \(withLetter)")
        #expect(withLetter.contains("Please answer each of these letters and send what is owed, or tell us"), "\(withLetter)")
        _ = try ok(
            cli,
            [
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-02-20", "--subject", "Answer",
                "--in-reply-to", "1",
            ])
        let noLetter = try ok(cli, ["draft", "digest", "--authority", "moscow-supply"] + Self.asOf).stdout
        #expect(!noLetter.contains("these letters") && !noLetter.contains("Letters that"), "\(noLetter)")
        #expect(noLetter.contains("Please send what is owed, or tell us in writing why you cannot, and who can."), "\(noLetter)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 6: a status change's note

    /// `petition status 1 --to answered --note "Partial answer"` kept the note only in the event's payload: the
    /// event's summary, which `events` and the history of `petition show` list, read only "changed from open to
    /// answered".
    @Test func aStatusNoteIsInTheEventsSummary() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        _ = try ok(cli, ["petition", "status", "1", "--to", "answered", "--on", "1920-03-20", "--note", "Partial answer"])
        let events = try #require(try CLI.json(try ok(cli, ["events", "--petition", "1", "--format", "json"])) as? [[String: Any]])
        #expect(events.contains { $0["summary"] as? String == "Petition 1 changed from open to answered: Partial answer" }, "\(events)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 13: a backup into a missing folder

    /// The help's example `backup backups/dmitrov-1920-03-04.sqlite` failed without backups/ with "error: The backup …
    /// cannot be created: No such file or directory." (a capital, the system's words, the folder unnamed).
    @Test func aBackupIntoAMissingFolderSaysTheFolder() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["backup", "no-such-folder/dmitrov.sqlite"])
        #expect(r.status == 73, "\(r)")
        #expect(
            r.stderr
                == "error: backup: no-such-folder/dmitrov.sqlite cannot be created: the folder no-such-folder does not exist; create it first (mkdir -p no-such-folder) or name another.\n",
            "\(r)")
        let help = try cli.run(["backup", "--help"]).stdout
        #expect(!help.contains("backups/"), "the example works as given: \(help)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 11: the usage of the command given

    /// `user password anna` without --password-stdin printed the usage of the whole tool, "petitions <subcommand>".
    @Test func aPasswordWithoutStdinShowsItsOwnUsage() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["user", "password", "anna"])
        #expect(r.status == 64 && r.stderr.contains("--password-stdin is required"), "\(r)")
        #expect(r.stderr.contains("Usage: petitions user password") && !r.stderr.contains("<subcommand>"), "\(r)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 8: an extended letter

    /// `check` said "Extended 1 time." of a letter whose due day was extended.
    @Test func anExtendedLetterSaysItsDueDayWasExtendedOnce() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        _ = try ok(cli, ["letter", "extend", "1", "--by", "1 week", "--reason", "They asked for time", "--on", "1920-02-12"])
        let check = try cli.run(["check"] + Self.asOf)
        #expect(check.stdout.contains("Its due day was extended once."), "\(check.stdout)")
        #expect(!check.stdout.contains("1 time."), "\(check.stdout)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 4 and 5: help examples paste whole, with the walk-through's handles

    /// Every command's help, as it prints without a terminal (COLUMNS unset: 80 columns): each example line is a
    /// command, a comment or the continuation of a line ending in "\" (ArgumentParser split `petition note`'s example
    /// mid-quote), and names petitioners as the walk-through makes them (`petr-kropotkin`, not `kropotkin`).
    @Test func everyHelpExamplePastesWhole() throws {
        let cli = try CLI()
        defer { cli.remove() }
        var pending: [[String]] = [[]]
        var seen = 0
        while let path = pending.popLast() {
            seen += 1
            let help = try cli.run(path + ["--help"], withDB: false).stdout
            let sections = help.components(separatedBy: "\n\n")
            if let start = help.range(of: "\nExample")?.upperBound {
                let block = help[start...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                var previous = ""
                for raw in block {
                    let line = raw.trimmingCharacters(in: .whitespaces)
                    if line.isEmpty || line.hasPrefix("USAGE") { break }
                    let whole = line.hasPrefix("petitions") || line.hasPrefix("#") || line.hasPrefix("printf") || previous.hasSuffix("\\")
                    #expect(whole, "\(path.joined(separator: " ")): an example line split by the 80-column wrapping: \(line)")
                    let words = line.split(separator: " ")
                    if !line.hasPrefix("petitions search") {
                        #expect(
                            !words.contains("kropotkin") && !words.contains("lenin"),
                            "\(path.joined(separator: " ")): a handle the walk-through never makes: \(line)")
                    }
                    previous = line
                }
            }
            guard let subs = sections.first(where: { $0.hasPrefix("SUBCOMMANDS:") }) else { continue }
            for line in subs.split(separator: "\n").dropFirst() where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                guard let name = line.split(separator: " ").first.map(String.init), name != "help" else { continue }
                pending.append(path + [name])
            }
        }
        #expect(seen > 60, "every command's help was read: \(seen)")
    }
}

extension FirstWeekTrialTests {
    // MARK: - 12: a letter id that is not there

    /// `letter extend 99` said only "no letter with id 99." where `receipt void 99` and `petition show 99` say how far
    /// the ids run.
    @Test func aMissingLetterSaysHowFarTheIdsRun() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        for (args, field) in [
            (["letter", "extend", "99", "--by", "1 week", "--reason", "x"], "letter"), (["letter", "show", "99"], "letter"),
            (["letter", "void", "99", "--reason", "x"], "letter"), (["draft", "reminder", "--letter", "99"] + Self.asOf, "--letter"),
        ] {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.stderr == "error: \(field): no letter with id 99 (ids run up to 3).\n", "\(args): \(r)")
        }
    }
}
