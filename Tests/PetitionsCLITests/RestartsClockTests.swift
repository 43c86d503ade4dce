import Foundation
import PetitionsTestSupport
import Testing

/// A letter sent is inserted with its reply due day, unless it restarts the clock of earlier letters: then its due day
/// is stored with theirs. Both must come out as the due day of any letter sent that day.
@Suite struct RestartsClockTests {
    func due(_ cli: CLI, _ id: Int) throws -> String? {
        let r = try cli.run(["letter", "show", String(id), "--format", "json"])
        #expect(r.status == 0, "\(r)")
        let letter = try #require(try CLI.json(r) as? [String: Any], "\(r.stdout)")
        return letter["reply_due"] as? String
    }

    func send(_ cli: CLI, _ arguments: [String]) throws {
        let r = try cli.run(["letter", "send", "--from", "dmitrov-post", "--on", "1920-02-10"] + arguments)
        #expect(r.status == 0, "\(arguments): \(r)")
    }

    @Test("a letter restarting the clock gives the earlier letter its own due day; restarting none, it is due as a plain letter")
    func restartedClocksAndNewLettersAgree() throws {
        // Letter 1: dmitrov-post to moscow-supply on 1920-01-20, on petition 1.
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try due(cli, 1)
        try send(cli, ["--to", "moscow-supply", "--subject", "Plain"])  // 2
        try send(cli, ["--to", "moscow-supply", "--subject", "Again", "--petition", "1", "--restarts-clock"])  // 3
        try send(cli, ["--to", "sovnarkom", "--subject", "Plain"])  // 4
        try send(cli, ["--to", "sovnarkom", "--subject", "First", "--petition", "1", "--restarts-clock"])  // 5: no earlier letter to it
        let plain = try #require(try due(cli, 2))
        #expect(before != nil && before != plain)
        #expect(try due(cli, 3) == plain)
        #expect(try due(cli, 1) == plain, "the clock of letter 1 restarted on 1920-02-10")
        let plainToSovnarkom = try #require(try due(cli, 4))
        #expect(try due(cli, 5) == plainToSovnarkom)
    }
}
