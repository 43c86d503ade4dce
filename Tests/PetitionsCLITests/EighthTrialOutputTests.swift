import Foundation
import PetitionsTestSupport
import Testing

/// What the eighth trial found in what the command line says and means (its numbers kept), each as a user meets it.
@Suite struct EighthTrialOutputTests {
    /// The Dmitrov ledger, and a second petition of Pëtr Kropotkin carried by Ivan Petrov, with its letter sent on
    /// 1 February 1920 (a reply due a month later, by the default rules).
    static func withIntermediary() throws -> CLI {
        let cli = try BadInputTests.dmitrov()
        let steps: [[String]] = [
            ["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov"],
            [
                "petition", "log", "--from", "kropotkin", "--to", "moscow-supply", "--via", "ivan-petrov", "--subject", "Ration card", "--on",
                "1920-02-01",
            ],
            ["letter", "send", "--from", "kropotkin", "--to", "moscow-supply", "--on", "1920-02-01", "--subject", "Ration card", "--petition", "2"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    // MARK: - 13: one meaning of "open petitions"

    @Test func openPetitionsAreThoseWithStatusOpenInTheHeadlineAsInTheStatusCount() throws {
        let cli = try Self.withIntermediary()
        defer { cli.remove() }
        #expect(try cli.run(["petition", "status", "2", "--to", "waiting_on_petitioner", "--on", "1920-02-10"]).status == 0)
        let json = try cli.run(["report", "--as-of", "1920-03-04", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try #require(report["summary"] as? [String: Any])
        let statuses = try #require(report["petitions"] as? [[String: Any]]).compactMap { $0["status"] as? String }
        #expect(statuses.sorted() == ["open", "waiting_on_petitioner"])
        #expect(summary["open_petitions"] as? Int == 1, "the one whose status is open: \(summary)")
        let text = try cli.run(["report", "--as-of", "1920-03-04"])
        #expect(text.stdout.contains("1 open petition.") && !text.stdout.contains("2 open petitions"), "\(text.stdout)")
        // The list a clerk would check it against says the same.
        let open = try cli.run(["petition", "list", "--status", "open", "--format", "json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]])
        #expect(listed.count == 1)
    }

    // MARK: - 14: check --min-severity counts what it lists

    /// The number in `check`'s header ("N findings (…)") and the findings it lists.
    static func headerAndListed(_ r: CLI.Result) -> (header: Int?, listed: Int) {
        let first = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let number = first.split(separator: ":").dropFirst().first?.split(separator: " ").first.flatMap { Int($0) }
        return (number, r.stdout.split(separator: "\n").filter { $0.hasPrefix("- [") }.count)
    }

    @Test func checkWithAMinimumSeverityCountsWhatItLists() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let all = Self.headerAndListed(try cli.run(["check", "--as-of", "1920-03-04"]))
        #expect(all.header == all.listed, "\(all)")
        var fewer = false
        for min in ["overdue", "critical"] {
            let r = try cli.run(["check", "--as-of", "1920-03-04", "--min-severity", min])
            let shown = Self.headerAndListed(r)
            #expect(shown.header == shown.listed, "--min-severity \(min): \(r.stdout)")
            if shown.listed < all.listed {
                fewer = true
                #expect(r.stdout.contains("\(all.listed - shown.listed) less serious than \(min) not shown"), "\(r.stdout)")
            }
            #expect(r.status == 1, "--fail-on still judges every finding: \(r)")
        }
        #expect(fewer, "the ledger has findings below the minimum, so the test can tell: \(all)")
    }

    // MARK: - 11, 12: reminders

    @Test func aReminderOfALetterNotYetLateIsRefusedAsAnEscalationIs() throws {
        let cli = try Self.withIntermediary()
        defer { cli.remove() }
        for day in ["1920-02-01", "1920-02-15"] {
            let r = try cli.run(["draft", "reminder", "--letter", "2", "--as-of", day])
            #expect(r.status == 65 && r.stderr.contains("--letter '2'") && r.stderr.contains("not yet late"), "\(day): \(r)")
            LeftoverDefectTests.oneSentence(r)
            #expect(r.stdout.isEmpty && !r.stderr.contains("without further delay"), "\(r)")
        }
        let late = try cli.run(["draft", "reminder", "--letter", "2", "--as-of", "1920-03-20"])
        #expect(late.status == 0, "\(late)")
    }

    @Test func aReminderIsFromThePetitionerThroughTheIntermediaryAsTheEscalationIs() throws {
        let cli = try Self.withIntermediary()
        defer { cli.remove() }
        let from = "From: Pëtr Kropotkin, through Ivan Petrov"
        let reminder = try cli.run(["draft", "reminder", "--letter", "2", "--as-of", "1920-03-20"])
        #expect(reminder.status == 0 && reminder.stdout.contains(from), "\(reminder)")
        let escalation = try cli.run(["draft", "escalation", "--petition", "2", "--as-of", "1920-03-20", "--to", "sovnarkom"])
        #expect(escalation.status == 0 && escalation.stdout.contains(from), "\(escalation)")
        // A letter of a petition with no intermediary is from its petitioner alone.
        let plain = try cli.run(["draft", "reminder", "--letter", "1", "--as-of", "1920-03-04"])
        #expect(plain.stdout.contains("From: Dmitrov postal-telegraph employees\n"), "\(plain)")
    }

    // MARK: - 18: the office as a party

    @Test func theOfficesLettersAreListedByPartyAndAnOfficeIsNoAuthorityToEscalateTo() throws {
        let cli = try Self.withIntermediary()
        defer { cli.remove() }
        let sent = ["letter", "send", "--from", "dmitrov", "--to", "moscow-supply", "--on", "1920-02-02", "--subject", "From the office"]
        #expect(try cli.run(sent).status == 0)
        for party in ["dmitrov", "0"] {
            let r = try cli.run(["events", "--party", party])
            #expect(r.status == 0 && r.stdout.contains("From the office"), "--party \(party): \(r)")
        }
        let r = try cli.run(["draft", "escalation", "--petition", "2", "--as-of", "1920-03-20", "--to", "dmitrov"])
        #expect(r.status == 65 && r.stderr.contains("'dmitrov' is an office") && r.stderr.contains("an authority is needed"), "\(r)")
        LeftoverDefectTests.oneSentence(r)
    }

    // MARK: - 22: deadline reads the ledger's calendar

    @Test func deadlineUsesTheLedgersCalendarAndSaysSo() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let rsfsr = RuleTests.rsfsr
        #expect(try cli.run(["calendar", "set", rsfsr]).status == 0)
        let span = ["deadline", "--from", "1920-03-01", "--within", "20 working days"]
        let text = try cli.run(span)
        #expect(text.status == 0 && text.stdout.contains("Calendar: the ledger's own"), "\(text)")
        let json = try cli.run(span + ["--format", "json"])
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(answer["calendar"] as? String == "ledger", "\(answer)")
        // The same day as a letter recorded with that span gets, and as the file itself gives.
        let sent = try cli.run([
            "letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-03-01", "--subject", "Again",
            "--reply-within", "20 working days", "--format", "json",
        ])
        #expect(sent.status == 0, "\(sent)")
        let letter = try #require(try JSONSerialization.jsonObject(with: Data(sent.stdout.utf8)) as? [String: Any])
        #expect(answer["due"] as? String == letter["reply_due"] as? String, "\(answer) \(letter)")
        let file = try cli.run(span + ["--calendar", rsfsr, "--format", "json"], withDB: false)
        #expect(file.stdout.contains(#""due" : "\#(answer["due"] as? String ?? "?")""#), "\(file)")
        let builtIn = try cli.run(span + ["--format", "json"], withDB: false)
        #expect(
            builtIn.status == 0 && !builtIn.stdout.contains(#""due" : "\#(answer["due"] as? String ?? "?")""#),
            "Saturdays work under rsfsr-1920: \(builtIn)")
        // A ledger named but not there is refused as for any reading command.
        let missing = try CLI.exec(span + ["--db", cli.directory.appendingPathComponent("none.sqlite").path], environment: cli.environment)
        #expect(missing.status == 66, "\(missing)")
    }

    // MARK: - 19: show commands show their own kind

    @Test func aKindSpecificShowRefusesAnotherKindNamingIt() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let cases: [([String], String)] = [
            (
                ["petitioner", "show", "sovnarkom"],
                "is an authority (Council of People's Commissars), not a petitioner; petitions authority show sovnarkom"
            ),
            (["group", "show", "kropotkin"], "is a petitioner (Pëtr Kropotkin), not a group; petitions petitioner show kropotkin"),
            (["authority", "show", "dmitrov-post"], "is a group (Dmitrov postal-telegraph employees), not an authority"),
            (["petitioner", "show", "0"], "is the office that keeps this ledger (dmitrov), not a petitioner; petitions office show shows it"),
            (["authority", "show", "dmitrov"], "is the office that keeps this ledger"),
            (["office", "show", "sovnarkom"], "is an authority (Council of People's Commissars), not an office"),
        ]
        for (args, said) in cases {
            let r = try cli.run(args)
            #expect(r.status == 65 && r.stderr.contains(said) && r.stdout.isEmpty, "\(args): \(r)")
            LeftoverDefectTests.oneSentence(r)
        }
        for args in [
            ["petitioner", "show", "kropotkin"], ["group", "show", "dmitrov-post"], ["authority", "show", "sovnarkom"], ["office", "show"],
            ["office", "show", "dmitrov"],
        ] {
            #expect(try cli.run(args).status == 0, "\(args)")
        }
    }

    // MARK: - 21: the listings' CSV has the report's columns, added at the end

    @Test func overdueCSVKeepsItsColumnsAndAddsTheCommodityAndAmountsAtTheEnd() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["overdue", "--as-of", "1920-03-04", "--format", "csv"])
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            lines.first
                == "delivery,decree,recipient,supplier,period,due,overdue_since,days_overdue,severity,expected,received,shortfall,"
                + "consecutive_missed,commodity,unit,expected_amount,received_amount,shortfall_amount,message", "\(r)")
        #expect(
            lines.dropFirst().allSatisfy {
                $0.contains(",critical,1700 funt wheat,0 funt wheat,1700 funt wheat,") && $0.contains(",wheat,funt,1700,0,1700,\"")
            }, "\(r)")
    }

    @Test func unansweredCSVAddsToNameFollowUpsEscalationAndMessageAtTheEnd() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["unanswered", "--as-of", "1920-03-04", "--format", "csv"])
        let lines = r.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(
            lines.first
                == "letter,from,from_name,to,subject,sent,due,days_waiting,days_overdue,working_days_overdue,severity,petition,action,"
                + "to_name,follow_ups,escalate_to,message", "\(r)")
        #expect(lines.count == 2 && lines[1].contains(",Moscow postal-telegraph supply centre,0,,\"No reply from"), "\(r)")
    }

    // MARK: - Smaller

    @Test func aReportSinceADayAfterItsOwnIsRefused() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["report", "--as-of", "1920-03-04", "--since", "1920-04-01"])
        #expect(r.status == 65 && r.stderr.contains("--since '1920-04-01' is after the report's day") && r.stdout.isEmpty, "\(r)")
        LeftoverDefectTests.oneSentence(r)
        #expect(try cli.run(["report", "--as-of", "1920-03-04", "--since", "1920-03-04"]).status == 0)
    }

    @Test func letterHelpSaysLettersGoBetweenAnyTwoPartiesOneAnAuthorityOrTheOffice() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for command in ["send", "receive"] {
            let r = try cli.run(["letter", command, "--help"], withDB: false)
            let help = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(r.status == 0 && help.contains("one of the two is an authority or the office"), "\(r)")
            #expect(!help.contains("from a petitioner (or intermediary) to an authority") && !help.contains("person or group written to"), "\(r)")
        }
    }
}
