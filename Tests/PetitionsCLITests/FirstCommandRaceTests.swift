import Foundation
import PetitionsTestSupport
import Testing

/// A first command that loses the race to make its ledger (another process made it between the command's work and the
/// moment its new ledger was to be put in place) runs again on the winner's ledger: with the same input, read once
/// before the ledger was opened, or, where the input is read as it is recorded (CSV rows from standard input), it is
/// refused with exit 75 and records nothing. The race is lost every time under the debug build's test switch
/// `PETITIONS_TEST_FIRST_LEDGER_RACE=1`, which makes the ledger (as another process's `init` would) just before.
@Suite struct FirstCommandRaceTests {
    /// A CLI whose first command on a new ledger always loses the race to an `init` by `other-process`.
    func racing() throws -> CLI {
        var cli = try CLI()
        cli.environment["PETITIONS_TEST_FIRST_LEDGER_RACE"] = "1"
        return cli
    }

    /// The file names in the ledger's folder, hidden ones included.
    func names(_ cli: CLI) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cli.directory.path)) ?? []).filter { $0 != "config" && $0 != "data" }.sorted()
    }

    /// The ledger's events, in order, each as `KIND by ACTOR`.
    func events(_ cli: CLI) throws -> [String] {
        let r = try cli.run(["events", "--format", "json"])
        #expect(r.status == 0, "\(r)")
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]] ?? []
        return list.map { "\($0["kind"] as? String ?? "?") by \($0["actor"] as? String ?? "?")" }
    }

    @Test func aPasswordFromStandardInputServesTheCommandRunAgain() throws {
        let cli = try racing()
        defer { cli.remove() }
        let r = try cli.run(["user", "add", "vera", "--role", "clerk", "--password-stdin"], stdin: "a long passphrase\n")
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "Added user vera (clerk).\n", "\(r)")
        // The ledger was made by the other process: this command did not create it, and says nothing of it.
        #expect(!r.stderr.contains("created a new ledger"), "\(r.stderr)")
        let users = try cli.run(["user", "list", "--format", "json"])
        #expect(users.stdout.components(separatedBy: "\"vera\"").count == 2, "\(users.stdout)")
        #expect(names(cli) == ["ledger.sqlite"], "\(names(cli))")
    }

    @Test func anEventLogFromStandardInputIsMergedOnceIntoTheWinnersLedger() throws {
        let source = try CLI()
        defer { source.remove() }
        #expect(try source.run(["init", "--office", "klin"]).status == 0)
        #expect(try source.run(["petitioner", "add", "--name", "Vera Figner"]).status == 0)
        let log = try source.run(["export", "events"])
        #expect(log.status == 0, "\(log)")

        let cli = try racing()
        defer { cli.remove() }
        let r = try cli.run(["import", "events", "-"], stdin: log.stdout)
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "Merged 2 events from standard input: 2 added, 0 already present.\n", "\(r)")
        #expect(
            try events(cli) == [
                "ledger.initialized by other-process", "ledger.initialized by clerk", "petitioner.added by clerk", "import.completed by clerk",
            ])
        let list = try cli.run(["petitioner", "list", "--format", "json"])
        #expect(list.stdout.components(separatedBy: "Vera Figner").count == 2, "\(list.stdout)")
        #expect(names(cli) == ["ledger.sqlite"], "\(names(cli))")
    }

    @Test func csvRowsFromStandardInputAreRefusedAndNothingIsRecorded() throws {
        let cli = try racing()
        defer { cli.remove() }
        let r = try cli.run(["import", "petitioners", "-"], stdin: "name\nVera Figner\nPëtr Kropotkin\n")
        #expect(r.status == 75, "\(r)")
        #expect(
            r.stderr == "error: Another command created the ledger \(cli.db) meanwhile; nothing was recorded; run the command again.\n",
            "\(r.stderr)")
        #expect(r.stdout.isEmpty, "\(r)")
        // The winner's ledger holds only what the winner recorded, and nothing of this command is left beside it.
        #expect(try events(cli) == ["ledger.initialized by other-process"])
        #expect(names(cli) == ["ledger.sqlite"], "\(names(cli))")
        // Run again, as the sentence says, the same rows are imported.
        var again = cli
        again.environment["PETITIONS_TEST_FIRST_LEDGER_RACE"] = nil
        let second = try again.run(["import", "petitioners", "-"], stdin: "name\nVera Figner\nPëtr Kropotkin\n")
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout == "Imported 2 petitioners of 2 rows from standard input.\n", "\(second)")
    }

    @Test func csvRowsFromAFileAreImportedOnceIntoTheWinnersLedger() throws {
        let cli = try racing()
        defer { cli.remove() }
        let file = cli.directory.appendingPathComponent("data/petitioners.csv")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("name\nVera Figner\nPëtr Kropotkin\n".utf8).write(to: file)
        let r = try cli.run(["import", "petitioners", file.path])
        #expect(r.status == 0, "\(r)")
        #expect(r.stdout == "Imported 2 petitioners of 2 rows from \(file.path).\n", "\(r)")
        let list = try cli.run(["petitioner", "list", "--format", "json"])
        #expect(list.stdout.components(separatedBy: "Vera Figner").count == 2, "\(list.stdout)")
        #expect(names(cli) == ["ledger.sqlite"], "\(names(cli))")
    }

    @Test func aCommandWithoutInputRunsAgainOnTheWinnersLedger() throws {
        let cli = try racing()
        defer { cli.remove() }
        let r = try cli.run(["petitioner", "add", "--name", "Vera Figner"])
        #expect(r.status == 0, "\(r)")
        #expect(!r.stderr.contains("created a new ledger"), "\(r.stderr)")
        #expect(try events(cli) == ["ledger.initialized by other-process", "petitioner.added by clerk"])
        #expect(names(cli) == ["ledger.sqlite"], "\(names(cli))")
    }
}
