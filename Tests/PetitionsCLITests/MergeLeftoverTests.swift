import Foundation
import PetitionsTestSupport
import Testing

/// What the trial of everything that comes in from outside still found open in `import events` and in making a ledger
/// (issue 12): days the commands refuse, keys a log line should not hold, a ledger made without its office, a line of
/// any length, and a re-enrolment replayed.
@Suite struct MergeLeftoverTests {
    /// `log` (JSON Lines) with line `i` (from 0) changed by `change`, every line kept.
    static func changing(_ log: [String], _ i: Int, _ change: (inout [String: Any]) -> Void) throws -> String {
        var event = try #require(try JSONSerialization.jsonObject(with: Data(log[i].utf8)) as? [String: Any])
        change(&event)
        var lines = log
        lines[i] = String(
            decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        return lines.joined(separator: "\n") + "\n"
    }

    static func exportedLog(_ cli: CLI) throws -> [String] {
        let r = try cli.run(["export", "events", "--format", "jsonl"])
        #expect(r.status == 0, "\(r)")
        return r.stdout.split(separator: "\n").map(String.init)
    }

    /// Imports `log` into the ledger at `path`, expecting it refused (65) naming `line` (from 1) and saying `says`, with
    /// that ledger unchanged.
    static func expectRefused(
        _ cli: CLI, into path: String, _ log: String, line: Int, says: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let before = try CLI.exec(["events", "--format", "json", "--db", path], environment: cli.environment).stdout
        let r = try CLI.exec(["import", "events", "-", "--db", path], environment: cli.environment, stdin: log)
        #expect(r.status == 65, "\(r)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("line \(line)") && r.stderr.contains(says), "\(r)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains("othing was imported"), "\(r)", sourceLocation: sourceLocation)
        let after = try CLI.exec(["events", "--format", "json", "--db", path], environment: cli.environment).stdout
        #expect(after == before, "the ledger is unchanged", sourceLocation: sourceLocation)
    }

    // MARK: - 1: days the commands refuse

    /// `group leave` before the join day is refused; a log saying so was merged, the member gone before she came.
    @Test func aMemberLeavingBeforeJoiningIsRefusedByTheMergeAsByGroupLeave() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-03-01"]).status == 0)
        let early = try cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1920-02-01"])
        #expect(early.status == 65 && early.stderr.contains("--on '1920-02-01' is before kropotkin joined dmitrov-post on 1920-03-01"), "\(early)")
        #expect(try cli.run(["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1920-04-01"]).status == 0)
        let log = try Self.exportedLog(cli)
        let left = try #require(log.firstIndex { $0.contains("\"group.left\"") })
        let forged = try Self.changing(log, left) { event in
            event["day"] = "1920-02-01"
            if var payload = event["payload"] as? [String: Any] {
                payload["on"] = "1920-02-01"
                event["payload"] = payload
            }
        }
        let region = try EleventhTrialTests.region(cli)
        try Self.expectRefused(
            cli, into: region, forged, line: left + 1, says: "day '1920-02-01' is before kropotkin joined dmitrov-post on 1920-03-01")
        // The log as written merges.
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    /// `petition status --on` before the petition's day is refused; a log saying so was merged.
    @Test func aStatusChangeBeforeThePetitionWasLoggedIsRefusedByTheMergeAsByPetitionStatus() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let early = try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-01-10"])
        #expect(early.status == 65 && early.stderr.contains("--on '1920-01-10' is before petition 1 was opened on 1920-01-20"), "\(early)")
        #expect(try cli.run(["petition", "status", "1", "--to", "answered", "--on", "1920-02-10"]).status == 0)
        let log = try Self.exportedLog(cli)
        let changed = try #require(log.firstIndex { $0.contains("\"petition.status_changed\"") })
        let region = try EleventhTrialTests.region(cli)
        try Self.expectRefused(
            cli, into: region, try Self.changing(log, changed) { $0["day"] = "1920-01-10" }, line: changed + 1,
            says: "day '1920-01-10' is before petition 1 was opened on 1920-01-20")
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }
}
