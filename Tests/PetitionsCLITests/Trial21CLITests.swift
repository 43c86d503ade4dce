import Foundation
import PetitionsTestSupport
import Testing

/// What the twenty-first trial found at the command line: the parser's leftovers, and the less-walked commands tried
/// as a new user and as an attacker.
@Suite struct Trial21CLITests {
    static func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
        return r
    }

    // MARK: - A required option left out

    @Test(
        "a required option or argument left out is one sentence naming it, exit 64, no usage block",
        arguments: [
            (["letter", "send", "--from", "office", "--on", "1920-01-20"], "letter send: --to is required (who it went to (handle or id)"),
            (["petition", "log", "--to", "office", "--subject", "Bread"], "petition log: --from is required"),
            (["petitioner", "show"], "petitioner show: <party> is required"),
            (["authority", "add"], "authority add: --name is required"),
            (["letter", "send", "--from", "dmitrov", "--to", "dmitrov", "--on", "1920-01-20"], "letter send: --subject is required"),
            (["search"], "search: <query> is required"),
            (["letter", "show"], "letter show: <letter> is required (the letter's id"),
        ])
    func missingRequiredOption(args: [String], sentence: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let before = try Self.ok(cli, ["events", "--format", "json"]).stdout
        let r = try cli.run(args)
        #expect(r.status == 64, "\(args): \(r)")
        #expect(r.stderr.hasPrefix("error: " + sentence), "\(args): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(!r.stderr.contains("Usage:") && !r.stderr.contains("Missing expected"), "\(r.stderr)")
        #expect(try Self.ok(cli, ["events", "--format", "json"]).stdout == before, "nothing recorded")
    }

    @Test("an option given last with no value is one sentence naming it, exit 64; --help is still the whole help")
    func optionWithNoValueAndHelp() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let r = try cli.run(["letter", "send", "--from", "office", "--on", "1920-01-20", "--to"], withDB: false)
        #expect(r.status == 64, "\(r)")
        #expect(r.stderr.hasPrefix("error: letter send: --to is given no value"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        let help = try cli.run(["letter", "send", "--help"], withDB: false)
        #expect(help.status == 0 && help.stdout.contains("USAGE: petitions letter send") && help.stdout.contains("--to <to>"), "\(help)")
    }
}

extension Trial21CLITests {
    // MARK: - E-mail addresses

    @Test(
        "a new e-mail that is not an address is refused naming --email and the value, exit 65, nothing recorded",
        arguments: [
            ["petitioner", "edit", "petr-kropotkin", "--email"], ["authority", "edit", "moscow-supply", "--email"], ["office", "set", "--email"],
        ],
        ["petr at mail.ru", "petr@", "@mail.ru", "petr kropotkin@mail.ru", "petr@mail..ru"])
    func aNewEmailMustBeAnAddress(command: [String], email: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Petr Kropotkin"])
        _ = try Self.ok(cli, ["authority", "add", "--name", "Moscow supply centre", "--handle", "moscow-supply"])
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(command + [email])
        #expect(r.status == 65, "\(command) \(email): \(r)")
        #expect(r.stderr.hasPrefix("error: --email '\(email)' is not an e-mail address"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
        _ = try Self.ok(cli, command + ["petr.kropotkin@mail.ru"])
        _ = try Self.ok(cli, command + [""])
    }

    @Test("a log whose old event holds an address without '@' still imports, verifies, and the party can be corrected")
    func anOldBadEmailStillImportsAndIsCorrectable() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Petr Kropotkin"])
        _ = try Self.ok(cli, ["petitioner", "edit", "petr-kropotkin", "--email", "petr@mail.ru"])
        let log = try Self.ok(cli, ["export", "events", "--format", "jsonl"]).stdout
        #expect(log.contains("\"petr@mail.ru\""), "\(log)")
        let old = log.replacingOccurrences(of: "\"petr@mail.ru\"", with: "\"petr at mail.ru\"")
        let klin = try CLI()
        defer { klin.remove() }
        _ = try Self.ok(klin, ["init", "--office", "klin"])
        let file = klin.directory.appendingPathComponent("dmitrov.jsonl")
        try Data(old.utf8).write(to: file)
        _ = try Self.ok(klin, ["import", "events", file.path])
        #expect(try Self.ok(klin, ["verify"]).stdout.contains("Ledger OK"))
        #expect(try Self.ok(klin, ["petitioner", "show", "petr-kropotkin"]).stdout.contains("petr at mail.ru"))
        _ = try Self.ok(klin, ["petitioner", "edit", "petr-kropotkin", "--district", "Dmitrov"])
        _ = try Self.ok(klin, ["petitioner", "edit", "petr-kropotkin", "--email", "petr@mail.ru"])
        #expect(try Self.ok(klin, ["petitioner", "show", "petr-kropotkin"]).stdout.contains("petr@mail.ru"))
    }
}

extension Trial21CLITests {
    // MARK: - TOML files

    @Test("a TOML string holding the escape of NUL is refused naming its line, not cut short there")
    func aNulEscapeInTOMLIsRefused() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let config = cli.directory.appendingPathComponent("c.toml")
        try Data(#"office = "klin\u0000-east""#.utf8).write(to: config)
        let before = try BadInputTests.snapshot(cli)
        let r = try cli.run(["petitioner", "add", "--name", "Vera Zasulich", "--config", config.path])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("error: \(config.path), line 1: a string holds \\u0000"), "\(r.stderr)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded under the office 'klin'")
        let calendar = cli.directory.appendingPathComponent("cal.toml")
        try Data("[[holiday]]\ndate = \"12-25\"\nname = \"Christmas\\U00000000 Day\"\n".utf8).write(to: calendar)
        let c = try cli.run(["calendar", "set", calendar.path])
        #expect(c.status == 65 && c.stderr.contains("line 3: a string holds \\U00000000"), "\(c)")
        #expect(!(try Self.ok(cli, ["calendar", "show"]).stdout.contains("Christmas")), "no holiday stored")
        try Data("[[holiday]]\ndate = \"12-25\"\nname = 'Christmas\\u0000 Day' # \"\\u0000\"\n".utf8).write(to: calendar)
        _ = try Self.ok(cli, ["calendar", "set", calendar.path])
    }
}

extension Trial21CLITests {
    // MARK: - Ledger options before the command

    @Test("a ledger option before the command is never taken for the value of an option left without one at the end")
    func aLeadingLedgerOptionIsNotTheValueOfTheLastOption() throws {
        var cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Petr Kropotkin"])
        let other = try CLI()
        defer { other.remove() }
        _ = try Self.ok(other, ["init", "--office", "klin"])
        _ = try Self.ok(other, ["petitioner", "add", "--name", "Petr Kropotkin"])
        cli.environment["PETITIONS_DB"] = other.db
        let before = (try BadInputTests.snapshot(cli), try BadInputTests.snapshot(other))
        for args in [
            ["--db=\(cli.db)", "petitioner", "edit", "petr-kropotkin", "--note"], ["--db", cli.db, "petitioner", "edit", "petr-kropotkin", "--note"],
        ] {
            let r = try cli.run(args, withDB: false)
            #expect(r.status == 64 && r.stderr.hasPrefix("error: petitioner edit: --note is given no value"), "\(args): \(r)")
            #expect((try BadInputTests.snapshot(cli), try BadInputTests.snapshot(other)) == before, "\(args): neither ledger changed")
        }
        let moved = try cli.run(["--db", cli.db, "search", "--", "kropotkin"], withDB: false)
        #expect(moved.status == 0 && moved.stdout.contains("petr-kropotkin"), "\(moved)")
    }
}

extension Trial21CLITests {
    // MARK: - File names in sentences

    @Test("a file name with an escape sequence or a new line is quoted back escaped, in one line, by attach and --output")
    func fileNamesWithControlCharactersAreShownEscaped() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        _ = try Self.ok(cli, ["authority", "add", "--name", "Moscow supply centre", "--handle", "moscow-supply"])
        _ = try Self.ok(cli, ["letter", "send", "--from", "dmitrov", "--to", "moscow-supply", "--on", "1920-01-20", "--subject", "Appeal"])
        let folder = cli.directory.appendingPathComponent("scans\nx").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let escape = cli.directory.appendingPathComponent("reply\u{1B}[31m.pdf").path
        let empty = cli.directory.appendingPathComponent("empty\u{1B}[2J.pdf").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let before = try BadInputTests.snapshot(cli)
        for (args, code) in [
            (["attach", "--letter", "1", folder], Int32(66)), (["attach", "--letter", "1", escape], 66), (["attach", "--letter", "1", empty], 65),
            (["export", "events", "--output", folder], 73),
        ] {
            let r = try cli.run(args)
            #expect(r.status == code, "\(args): \(r)")
            #expect(r.stderr.split(separator: "\n").count == 1 && !r.stderr.contains("\u{1B}"), "\(args): one line, no escape: \(r.stderr)")
            #expect(r.stderr.contains("\\u000A") || r.stderr.contains("\\u001B"), "\(args): the character shown: \(r.stderr)")
        }
        #expect(try BadInputTests.snapshot(cli) == before, "nothing recorded")
    }
}

extension Trial21CLITests {
    @Test("units = \"\" in the configuration is refused naming the file, the key and the empty value, not a file named nothing")
    func anEmptyUnitsPathIsRefused() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let config = cli.directory.appendingPathComponent("c.toml")
        try Data("units = \"\"\n".utf8).write(to: config)
        let r = try cli.run(["units", "--config", config.path])
        #expect(r.status == 65, "\(r)")
        #expect(r.stderr.hasPrefix("error: \(config.path): units '' is not the path of a units file"), "\(r.stderr)")
    }
}

extension Trial21CLITests {
    @Test("the configuration's office is trimmed of spaces as --office and $PETITIONS_OFFICE are: its events are the office's")
    func theConfigurationsOfficeIsTrimmed() throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let config = cli.directory.appendingPathComponent("c.toml")
        try Data("office = \" klin \"\n".utf8).write(to: config)
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Vera Zasulich", "--config", config.path])
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Petr Kropotkin", "--office", " klin "])
        let events = try Self.ok(cli, ["events", "--kind", "petitioner.added", "--format", "json"]).stdout
        let list = try #require(try JSONSerialization.jsonObject(with: Data(events.utf8)) as? [[String: Any]], "\(events)")
        #expect(list.count == 2 && list.allSatisfy { $0["office"] as? String == "klin" }, "\(events)")
    }
}

extension Trial21CLITests {
    @Test(
        "an unknown option or a word too many is one sentence naming it and the command, exit 64, no usage block",
        arguments: [
            (["letter", "list", "--in-reply-to", "1"], "error: letter list: unknown option '--in-reply-to'; `petitions letter list --help` lists"),
            (["letter", "list", "--petiton", "1"], "error: letter list: unknown option '--petiton' (did you mean '--petition')"),
            (["petitioner", "list", "extra"], "error: petitioner list: unexpected argument 'extra';"),
            (["authority", "list", "--\u{1B}[2J"], "error: authority list: unknown option '--\\u001B[2J'"),
        ])
    func unknownOptionIsOneSentence(args: [String], sentence: String) throws {
        let cli = try CLI()
        defer { cli.remove() }
        _ = try Self.ok(cli, ["init", "--office", "dmitrov"])
        let r = try cli.run(args)
        #expect(r.status == 64, "\(args): \(r)")
        #expect(r.stderr.hasPrefix(sentence), "\(args): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && !r.stderr.contains("Usage:"), "one line: \(r.stderr)")
    }
}
