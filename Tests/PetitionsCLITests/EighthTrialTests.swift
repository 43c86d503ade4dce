import Foundation
import PetitionsTestSupport
import Testing

/// Defects the eighth trial found in checking what comes in: another office's log, the environment, dates, text.
@Suite struct EighthTrialTests {
    // MARK: - A log holding a value no ledger could record

    /// Dmitrov's ledger with an ended enrolment, a receipt and an attachment: every kind of event a case below edits.
    static func dmitrov() throws -> CLI {
        let cli = try BadInputTests.dmitrov()
        let file = cli.directory.appendingPathComponent("reply.txt")
        try Data("The reply.\n".utf8).write(to: file)
        for step in [
            [
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1920-01", "--on", "1920-01-25",
                "--quantity", "1000 funt wheat",
            ],
            ["enrol", "end", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--on", "1920-01-31"],
            ["attach", "--letter", "1", file.path, "--on", "1920-01-21"],
        ] {
            let r = try cli.run(step)
            #expect(r.status == 0, "\(step): \(r)")
        }
        return cli
    }

    /// `log` with the payload key `key` of its first event of `kind` set to `value`, and that event's line number.
    static func edit(_ log: String, kind: String, key: String, value: Any) throws -> (log: String, line: Int) {
        var lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() where !line.isEmpty {
            var event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard event["kind"] as? String == kind, var payload = event["payload"] as? [String: Any] else { continue }
            payload[key] = value
            event["payload"] = payload
            lines[i] = String(decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
            return (lines.joined(separator: "\n"), i + 1)
        }
        Issue.record("no \(kind) event in the log")
        return (log, 0)
    }

    struct BadValue: Sendable, CustomTestStringConvertible {
        let kind: String
        let key: String
        let value: @Sendable () -> Any
        let shown: String
        var testDescription: String { "\(kind) \(key) \(shown)" }
    }

    static let badValues: [BadValue] = [
        BadValue(kind: "enrolment.ended", key: "on", value: { "1920-02-30" }, shown: "1920-02-30"),
        BadValue(kind: "decree.added", key: "due_day", value: { 45 }, shown: "45"),
        BadValue(kind: "authority.added", key: "parent", value: { "sovnarkom" }, shown: "sovnarkom"),
        BadValue(kind: "authority.added", key: "reply_within", value: { "0 days" }, shown: "0 days"),
        BadValue(kind: "letter.sent", key: "channel", value: { "pigeon" }, shown: "pigeon"),
        BadValue(kind: "delivery.received", key: "quantities", value: { ["-5 funt wheat"] }, shown: "-5 funt wheat"),
        BadValue(kind: "attachment.added", key: "name", value: { "../etc/passwd" }, shown: "../etc/passwd"),
        BadValue(kind: "letter.sent", key: "reply_within", value: { "999999 months" }, shown: "999999 months"),
        BadValue(kind: "petitioner.added", key: "name", value: { "A\u{200D}B" }, shown: #"A\u200DB"#),
    ]

    @Test("a log with a value no ledger could record is refused whole, naming the line and the key; the right log then merges", arguments: badValues)
    func aLogWithAValueNoLedgerCouldRecordIsRefusedWhole(_ bad: BadValue) throws {
        let dmitrov = try Self.dmitrov()
        let klin = try CLI()
        defer {
            dmitrov.remove()
            klin.remove()
        }
        #expect(try klin.run(["init", "--office", "klin"]).status == 0)
        let log = try dmitrov.run(["export", "events"]).stdout
        let (broken, line) = try Self.edit(log, kind: bad.kind, key: bad.key, value: bad.value())
        let before = try BadInputTests.snapshot(klin)
        let refused = try klin.run(["import", "events", "-"], stdin: broken)
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("line \(line) ") && refused.stderr.contains("\(bad.key) '\(bad.shown)'"), "\(refused)")
        #expect(refused.stderr.contains("Nothing was imported"), "\(refused)")
        #expect(try BadInputTests.snapshot(klin) == before, "nothing was written")
        let merged = try klin.run(["import", "events", "-"], stdin: log)
        #expect(merged.status == 0 && !merged.stdout.contains("without effect") && !merged.stdout.contains("could not apply"), "\(merged)")
    }
}
