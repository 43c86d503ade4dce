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

    // MARK: - 5: re-enrolment replayed

    /// The Dmitrov ledger with a receipt voided, an enrolment ended and the group enrolled again, a member who left and
    /// joined again, and a dependant removed and added again.
    static func reenrolled() throws -> CLI {
        let cli = try BadInputTests.dmitrov()
        let steps: [[String]] = [
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-09", "--on", "1919-09-06",
                "--quantity", "1700 funt wheat",
            ],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-10", "--on", "1919-10-06",
                "--quantity", "1700 funt wheat",
            ],
            ["receipt", "void", "2", "--reason", "Counted twice", "--on", "1919-10-07"],
            ["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1919-11-30"],
            ["enrol", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--from", "1920-01-01", "--count", "employee=100"],
            ["delivery", "schedule", "--decree", "decree-1918", "--from", "1920-01", "--to", "1920-03", "--on", "1920-01-01"],
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
                "--quantity", "800 funt wheat",
            ],
            ["enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--from", "1919-09-01", "--count", "employee=1"],
            ["enrol", "end", "--decree", "decree-1918", "--recipient", "kropotkin", "--on", "1919-12-31"],
            ["enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--from", "1920-02-01", "--count", "employee=1"],
            ["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1919-09-01"],
            ["group", "leave", "dmitrov-post", "--member", "kropotkin", "--on", "1919-12-31"],
            ["group", "join", "dmitrov-post", "--member", "kropotkin", "--from", "1920-02-01"],
            ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--category", "incapacitated", "--on", "1919-09-01"],
            ["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia", "--on", "1919-12-31"],
            ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia", "--category", "incapacitated", "--on", "1920-02-01"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        return cli
    }

    /// What a user sees of the records, as JSON: two ledgers showing the same hold the same.
    static func shown(_ cli: CLI, db: String) throws -> String {
        let views: [[String]] = [
            ["group", "list"], ["petitioner", "list"], ["authority", "list"], ["petition", "list"], ["letter", "list"], ["decree", "list"],
            ["delivery", "list"], ["group", "show", "dmitrov-post"], ["petitioner", "show", "kropotkin"], ["decree", "show", "decree-1918"],
            ["delivery", "show", "1"], ["delivery", "show", "2"],
        ]
        return try views.map { v in
            let r = try CLI.exec(v + ["--format", "json", "--db", db], environment: cli.environment)
            #expect(r.status == 0, "\(v): \(r)")
            return r.stdout
        }.joined(separator: "\n")
    }

    /// An enrolment ended and taken up again, a receipt voided between, a member and a dependant gone and back: merged
    /// into an empty ledger, it shows what the ledger it came from shows.
    @Test func aReEnrolmentBetweenAVoidAndAnEndMergesIntoAnEmptyLedgerAsItWas() throws {
        let cli = try Self.reenrolled()
        defer { cli.remove() }
        let log = try Self.exportedLog(cli)
        let region = try EleventhTrialTests.region(cli)
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0 && !merged.stderr.contains("without effect"), "\(merged)")
        let source = try Self.shown(cli, db: cli.db)
        let copy = try Self.shown(cli, db: region)
        #expect(source == copy)
        if source != copy {
            // The first line that differs, to say what.
            let a = source.split(separator: "\n", omittingEmptySubsequences: false)
            let b = copy.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record(
                "first difference on line \(i): \(a.count > i ? String(a[i].prefix(400)) : "") vs \(b.count > i ? String(b[i].prefix(400)) : "")")
        }
    }
}
