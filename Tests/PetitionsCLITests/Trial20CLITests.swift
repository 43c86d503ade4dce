import Foundation
import PetitionsTestSupport
import Testing

/// What the twentieth trial found at the command line: issue 12's last leftovers, and what a new user of the README
/// hit.
@Suite struct Trial20CLITests {
    static func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
        return r
    }

    // MARK: - Handles in a table at 80 columns

    @Test("a listing at COLUMNS=80 wraps a long handle after one of its hyphens, never inside a word, and keeps days whole")
    func longHandlesWrapAtHyphensAt80Columns() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let authority = "moscow-postal-telegraph-supply-centre-commissariat"
        let group = "postal-telegraph-employees-dmitrov-district-moscow"
        _ = try Self.ok(
            cli, ["authority", "add", "--name", "Moscow postal-telegraph supply centre of the people's commissariat", "--handle", authority])
        _ = try Self.ok(
            cli, ["group", "add", "--name", "Postal-telegraph employees of the Dmitrov district", "--handle", group, "--count", "employee=125"])
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Aleksandra Konstantinovna Kropotkina-Lebedeva", "--district", "Dmitrov"])
        _ = try Self.ok(cli, ["petition", "log", "--from", group, "--to", authority, "--subject", "January provisions", "--on", "1920-01-20"])
        _ = try Self.ok(cli, ["letter", "send", "--from", group, "--to", authority, "--on", "1920-01-20", "--subject", "Appeal", "--petition", "1"])
        cli.environment["COLUMNS"] = "80"
        for args in [
            ["party", "list"], ["authority", "list"], ["group", "list"], ["petitioner", "list"], ["petition", "list"], ["letter", "list"],
        ] {
            let r = try Self.ok(cli, args)
            for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(args) fits 80 columns: \(line)") }
            for word in ["commissariat", "telegraph", "employees", "district", "konstantinovna", "kropotkina"]
            where r.stdout.lowercased().contains(word.prefix(4)) {
                #expect(r.stdout.contains(word) || r.stdout.lowercased().contains(word), "\(args): '\(word)' split inside the word:\n\(r.stdout)")
            }
            let days = r.stdout.components(separatedBy: "1920-").count
            #expect(days == r.stdout.components(separatedBy: "1920-01-20").count, "\(args): a day split:\n\(r.stdout)")
        }
        // The waiting letters' nine columns need more than 80 cells two spaces apart: they stand one space apart
        // rather than break a day (`1920-01-` over `20`) or a word (`telegrap` over `h`).
        let r = try Self.ok(cli, ["unanswered", "--as-of", "1920-03-04"])
        let table = r.stdout.split(separator: "\n").prefix { !$0.hasPrefix("- [") }
        #expect(table.count > 3, "the table: \(r.stdout)")
        for line in table { #expect(line.count <= 80, "unanswered fits 80 columns: \(line)") }
        let text = table.joined(separator: "\n")
        #expect(text.contains("1920-01-20") && text.contains("1920-02-17"), "unanswered keeps its days whole:\n\(text)")
        #expect(text.components(separatedBy: "1920-").count == 3, "unanswered keeps its days whole:\n\(text)")
        for word in ["commissariat", "telegraph", "employees", "district"] {
            #expect(text.lowercased().contains(word), "unanswered: '\(word)' split inside the word:\n\(text)")
        }
    }

    @Test("a name of no letter or digit recorded with the handle 'p' gets a note saying so, the first time too")
    func nameOfNoLettersIsNoted() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let r = try Self.ok(cli, ["petitioner", "add", "--name", "-"])
        #expect(r.stdout.contains("Recorded petitioner 1 p: -"), "\(r.stdout)")
        #expect(r.stderr.contains("- has no letters to make a handle of; this one is 'p'. Give --handle to choose one."), "\(r.stderr)")
        let named = try Self.ok(cli, ["petitioner", "add", "--name", "Anna Lebedeva"])
        #expect(named.stderr.isEmpty, "a name's own handle is said nothing of: \(named.stderr)")
    }

    // MARK: - Units in the configuration, and a units file's mistakes

    @Test(
        "a [units] table, or units given a number, in the configuration is one sentence naming the line, the key and the value",
        arguments: [
            ("[units]\nkg = \"heavy\"\n", "line 2: units.kg 'heavy' gives a unit in the configuration, but units is the path of a units file"),
            ("[units]\nkg = -5\n", "line 2: units.kg '-5' gives a unit"),
            ("[units]\nstone = { base = \"furlong\", factor = 6350 }\n", "line 2: units.stone '{ base = \"furlong\", factor = 6350 }' gives a unit"),
            ("units = 5\n", "line 1: units '5' is a whole number, not the path of a units file; write it in quotes"),
            ("[units]\n", "line 1: units is an empty table, not the path of a units file"),
        ])
    func aUnitsTableInTheConfigurationIsNamed(config: String, says: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let path = cli.directory.appendingPathComponent("config.toml").path
        try config.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try cli.run(["init", "--office", "dmitrov", "--config", path])
        #expect(r.status == 65 && r.stderr.hasPrefix("error: \(path), \(says)"), "\(r)")
        #expect(r.stderr.split(separator: "\n").count == 1 && !r.stderr.contains("a table is not text"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: cli.db), "nothing created")
    }

    @Test(
        "a units file's unit given text, a base below 1, a table for its base, an unknown dimension or no [[unit]] is one sentence naming the unit, the key and the value",
        arguments: [
            (
                "[[unit]]\nname = \"stone\"\ndimension = \"mass\"\nbase = \"6350 g\"\n",
                "line 1: unit 1 ('stone') has base = '6350 g', which is text, not a whole number"
            ),
            (
                "[[unit]]\nname = \"stone\"\ndimension = \"mass\"\nbase = -6350\n",
                "line 1: unit 1 ('stone') has base = -6350, which is not at least 1"
            ),
            (
                "[[unit]]\nname = \"stone\"\ndimension = \"mass\"\nbase = { g = 6350 }\n",
                "unit 1 ('stone') has base = { g = 6350 }, which is a table, not a whole number"
            ),
            (
                "[[unit]]\nname = \"stone\"\ndimension = \"weight\"\nbase = 6350\n",
                "unit 1 ('stone') has dimension = 'weight', which is not a dimension petitions counts in"
            ),
            ("unit = 5\n", "line 1: unit '5' is a whole number, not a list of [[unit]] tables"),
            (
                "[unit]\nname = \"stone\"\n",
                "line 1: unit '{ name = \"stone\" }' is a table, not a list of [[unit]] tables; write [[unit]], with two brackets"
            ),
            ("version = 1\n", " has no [[unit]] table"),
        ])
    func aUnitsFilesMistakesAreNamed(units: String, says: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("units.toml").path
        let config = cli.directory.appendingPathComponent("config.toml").path
        try units.write(toFile: file, atomically: true, encoding: .utf8)
        try "units = \"\(file)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let r = try cli.run(["init", "--office", "dmitrov", "--config", config])
        #expect(r.status == 65 && r.stderr.hasPrefix("error: \(file)") && r.stderr.contains(says), "\(r)")
        #expect(r.stderr.split(separator: "\n").count == 1 && !r.stderr.contains("Expected") && !r.stderr.contains("unit.unit"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: cli.db), "nothing created")
    }

    // MARK: - deadline's numbers

    @Test("deadline separates thousands in text (1,500 weeks, 10,500 calendar days, 1,000 Sundays) and keeps plain digits in JSON")
    func deadlineSeparatesThousandsInText() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let weeks = try cli.run(["deadline", "--from", "1920-01-20", "--within", "1500 weeks"], withDB: false)
        #expect(weeks.status == 0, "\(weeks)")
        #expect(weeks.stdout.hasPrefix("Due 1948-10-19: 1,500 weeks after 1920-01-20.\n"), "\(weeks)")
        #expect(weeks.stdout.contains("the due day is 10,500 calendar days after the start."), "\(weeks)")
        let working = try cli.run(["deadline", "--from", "1920-01-19", "--within", "5000 working days"], withDB: false)
        #expect(working.stdout.contains("skipping 1,000 Saturdays and 1,000 Sundays."), "\(working)")
        #expect(working.stdout.contains("… and 1,900 more skipped days"), "\(working)")
        let json = try cli.run(["deadline", "--from", "1920-01-20", "--within", "1500 weeks", "--format", "json"], withDB: false)
        #expect(json.stdout.contains("\"calendar_days\" : 10500,") && json.stdout.contains("\"within\" : \"1500 weeks\""), "\(json)")
    }

    // MARK: - A calendar with one day twice

    @Test("a calendar file giving one day twice is refused by calendar set and --calendar, naming the day and both names")
    func aCalendarDayGivenTwiceIsRefused() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let file = cli.directory.appendingPathComponent("calendar.toml").path
        let twice = """
            [[holiday]]
            date = "1920-05-01"
            name = "Labour Day"

            [[holiday]]
            date = "1920-05-01"
            name = "International Day"

            """
        try twice.write(toFile: file, atomically: true, encoding: .utf8)
        let says =
            "\(file), line 6: holiday 2 ('International Day') has the date '1920-05-01' of holiday 1 ('Labour Day'); give each day once, with one name, e.g. name = \"Labour Day; International Day\".\n"
        let set = try cli.run(["calendar", "set", file])
        #expect(set.status == 65 && set.stderr == "error: \(says)", "\(set)")
        #expect(!(try Self.ok(cli, ["events"]).stdout.contains("setting.changed")), "nothing stored")
        let deadline = try cli.run(["deadline", "--from", "1920-04-28", "--within", "3 working days", "--calendar", file])
        #expect(deadline.status == 65 && deadline.stderr == "error: \(says)", "\(deadline)")
        // Every year on 05-01 and once on 1920-05-01 are two days of the file, not one given twice.
        try twice.replacingOccurrences(of: "date = \"1920-05-01\"\nname = \"Labour", with: "date = \"05-01\"\nname = \"Labour")
            .write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try cli.run(["calendar", "set", file]).status == 0)
    }

    // MARK: - verify against the event log

    /// Runs `sqlite3 DB SQL`, as someone changing the ledger behind petitions' back would.
    static func behindTheLedgersBack(_ cli: CLI, _ sql: String) throws {
        let damage = Process()
        damage.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        damage.arguments = [cli.db, sql]
        try damage.run()
        damage.waitUntilExit()
        #expect(damage.terminationStatus == 0, "\(sql)")
    }

    @Test("verify names a letter's subject or day, or a petition's day opened, changed with sqlite3 away from what its event recorded")
    func verifyComparesRecordsWithTheirEvents() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { return }
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["authority", "add", "--name", "Moscow supply centre", "--handle", "moscow-supply"])
        _ = try Self.ok(cli, ["group", "add", "--name", "Postal employees", "--handle", "post", "--count", "employee=125"])
        _ = try Self.ok(cli, ["petition", "log", "--from", "post", "--to", "moscow-supply", "--subject", "Provisions", "--on", "1920-01-20"])
        _ = try Self.ok(
            cli, ["letter", "send", "--from", "post", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal", "--petition", "1"])
        #expect(try Self.ok(cli, ["verify"]).stdout.contains("Ledger OK"))
        let events = try #require(try CLI.json(try Self.ok(cli, ["events", "--kind", "letter.sent", "--format", "json"])) as? [[String: Any]])
        let letterEvent = try #require(events.first?["id"] as? Int)
        try Self.behindTheLedgersBack(cli, "UPDATE letter SET subject = 'Forged' WHERE id = 1")
        let subject = try cli.run(["verify"])
        #expect(subject.status == 1, "\(subject)")
        #expect(
            subject.stdout.contains(
                "letter 1: its subject 'Forged' is not 'Appeal', the subject its event \(letterEvent) recorded; it was changed outside petitions"),
            "\(subject)")
        try Self.behindTheLedgersBack(cli, "UPDATE letter SET subject = 'Appeal', day = '1920-02-01' WHERE id = 1")
        let day = try cli.run(["verify"])
        #expect(day.status == 1 && day.stdout.contains("letter 1: its day 1920-02-01 is not 1920-01-20, the day its event"), "\(day)")
        try Self.behindTheLedgersBack(
            cli, "UPDATE letter SET day = '1920-01-20' WHERE id = 1; UPDATE petition SET opened = '1919-12-31' WHERE id = 1")
        let opened = try cli.run(["verify"])
        #expect(opened.status == 1 && opened.stdout.contains("petition 1: its day opened 1919-12-31 is not 1920-01-20"), "\(opened)")
        try Self.behindTheLedgersBack(cli, "UPDATE petition SET opened = '1920-01-20' WHERE id = 1")
        #expect(try Self.ok(cli, ["verify"]).stdout.contains("Ledger OK"))
    }

    // MARK: - office set with the values held

    @Test("office set with the values the office holds records nothing and says so, and says a signature was removed only when there was one")
    func officeSetWithTheValuesHeldSaysNothingChanged() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let events = try Self.ok(cli, ["events"]).stdout
        let email = try Self.ok(cli, ["office", "set", "--email", ""])
        #expect(email.stdout.hasPrefix("Nothing to set: office dmitrov already holds these values.\nOffice dmitrov: dmitrov\n"), "\(email)")
        let signature = try Self.ok(cli, ["office", "set", "--signature", ""])
        #expect(signature.stdout.hasPrefix("Nothing to set:") && !signature.stdout.contains("removed"), "\(signature)")
        #expect(try Self.ok(cli, ["events"]).stdout == events, "nothing recorded")
        let set = try Self.ok(cli, ["office", "set", "--signature", "A. Yusuf, clerk"])
        #expect(set.stdout == "Office dmitrov: dmitrov\n  signature: A. Yusuf, clerk\n", "\(set)")
        let removed = try Self.ok(cli, ["office", "set", "--signature", ""])
        #expect(removed.stdout == "Office dmitrov: dmitrov\n  signature: removed; drafts show [signature] where it goes\n", "\(removed)")
    }

    // MARK: - Sentences a new user read

    @Test("enrolling with a category the decree has no ration for names it in a sentence, one category or several")
    func aCategoryWithoutARationIsNamedInASentence() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let enrol = ["enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--from", "1920-01-01"]
        let one = try cli.run(enrol + ["--count", "soldier=5"])
        #expect(
            one.status == 65
                && one.stderr
                    == "error: --count: the category soldier has no ration in decree decree-1918, which provides for employee, incapacitated.\n",
            "\(one)")
        let two = try cli.run(enrol + ["--count", "soldier=5", "--count", "sailor=2"])
        #expect(two.status == 65 && two.stderr.contains("none of the categories soldier, sailor has a ration in decree decree-1918"), "\(two)")
    }

    @Test("office set --format json has its signature key, null when the office has none, as every key of a JSON answer is present")
    func officeSetJSONHasItsSignatureKey() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let set = try #require(try CLI.json(try Self.ok(cli, ["office", "set", "--name", "Dmitrov office", "--format", "json"])) as? [String: Any])
        #expect(Set(set.keys) == ["office", "signature"] && set["signature"] is NSNull, "\(set)")
        let signed = try #require(
            try CLI.json(try Self.ok(cli, ["office", "set", "--signature", "A. Yusuf", "--format", "json"])) as? [String: Any])
        #expect(signed["signature"] as? String == "A. Yusuf", "\(signed)")
    }

    @Test("units separates the thousands of its base units in text, right-aligned, and keeps plain digits in JSON")
    func unitsSeparateThousandsInText() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let text = try Self.ok(cli, ["units"]).stdout
        #expect(text.contains("funt   mass          409,512,410  funts") && text.contains("pood   mass       16,380,496,400  poods"), "\(text)")
        #expect(!text.contains("409512410"), "\(text)")
        let json = try #require(try CLI.json(try Self.ok(cli, ["units", "--format", "json"])) as? [[String: Any]])
        #expect(json.first { $0["name"] as? String == "funt" }?["base"] as? Int == 409_512_410, "\(json)")
    }

    @Test(
        "overdue, check and the report separate thousands in their text (1,200 late deliveries, 36,676 days late), and JSON and CSV keep plain digits"
    )
    func countsInListingsSeparateThousands() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for step in [
            ["init", "--office", "dmitrov"], ["authority", "add", "--name", "Supply", "--handle", "supply"],
            ["group", "add", "--name", "Post", "--handle", "post", "--count", "employee=1"],
            ["decree", "add", "--handle", "d", "--name", "D", "--issued", "1899-01-01", "--supplier", "supply", "--ration", "employee: 1 kg wheat"],
            ["enrol", "--decree", "d", "--recipient", "post", "--from", "1900-01-01"],
            ["delivery", "schedule", "--decree", "d", "--from", "1900-01", "--to", "1999-12"],
        ] {
            _ = try Self.ok(cli, step)
        }
        let asOf = ["--as-of", "2000-06-01"]
        let overdue = try Self.ok(cli, ["overdue"] + asOf).stdout
        #expect(overdue.hasPrefix("Late deliveries as of 1 June 2000: 1,200\n"), "\(overdue.prefix(300))")
        #expect(overdue.contains("1900-01-01  36,676     critical"), "\(overdue.prefix(400))")
        let check = try cli.run(["check"] + asOf)
        #expect(
            check.stdout.hasPrefix("Check as of 1 June 2000: 1,201 findings (1,201 critical, 0 overdue, 0 warning)."), "\(check.stdout.prefix(300))")
        #expect(check.stdout.contains("36,676 days late") && check.stdout.contains("1,200 consecutive periods"), "\(check.stdout.prefix(600))")
        let json = try #require(try CLI.json(try Self.ok(cli, ["overdue", "--format", "json"] + asOf)) as? [[String: Any]])
        #expect(json.first?["days_overdue"] as? Int == 36676 && json.first?["consecutive_missed"] as? Int == 1200, "\(json.first ?? [:])")
        let csv = try Self.ok(cli, ["overdue", "--format", "csv"] + asOf).stdout
        #expect(csv.contains(",1900-01-09,36676,critical,") && csv.contains(",1200,wheat,kg,"), "\(csv.prefix(400))")
    }

    @Test("a word naming no command, after help or a group of commands, is one sentence naming it and where to look, exit 64")
    func aWordNamingNoCommandIsOneSentence() throws {
        let env = try CLI().environment
        for (args, sentence) in [
            (["help", "nonexistent"], "error: 'nonexistent' is not a command of petitions; `petitions --help` lists them.\n"),
            (["letter", "sned"], "error: 'sned' is not a command of petitions letter; `petitions letter --help` lists them.\n"),
            (["help", "letter", "sned"], "error: 'sned' is not a command of petitions letter; `petitions letter --help` lists them.\n"),
            (
                ["petitioner", "dependant", "ad", "x"],
                "error: 'ad' is not a command of petitions petitioner dependant; `petitions petitioner dependant --help` lists them.\n"
            ),
        ] {
            let r = try CLI.exec(args, environment: env)
            #expect(r.status == 64 && r.stderr == sentence && r.stdout.isEmpty, "\(args): \(r)")
        }
        for args in [["help", "letter"], ["help", "letter", "send"], ["letter", "--help"]] {
            let r = try CLI.exec(args, environment: env)
            #expect(r.status == 0 && r.stdout.contains("USAGE"), "\(args): \(r)")
        }
    }

    @Test("delivery show of an id no delivery has names the ids there are, as letter, receipt and attachment do")
    func aMissingDeliveryNamesTheIdsThereAre() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["delivery", "show", "99"])
        #expect(r.status == 65 && r.stderr == "error: delivery: no delivery with id 99 (ids run up to 7).\n", "\(r)")
    }
}
