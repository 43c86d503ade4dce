import Foundation
import PetitionsTestSupport
import Testing

/// The days `import events` refuses in a letter's void and an attachment's removal, as `letter void --on` and
/// `attachment remove --on` refuse them (and as it refused them in a receipt's void): the whole log, nothing merged.
@Suite struct MergeVoidDayTests {
    /// The Dmitrov ledger with a letter on no petition voided and a scan attached to letter 1 and removed, the single
    /// commands having first refused each dated after today; its exported log.
    static func voidedAndRemoved(_ cli: CLI) throws -> [String] {
        #expect(
            try cli.run(["letter", "send", "--from", "dmitrov-post", "--to", "moscow-supply", "--on", "1920-01-22", "--subject", "Twice"])
                .status == 0)
        let scan = try EleventhTrialTests.write(cli, "scan.txt", "The appeal, scanned.\n")
        #expect(try cli.run(["attach", "--letter", "1", scan, "--on", "1920-01-21"]).status == 0)
        let later = try cli.run(["letter", "void", "2", "--reason", "typed twice", "--on", "2999-01-01"])
        #expect(later.status == 65 && later.stderr.contains("--on '2999-01-01' is after today ("), "\(later)")
        let removedLater = try cli.run(["attachment", "remove", "1", "--reason", "wrong scan", "--on", "2999-01-01"])
        #expect(removedLater.status == 65 && removedLater.stderr.contains("--on '2999-01-01' is after today ("), "\(removedLater)")
        #expect(try cli.run(["letter", "void", "2", "--reason", "typed twice", "--on", "1920-01-23"]).status == 0)
        #expect(try cli.run(["attachment", "remove", "1", "--reason", "wrong scan", "--on", "1920-01-23"]).status == 0)
        return try MergeLeftoverTests.exportedLog(cli)
    }

    /// A `letter.voided` or an `attachment.removed` dated after today was merged, while a `receipt.voided` so dated is
    /// refused: the letter or the file gone from today's pages before it was voided or removed.
    @Test func aLetterVoidOrAnAttachmentRemovalDatedAfterTodayIsRefusedByTheMerge() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let log = try Self.voidedAndRemoved(cli)
        let region = try EleventhTrialTests.region(cli)
        for (kind, what) in [("letter.voided", "a void"), ("attachment.removed", "a removal")] {
            let i = try #require(log.firstIndex { $0.contains("\"\(kind)\"") })
            let uuid = try #require(Self.uuid(log[i]))
            try MergeLeftoverTests.expectRefused(
                cli, into: region, try MergeLeftoverTests.changing(log, i) { $0["day"] = "2999-01-01" }, line: i + 1,
                says: "(event \(uuid), \(kind)): day '2999-01-01' is after today (")
            try MergeLeftoverTests.expectRefused(
                cli, into: region, try MergeLeftoverTests.changing(log, i) { $0["day"] = "2999-01-01" }, line: i + 1,
                says: "; \(what) is recorded on or after the day it happens, so nothing was recorded. Nothing was imported.")
        }
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    /// A `letter.voided` dated before its letter's day, or an `attachment.removed` before the file was added, was
    /// merged, while `letter void --on` and `attachment remove --on` refuse those days, and the merge refuses a
    /// `receipt.voided` before its receipt's.
    @Test func aLetterVoidOrAnAttachmentRemovalDatedBeforeItsRecordIsRefusedByTheMerge() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let early = try cli.run(["letter", "void", "1", "--reason", "wrong", "--on", "1900-01-01"])
        #expect(early.status == 65 && early.stderr.contains("--on '1900-01-01' is before letter 1's day (1920-01-20)"), "\(early)")
        let log = try Self.voidedAndRemoved(cli)
        let region = try EleventhTrialTests.region(cli)
        for (kind, says) in [
            ("letter.voided", "day '1900-01-01' is before letter 2's day (1920-01-22); a letter is voided on or after its day"),
            ("attachment.removed", "day '1900-01-01' is before attachment 1 was added (1920-01-21); a file is removed on or after"),
        ] {
            let i = try #require(log.firstIndex { $0.contains("\"\(kind)\"") })
            try MergeLeftoverTests.expectRefused(
                cli, into: region, try MergeLeftoverTests.changing(log, i) { $0["day"] = "1900-01-01" }, line: i + 1, says: says)
        }
        let merged = try CLI.exec(["import", "events", "-", "--db", region], environment: cli.environment, stdin: log.joined(separator: "\n") + "\n")
        #expect(merged.status == 0, "\(merged)")
    }

    /// The `uuid` of an exported line.
    static func uuid(_ line: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["uuid"] as? String
    }
}
