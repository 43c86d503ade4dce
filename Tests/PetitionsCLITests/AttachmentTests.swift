import Foundation
import PetitionsTestSupport
import Testing

/// `petitions attach`, `attachment list|get|remove` and `compact`, and attachments through backup and merge.
@Suite struct AttachmentTests {
    /// A small PDF-like file: its signature, then bytes of every value (not text, not valid UTF-8).
    static let pdf: Data = Data("%PDF-1.4\n".utf8) + Data((0...255).map { UInt8($0) }) + Data("%%EOF\n".utf8)

    static func write(_ cli: CLI, _ name: String, _ data: Data) throws -> String {
        let path = cli.directory.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func object(_ r: CLI.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        #expect(r.status == 0, "\(r)", sourceLocation: sourceLocation)
        return try #require(try CLI.json(r) as? [String: Any], "\(r)", sourceLocation: sourceLocation)
    }

    static func list(_ cli: CLI, _ args: [String] = []) throws -> [[String: Any]] {
        try #require(try CLI.json(try cli.run(["attachment", "list"] + args + ["--format", "json"])) as? [[String: Any]])
    }

    /// The SHA-256 of `data` as coreutils' sha256sum gives it.
    static func sha256(_ data: Data) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    @Test func attachListAndGetByteForByte() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try Self.write(cli, "reply.pdf", Self.pdf)
        let a = try Self.object(try cli.run(["attach", "--letter", "1", file, "--title", "Scanned reply", "--on", "1920-02-11", "--format", "json"]))
        #expect(Set(a.keys) == ["id", "letter", "petition", "name", "title", "media_type", "size", "sha256", "added"])
        #expect(a["id"] as? Int == 1 && a["letter"] as? Int == 1 && a["petition"] is NSNull)
        #expect(a["name"] as? String == "reply.pdf" && a["title"] as? String == "Scanned reply" && a["added"] as? String == "1920-02-11")
        #expect(a["media_type"] as? String == "application/pdf" && a["size"] as? Int == Self.pdf.count)
        #expect(a["sha256"] as? String == (try Self.sha256(Self.pdf)))

        let note = try Self.write(cli, "note.txt", Data("Received with thanks.\nЗаписка.\n".utf8))
        let b = try Self.object(try cli.run(["attach", "--petition", "1", note, "--format", "json"]))
        #expect(b["media_type"] as? String == "text/plain" && b["petition"] as? Int == 1 && b["title"] is NSNull)
        #expect(try Self.list(cli).count == 2)
        #expect(try Self.list(cli, ["--letter", "1"]).compactMap { $0["id"] as? Int } == [1])
        #expect(try Self.list(cli, ["--petition", "1"]).compactMap { $0["id"] as? Int } == [2])
        #expect(try cli.run(["attachment", "list"]).stdout.contains("reply.pdf"))

        let out = cli.directory.appendingPathComponent("got.pdf").path
        #expect(try cli.run(["attachment", "get", "1", "--output", out]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Self.pdf)
        #expect(try ExchangeTests.mode(out) == 0o600)
        let again = try cli.run(["attachment", "get", "1", "--output", out])
        #expect(again.status == 73 && again.stderr.contains("--force"), "\(again)")
        #expect(try cli.run(["attachment", "get", "2", "--output", out, "--force"]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "Received with thanks.\nЗаписка.\n")
        let piped = try cli.run(["attachment", "get", "2"])
        #expect(piped.status == 0 && piped.stdout == "Received with thanks.\nЗаписка.\n", "to standard output when it is a pipe")

        let hits = try #require(try CLI.json(try cli.run(["search", "scanned", "--format", "json"])) as? [[String: Any]])
        #expect(hits.map { $0["kind"] as? String } == ["attachment"] && hits.first?["id"] as? Int == 1, "\(hits)")
        #expect(try cli.run(["verify"]).stdout.contains("Ledger OK"))
    }

    @Test func theReportSaysHowManyDocumentsEachLetterHas() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let asOf = ["--as-of", "1920-03-04"]
        let plain = try cli.run(["report", "--format", "json"] + asOf)
        #expect(!plain.stdout.contains("\"documents\""), "no key without attachments: the report is as before")
        for (i, name) in ["a.pdf", "b.txt"].enumerated() {
            let file = try Self.write(cli, name, Self.pdf + Data([UInt8(i)]))
            _ = try Self.object(try cli.run(["attach", "--letter", "1", file, "--on", "1920-02-01", "--format", "json"]))
        }
        let late = try Self.write(cli, "late.pdf", Data("%PDF-late".utf8))
        _ = try Self.object(try cli.run(["attach", "--letter", "1", late, "--on", "1920-03-10", "--format", "json"]))
        let json = try #require(try CLI.json(try cli.run(["report", "--format", "json"] + asOf)) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]], "\(json.keys)")
        #expect(documents.count == 1 && documents.first?["letter"] as? Int == 1 && documents.first?["documents"] as? Int == 2, "\(documents)")
        #expect(documents.first?["on"] as? String == "1920-01-20")
        let schema = try JSONSchema(contentsOf: ReportTests.schema)
        #expect(try schema.errors(in: Data(try cli.run(["report", "--format", "json"] + asOf).stdout.utf8)).isEmpty)
        let text = try cli.run(["report"] + asOf)
        #expect(text.stdout.contains("Documents attached to letters"), "\(text)")
        let html = try cli.run(["report", "--format", "html"] + asOf)
        #expect(html.stdout.contains("<section id=\"documents\"") && html.stdout.contains("Documents attached to letters"), "\(html.stderr)")
        let csv = try cli.run(["report", "--format", "csv", "--section", "documents"] + asOf)
        #expect(csv.stdout == "letter,on,documents\r\n1,1920-01-20,2\r\n", "\(csv)")
    }

    @Test func theSameContentIsStoredOnce() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let one = try Self.write(cli, "one.pdf", Self.pdf)
        let two = try Self.write(cli, "two.pdf", Self.pdf)
        _ = try Self.object(try cli.run(["attach", "--letter", "1", one, "--format", "json"]))
        let size = try FileManager.default.attributesOfItem(atPath: cli.db)[.size] as? Int ?? 0
        _ = try Self.object(try cli.run(["attach", "--petition", "1", two, "--format", "json"]))
        let list = try Self.list(cli)
        #expect(list.count == 2 && Set(list.compactMap { $0["sha256"] as? String }).count == 1)
        // Removing one leaves the content for the other: compact drops nothing.
        #expect(try cli.run(["attachment", "remove", "1", "--reason", "Twice"]).status == 0)
        let kept = try cli.run(["compact"])
        #expect(kept.status == 0 && kept.stdout.contains("dropped 0 removed files"), "\(kept)")
        #expect(try cli.run(["attachment", "get", "2", "--output", cli.directory.appendingPathComponent("x").path]).status == 0)
        #expect(size > 0)
    }

    @Test func refusals() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let before = try BadInputTests.snapshot(cli)
        let empty = try Self.write(cli, "empty.pdf", Data())
        let r1 = try cli.run(["attach", "--letter", "1", empty])
        #expect(r1.status == 65 && r1.stderr.contains("empty"), "\(r1)")
        let r2 = try cli.run(["attach", "--letter", "1", cli.directory.path])
        #expect(r2.status == 66 && r2.stderr.contains("folder"), "\(r2)")
        let r3 = try cli.run(["attach", "--letter", "1", cli.directory.appendingPathComponent("missing.pdf").path])
        #expect(r3.status == 66 && r3.stderr.contains("no such file"), "\(r3)")
        let file = try Self.write(cli, "a.pdf", Self.pdf)
        let r4 = try cli.run(["attach", "--letter", "99", file])
        #expect(r4.status == 65 && r4.stderr.contains("no letter with id 99"), "\(r4)")
        let r5 = try cli.run(["attach", file])
        #expect(r5.status == 64, "neither --letter nor --petition: \(r5)")
        let r6 = try cli.run(["attach", "--letter", "1", "--petition", "1", file])
        #expect(r6.status == 64, "both: \(r6)")
        // Over the configured limit: the sentence names the size and the limit.
        let config = try Self.write(cli, "config.toml", Data("max_attachment_mb = 1\n".utf8))
        let big = try Self.write(cli, "big.tif", Data([0x49, 0x49, 0x2A, 0x00]) + Data(count: 2 * 1_048_576))
        let r7 = try cli.run(["attach", "--letter", "1", big, "--config", config])
        #expect(r7.status == 65 && r7.stderr.contains("2.0 MB") && r7.stderr.contains("limit of 1 MB"), "\(r7)")
        #expect(try BadInputTests.snapshot(cli) == before, "nothing changed")
        #expect(try Self.list(cli).isEmpty)
        // Under the default limit it is taken, and sniffed as TIFF.
        let tiff = try Self.object(try cli.run(["attach", "--letter", "1", big, "--format", "json"]))
        #expect(tiff["media_type"] as? String == "image/tiff")
        let gone = try cli.run(["attachment", "get", "7"])
        #expect(gone.status == 65 && gone.stderr.contains("no attachment with id 7"), "\(gone)")
    }

    @Test func removeThenCompact() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try Self.write(cli, "reply.pdf", Self.pdf)
        // Attached on a day of 1920, so that a removal on 1920-03-01 is not dated before it was added (refused).
        _ = try Self.object(
            try cli.run(["attach", "--letter", "1", file, "--title", "Scanned reply", "--on", "1920-02-01", "--format", "json"]))
        let removed = try cli.run(["attachment", "remove", "1", "--reason", "Wrong letter", "--on", "1920-03-01"])
        #expect(removed.status == 0 && removed.stdout.contains("Removed attachment 1"), "\(removed)")
        #expect(try Self.list(cli).isEmpty)
        let get = try cli.run(["attachment", "get", "1", "--output", cli.directory.appendingPathComponent("x").path])
        #expect(get.status == 65 && get.stderr.contains("was removed on 1920-03-01"), "\(get)")
        #expect(try cli.run(["attachment", "remove", "1", "--reason", "Again"]).status == 65)
        #expect(try #require(try CLI.json(try cli.run(["search", "scanned", "--format", "json"])) as? [Any]).isEmpty)
        let events = try cli.run(["events", "--format", "json"])
        #expect(events.stdout.contains("attachment.removed"), "\(events)")
        let compact = try cli.run(["compact"])
        #expect(compact.status == 0 && compact.stdout.contains("dropped 1 removed file"), "\(compact)")
        #expect(try cli.run(["verify"]).stdout.contains("Ledger OK"))
    }

    @Test func backupAndMergeCarryTheBytes() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let file = try Self.write(cli, "reply.pdf", Self.pdf)
        _ = try Self.object(try cli.run(["attach", "--letter", "1", file, "--title", "Scanned reply", "--format", "json"]))
        let other = try Self.write(cli, "other.pdf", Self.pdf + Data("more".utf8))
        _ = try Self.object(try cli.run(["attach", "--petition", "1", other, "--format", "json"]))
        #expect(try cli.run(["attachment", "remove", "2", "--reason", "Not ours"]).status == 0)

        // Backup.
        let backup = cli.directory.appendingPathComponent("backup.sqlite").path
        #expect(try cli.run(["backup", backup]).status == 0)
        let fromBackup = cli.directory.appendingPathComponent("from-backup.pdf").path
        let r = try CLI.exec(["attachment", "get", "1", "--output", fromBackup, "--db", backup], environment: cli.environment)
        #expect(r.status == 0, "\(r)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fromBackup)) == Self.pdf)

        // Export and import into another office's ledger.
        let log = try cli.run(["export", "events", "--format", "jsonl"])
        #expect(log.status == 0)
        let added = log.stdout.split(separator: "\n").filter { $0.contains("\"attachment.added\"") }
        #expect(added.count == 2 && added.allSatisfy { $0.contains("\"content\":\"") }, "the bytes travel base64 in the adding event")
        #expect(log.stdout.contains(Self.pdf.base64EncodedString()))
        let logFile = try Self.write(cli, "dmitrov.jsonl", Data(log.stdout.utf8))
        let klin = try CLI()
        defer { klin.remove() }
        #expect(try klin.run(["init", "--office", "klin"]).status == 0)
        let merged = try klin.run(["import", "events", logFile])
        #expect(merged.status == 0, "\(merged)")
        let list = try Self.list(klin)
        #expect(list.count == 1 && list.first?["title"] as? String == "Scanned reply" && list.first?["letter"] as? Int == 1, "\(list)")
        let id = try #require(list.first?["id"] as? Int)
        let out = klin.directory.appendingPathComponent("merged.pdf").path
        #expect(try klin.run(["attachment", "get", String(id), "--output", out]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Self.pdf, "byte for byte")
        #expect(try klin.run(["verify"]).stdout.contains("Ledger OK"))
        #expect(try klin.run(["import", "events", logFile]).status == 0, "the same log again adds nothing")

        // A log whose bytes were changed in transit is refused.
        let tampered = log.stdout.replacingOccurrences(of: Self.pdf.base64EncodedString(), with: (Self.pdf + Data("x".utf8)).base64EncodedString())
        let bad = try CLI()
        defer { bad.remove() }
        let badFile = try Self.write(bad, "bad.jsonl", Data(tampered.utf8))
        let refused = try bad.run(["import", "events", badFile])
        #expect(refused.status == 65 && refused.stderr.contains("does not match"), "\(refused)")
    }
}
