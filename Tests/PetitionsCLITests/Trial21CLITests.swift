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
