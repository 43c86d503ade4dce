import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

/// A first command that loses the race to make its ledger runs again on the winner's with what it was given: the
/// password it was given (read from standard input once, by the command line) or generated logs in afterwards. The
/// debug build's `PETITIONS_TEST_FIRST_LEDGER_RACE=1` makes the ledger just before the command's own is put in place.
@Suite struct FirstLedgerRaceTests {
    /// A workspace on a ledger path that does not exist yet, whose first command always loses the race.
    static func racing(_ folder: URL) -> Workspace {
        Workspace(
            databasePath: folder.appendingPathComponent("ledger.sqlite").path, actor: "tester",
            environment: ["PETITIONS_TEST_FIRST_LEDGER_RACE": "1"],
            today: TemporaryLedger.today, now: { TemporaryLedger.now })
    }

    @Test func aGivenPasswordLogsInAfterTheCommandRanAgain() throws {
        let folder = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = Self.racing(folder)
        let added = try AddUser(name: "vera", role: .clerk, password: "a long passphrase").run(in: ws)
        #expect(added.generatedPassword == nil)
        #expect(try LogIn(name: "vera", password: "a long passphrase").run(in: ws)?.account.name == "vera")
        #expect(try ListUsers().run(in: ws).map(\.name) == ["vera"])
    }

    @Test func aGeneratedPasswordShownLogsInAfterTheCommandRanAgain() throws {
        let folder = try TemporaryLedger.makeDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ws = Self.racing(folder)
        let added = try AddUser(name: "vera", role: .clerk).run(in: ws)
        let shown = try #require(added.generatedPassword)
        #expect(try LogIn(name: "vera", password: shown).run(in: ws)?.account.name == "vera")
    }
}
