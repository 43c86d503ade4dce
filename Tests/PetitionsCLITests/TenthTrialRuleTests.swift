import Foundation
import PetitionsTestSupport
import Testing

/// The rules of the use cases the tenth (web) trial found broken, through the command line: what the CLI says here
/// the API and the web pages say too, as they call the same use cases.
@Suite struct TenthTrialRuleTests {
    func receive(_ cli: CLI, _ period: String, on day: String, _ quantities: [String]) throws -> CLI.Result {
        try cli.run(
            ["delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", period, "--on", day]
                + quantities.flatMap { ["--quantity", $0] })
    }

    /// 1,699 funt and 409.5 g of wheat for 1,700 funt is 0.01241 g short: three decimals of a funt round it to 0, and the
    /// delivery looked complete ("short 0 funt"), in the CLI, the API and the web pages alike.
    @Test func aShortfallTooSmallForThreeDecimalsIsNeverShownAsZero() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try receive(cli, "1920-01", on: "1920-01-06", ["1699 funt wheat"]).status == 0)
        let last = try receive(cli, "1920-01", on: "1920-01-07", ["409.5 g wheat"])
        #expect(last.status == 0, "\(last)")
        #expect(last.stdout.contains("short 0.00003 funt"), "\(last.stdout)")
        #expect(!last.stdout.contains("short 0 funt"), "\(last.stdout)")
        let shown = try #require(try CLI.json(cli.run(["delivery", "show", "5", "--format", "json"])) as? [String: Any])
        #expect(shown["status"] as? String == "partial")
        let line = try #require((shown["lines"] as? [[String: Any]])?.first)
        let short = try #require(line["shortfall"] as? [String: Any])
        #expect((short["amount"] as? NSNumber)?.doubleValue == 0.00003 && short["unit"] as? String == "funt", "\(short)")
        let overdue = try #require(try CLI.json(cli.run(["overdue", "--as-of", "1920-03-04", "--format", "json"])) as? [[String: Any]])
        let january = try #require(overdue.first { $0["period"] as? String == "1920-01" }, "still owed: \(overdue)")
        let owed = try #require((january["shortfall"] as? [[String: Any]])?.first)
        #expect((owed["amount"] as? NSNumber)?.doubleValue == 0.00003, "\(owed)")
        let text = try cli.run(["overdue", "--as-of", "1920-03-04"])
        #expect(!text.stdout.contains(" 0 funt wheat"), "\(text.stdout)")
        // Nor does what came read as all of it: 1,699.99997 funt, not 1,700.
        #expect(text.stdout.contains("1,699.99997 funt wheat of 1,700 funt wheat received"), "\(text.stdout)")
        #expect(try cli.run(["delivery", "show", "5"]).stdout.contains("received 1,699.99997 funt"))
    }

    /// A receipt dated after today (recorded with a warning) made the delivery "complete" in `delivery list` and
    /// `delivery show` while `overdue` still listed it with nothing received. It counts from its day, everywhere.
    @Test func aReceiptAfterTodayDoesNotCountBeforeItsDay() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let later = try receive(cli, "1920-03", on: "2999-01-01", ["1700 funt wheat"])
        #expect(later.status == 0 && later.stderr.contains("after today") && later.stderr.contains("it counts from that day"), "\(later)")
        let shown = try #require(try CLI.json(cli.run(["delivery", "show", "7", "--format", "json"])) as? [String: Any])
        #expect(shown["period"] as? String == "1920-03" && shown["status"] as? String == "pending", "\(shown)")
        let line = try #require((shown["lines"] as? [[String: Any]])?.first)
        #expect(((line["received"] as? [String: Any])?["amount"] as? NSNumber)?.intValue == 0, "\(line)")
        #expect((shown["receipts"] as? [[String: Any]])?.first?["on"] as? String == "2999-01-01", "the receipt is listed as recorded")
        func listed(_ arguments: [String]) throws -> [String] {
            let rows = try #require(try CLI.json(cli.run(["delivery", "list", "--format", "json"] + arguments)) as? [[String: Any]])
            return rows.compactMap { $0["period"] as? String }
        }
        #expect(try !listed(["--status", "complete"]).contains("1920-03"))
        #expect(try listed(["--status", "pending"]).contains("1920-03"))
        let overdue = try #require(try CLI.json(cli.run(["overdue", "--format", "json"])) as? [[String: Any]])
        #expect(overdue.contains { $0["period"] as? String == "1920-03" }, "\(overdue)")
        let text = try cli.run(["delivery", "list", "--period", "1920-03"])
        #expect(text.stdout.contains("pending") && !text.stdout.contains("complete"), "\(text.stdout)")
    }

    /// `petitioner add --dependant` twice with one dependant counted her twice; `dependant add` refuses the same.
    @Test func aNewPetitionerNamesEachDependantOnce() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        for second in ["Maria Petrova:incapacitated", "maria petrova: Incapacitated"] {
            let twice = try cli.run([
                "petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov", "--dependant", "Maria Petrova:incapacitated",
                "--dependant", "Olga Petrova:child", "--dependant", second,
            ])
            #expect(twice.status == 65, "\(twice)")
            #expect(twice.stderr.contains("--dependant") && twice.stderr.contains("is given twice"), "\(twice.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        let two = try cli.run([
            "petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov", "--dependant", "Maria Petrova:incapacitated",
            "--dependant", "Maria Petrova:child",
        ])
        #expect(two.status == 0, "one name in two categories is two people: \(two)")
    }

    /// `attach --letter 1` to a voided letter was recorded (the API answered 201, the web page too); `letter extend`
    /// refuses a voided letter.
    @Test func aVoidedLetterTakesNoAttachment() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try AttachmentTests.write(cli, "reply.pdf", AttachmentTests.pdf)
        #expect(try cli.run(["letter", "void", "1", "--reason", "Recorded twice", "--on", "1920-01-21"]).status == 0)
        let before = try BadInputTests.snapshot(cli)
        let refused = try cli.run(["attach", "--letter", "1", file, "--on", "1920-02-11"])
        #expect(refused.status == 65 && refused.stderr.contains("letter '1' is void"), "\(refused)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        #expect(try cli.run(["attach", "--petition", "1", file, "--on", "1920-02-11"]).status == 0, "its petition still takes one")
    }

    /// Days after today were taken without a word for changes the ledger makes at once: a member leaving on 2031 was
    /// gone today, a party recorded "on 2040" listed now. Refused, naming the day and today, as `petition status` does.
    @Test func aChangeMadeAtOnceIsNotDatedAfterToday() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-01-01"]).status == 0)
        #expect(try receive(cli, "1920-01", on: "1920-01-06", ["1700 funt wheat"]).status == 0)
        let before = try BadInputTests.snapshot(cli)
        let later: [(arguments: [String], field: String)] = [
            (["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "2031-01-01"], "--on"),
            (["petitioner", "add", "--name", "Ivan Petrov", "--on", "2040-01-01"], "--on"),
            (["group", "add", "--name", "Klin post", "--on", "2040-01-01"], "--on"),
            (["authority", "add", "--name", "Klin supply", "--on", "2040-01-01"], "--on"),
            (["petitioner", "edit", "kropotkin", "--district", "Klin", "--on", "2040-01-01"], "--on"),
            (["group", "edit", "dmitrov-post", "--district", "Klin", "--on", "2040-01-01"], "--on"),
            (["petition", "edit", "1", "--subject", "Provisions", "--on", "2040-01-01"], "--on"),
            (["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--on", "2040-01-01"], "--on"),
            (["receipt", "void", "1", "--reason", "Recorded twice", "--on", "2040-01-01"], "--on"),
        ]
        for (arguments, field) in later {
            let r = try cli.run(arguments)
            #expect(r.status == 65, "\(arguments): \(r)")
            #expect(r.stderr.contains(field) && r.stderr.contains("after today"), "\(arguments): \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        #expect(try cli.run(["petitioner", "add", "--name", "Ivan Petrov", "--handle", "ivan-petrov", "--on", "1920-03-01"]).status == 0)
        let future = try cli.run(["group", "join", "dmitrov-post", "--member", "ivan-petrov", "--from", "2035-01-01"])
        #expect(future.status == 65 && future.stderr.contains("--from") && future.stderr.contains("after today"), "\(future)")
    }

    /// A dependant removed on 1900-01-01 though added in 1920, and a receipt of 1920 voided on 1900, were recorded;
    /// leaving a group before joining it is refused. So is correcting a record on a day before it was made.
    @Test func aCorrectionIsNotDatedBeforeWhatItCorrects() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--on", "1920-03-04"]).status == 0)
        #expect(try receive(cli, "1920-01", on: "1920-01-06", ["1700 funt wheat"]).status == 0)
        let before = try BadInputTests.snapshot(cli)
        let removed = try cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia", "--on", "1900-01-01"])
        #expect(removed.status == 65 && removed.stderr.contains("--on '1900-01-01'") && removed.stderr.contains("1920-03-04"), "\(removed)")
        let voided = try cli.run(["receipt", "void", "1", "--reason", "Recorded twice", "--on", "1900-01-01"])
        #expect(voided.status == 65 && voided.stderr.contains("--on '1900-01-01'") && voided.stderr.contains("1920-01-06"), "\(voided)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        #expect(try cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia", "--on", "1920-03-04"]).status == 0)
        #expect(try cli.run(["receipt", "void", "1", "--reason", "Recorded twice", "--on", "1920-01-06"]).status == 0)
    }
}
