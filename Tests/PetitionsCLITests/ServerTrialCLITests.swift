import Foundation
import PetitionsTestSupport
import Testing

/// What a trial of the office server found in the command line around it.
@Suite struct ServerTrialCLITests {
    @Test("calendar set with no weekend days says so, not \"weekend , 0 holidays\"")
    func noWeekendDays() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["init", "--office", "test"]).status == 0)
        let file = cli.directory.appendingPathComponent("every-day.toml")
        try Data("weekend = []\n".utf8).write(to: file)
        let set = try cli.run(["calendar", "set", file.path, "--on", "1920-01-01"])
        #expect(set.status == 0, "\(set)")
        #expect(set.stdout == "Stored the calendar of \(file.path) in the ledger: no weekend days, 0 holidays.\n", "\(set.stdout)")
    }
}
