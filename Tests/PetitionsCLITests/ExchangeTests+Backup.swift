import CSV
import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Backups and verify.
extension ExchangeTests {
    // MARK: - Backup and verify

    @Test func aBackupTakenWhileAnotherProcessWritesIsWholeAndSound() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c",
            """
            i=0; while [ $i -lt 40 ]; do
              "$0" letter send --from dmitrov-post --to moscow-supply --on 1920-02-1$((i % 10)) --subject "Reminder $i" --petition 1 --db "$1" >/dev/null || exit 1
              i=$((i + 1))
            done
            """, CLI.binary, cli.db,
        ]
        writer.environment = cli.environment
        try writer.run()
        var backups: [String] = []
        for n in 0..<4 {
            let path = cli.directory.appendingPathComponent("backup-\(n).sqlite").path
            Self.succeeded(try cli.run(["backup", path]), "backup \(n)")
            backups.append(path)
            usleep(150_000)
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0, "the writer never saw the ledger locked")
        var counts: [Int] = []
        for b in backups {
            #expect(try Self.mode(b) == 0o600)
            #expect(!FileManager.default.fileExists(atPath: b + "-wal"), "a backup is one file")
            let verify = try CLI.exec(["verify", "--db", b], environment: cli.environment)
            #expect(verify.status == 0 && verify.stdout == "Ledger OK\n", "\(verify)")
            counts.append(try Self.objects(try CLI.exec(["letter", "list", "--format", "json", "--db", b], environment: cli.environment)).count)
        }
        #expect(counts == counts.sorted() && counts.allSatisfy { (1...41).contains($0) }, "\(counts)")
        #expect(try Self.objects(try cli.run(["letter", "list", "--format", "json"])).count == 41)

        let again = try cli.run(["backup", backups[0]])
        #expect(again.status == 73 && again.stderr.contains("already exists") && again.stderr.contains("--force"), "\(again)")
        let itself = try cli.run(["backup", cli.db, "--force"])
        #expect(itself.status == 73 && itself.stderr.contains("is the ledger itself"), "\(itself)")
        Self.succeeded(try cli.run(["backup", backups[0], "--force"]))
        #expect(try Self.objects(try CLI.exec(["letter", "list", "--format", "json", "--db", backups[0]], environment: cli.environment)).count == 41)
    }

    @Test func verifyFindsRecordsThatNoLongerAgreeWithTheirEvents() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        Self.succeeded(
            try cli.run([
                "delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", "1919-12",
                "--on", "1919-12-06", "--quantity", "1000 funt wheat",
            ]))
        Self.succeeded(
            try cli.run([
                "letter", "receive", "--from", "moscow-supply", "--to", "dmitrov-post", "--on", "1920-03-10", "--subject", "Reply",
                "--in-reply-to", "1",
            ]))
        let ok = try cli.run(["verify"])
        #expect(ok.status == 0 && ok.stdout == "Ledger OK\n", "\(ok)")

        let december = try #require(
            try Self.objects(try cli.run(["delivery", "list", "--period", "1919-12", "--format", "json"])).first?["id"] as? Int)
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE delivery SET status = 'complete' WHERE id = ?", arguments: [december])
            try db.execute(sql: "UPDATE delivery_item SET received = received + 5 WHERE delivery_id = ?", arguments: [december])
            try db.execute(sql: "UPDATE letter SET answered_by = 1 WHERE id = 1")
        }
        try queue.close()
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        for m in [
            "delivery \(december): its status is complete but its receipts make it partial", "delivery \(december): ",
            "but its receipts add up to", "letter 1: is answered by letter 1, which was sent, not received",
        ] {
            #expect(r.stdout.contains(m), "verify should say \(m): \(r.stdout)")
        }
        let json = try #require(try CLI.json(try cli.run(["verify", "--format", "json"])) as? [String: Any])
        #expect(json["ok"] as? Bool == false && (json["problems"] as? [String])?.count == 3)
    }

    @Test("a backup removes the partial copies a killed backup left, says so, and leaves one still being written")
    func stalePartialBackupsAreRemoved() throws {
        let cli = try CLI()
        defer { cli.remove() }
        Self.succeeded(try cli.run(["init", "--office", "dmitrov"]))
        let destination = cli.directory.appendingPathComponent("b.sqlite").path
        let stale = cli.directory.appendingPathComponent(".b.sqlite.0A1B2C3D.partial").path
        let live = cli.directory.appendingPathComponent(".b.sqlite.9F8E7D6C.partial").path
        for file in [stale, stale + "-journal", live] { try Data(count: 4096).write(to: URL(fileURLWithPath: file)) }
        // Another backup still writing holds its partial locked.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", live, "sleep", "20"]
        try holder.run()
        defer { holder.terminate() }
        usleep(300_000)
        let r = try cli.run(["backup", destination])
        Self.succeeded(r)
        #expect(r.stderr.contains("removed 1 partial copy of this backup") && r.stderr.contains(".b.sqlite.0A1B2C3D.partial"), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: stale) && !FileManager.default.fileExists(atPath: stale + "-journal"))
        #expect(FileManager.default.fileExists(atPath: live), "a partial another backup holds is left alone")
        #expect(FileManager.default.fileExists(atPath: destination))
    }
}
