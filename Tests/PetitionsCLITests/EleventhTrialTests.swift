import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// The defects the eleventh trial (everything that comes in from outside, 3 December 1926) found through the command
/// line, numbered as its report numbers them.
@Suite struct EleventhTrialTests {
    /// A second ledger beside `cli`'s, made by `init --office region`.
    static func region(_ cli: CLI) throws -> String {
        let path = cli.directory.appendingPathComponent("region.sqlite").path
        let made = try CLI.exec(["init", "--office", "region", "--db", path], environment: cli.environment)
        #expect(made.status == 0, "\(made)")
        return path
    }

    static func write(_ cli: CLI, _ name: String, _ text: String) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: - 1: an attachment's bytes in the event log

    /// A 2 MB scan is 2.7 million characters of base64: the merge refused it as a text over 1,000,000 characters.
    @Test func anAttachmentOfTwoMegabytesIsMergedByteForByte() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        var bytes = [UInt8](repeating: 0, count: 2_000_000)
        var g = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &g) }
        let file = cli.directory.appendingPathComponent("scan.bin")
        try Data(bytes).write(to: file)
        let attached = try cli.run(["attach", "--letter", "1", file.path])
        #expect(attached.status == 0, "\(attached)")
        let log = cli.directory.appendingPathComponent("dmitrov.jsonl").path
        #expect(try cli.run(["export", "events", "--format", "jsonl", "--output", log]).status == 0)
        let region = try Self.region(cli)
        let merged = try CLI.exec(["import", "events", log, "--db", region], environment: cli.environment)
        #expect(merged.status == 0, "\(merged)")
        let got = try CLI.exec(
            ["attachment", "get", "1", "--output", cli.directory.appendingPathComponent("got.bin").path, "--db", region], environment: cli.environment
        )
        #expect(got.status == 0, "\(got)")
        #expect(try Data(contentsOf: cli.directory.appendingPathComponent("got.bin")) == Data(bytes))
    }

    /// The lines of `log` up to line `i` (from 0), that line changed by `change`, as JSON Lines.
    static func edited(_ log: [String], _ i: Int, _ change: (inout [String: Any]) -> Void) throws -> String {
        var event = try #require(try JSONSerialization.jsonObject(with: Data(log[i].utf8)) as? [String: Any])
        change(&event)
        let line = String(
            decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        return (log[..<i] + [line]).joined(separator: "\n") + "\n"
    }

    // MARK: - 4 and 19: events the commands refuse

    /// A petitioner added in 2999, and a receipt whose event is dated ten years after the day it says it came:
    /// `petitioner add` and `delivery receive` cannot record either; the merge took both without a word.
    @Test func importEventsRefusesADayAfterTodayAndAReceiptDatedOtherwiseThanItsEvent() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try cli.run(["petitioner", "add", "--name", "Future Day", "--handle", "futd"]).status == 0)
        #expect(
            try cli.run([
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-06",
                "--quantity", "1000 funt wheat",
            ]).status == 0)
        let log = try cli.run(["export", "events", "--format", "jsonl"]).stdout.split(separator: "\n").map(String.init)
        let region = try Self.region(cli)
        let added = try #require(log.firstIndex { $0.contains("\"futd\"") && $0.contains("petitioner.added") })
        let future = try CLI.exec(
            ["import", "events", "-", "--db", region], environment: cli.environment, stdin: try Self.edited(log, added) { $0["day"] = "2999-01-01" })
        #expect(future.status == 65, "\(future)")
        #expect(future.stderr.contains("line \(added + 1) (event") && future.stderr.contains("day '2999-01-01' is after today"), "\(future)")
        let received = try #require(log.firstIndex { $0.contains("delivery.received") })
        let moved = try CLI.exec(
            ["import", "events", "-", "--db", region], environment: cli.environment,
            stdin: try Self.edited(log, received) { $0["day"] = "1930-01-01" })
        #expect(moved.status == 65, "\(moved)")
        #expect(moved.stderr.contains("payload key on '1920-01-06' is not the event's day 1930-01-01"), "\(moved)")
        #expect(try CLI.exec(["events", "--db", region], environment: cli.environment).stdout.contains("Future Day") == false)
    }
}
