import Foundation
import PetitionsTestSupport
import Testing

/// Reading a ledger that is read-only leaves nothing behind that would stop writing once it is writable again, and a
/// leftover that does is named. File permissions do not bind root, so the runs that need them are made as `nobody`
/// through setpriv(1); without root or setpriv those tests are skipped, and the one that does not need them runs.
@Suite struct ReadOnlyLedgerTests {
    static let setpriv = "/usr/bin/setpriv"
    static let canDropToNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv)

    /// A ledger with one authority, in a folder of its own, both owned by `nobody`, the ledger with `mode`.
    static func ledgerOwnedByNobody(_ cli: CLI, mode: mode_t) throws -> String {
        #expect(try cli.run(["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"]).status == 0)
        let folder = cli.directory.appendingPathComponent("nobody").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let db = folder + "/ledger.sqlite"
        try FileManager.default.copyItem(atPath: cli.db, toPath: db)
        for p in [cli.directory.path, folder, db] { #expect(chown(p, 65534, 65534) == 0, "\(p)") }
        #expect(chmod(cli.directory.path, 0o755) == 0)
        #expect(chmod(db, mode) == 0)
        return db
    }

    /// Runs petitions as `nobody`.
    static func asNobody(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        try CLI.exec(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary] + args, environment: cli.environment,
            executable: setpriv)
    }

    static func beside(_ db: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: db).deletingLastPathComponent().path).filter {
            $0 != "ledger.sqlite"
        }.sorted()
    }

    @Test(.enabled(if: canDropToNobody, "needs root and setpriv to run as nobody, whom file permissions bind"))
    func readingAReadOnlyLedgerLeavesNothingSoItIsWritableOnceMadeSo() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let db = try Self.ledgerOwnedByNobody(cli, mode: 0o444)
        #expect(try Self.beside(db).isEmpty)
        for args in [["authority", "list"], ["verify"], ["events"], ["check", "--as-of", "1920-03-04"]] {
            let r = try Self.asNobody(cli, args + ["--db", db])
            #expect(r.status == 0 || args[0] == "check", "\(args): \(r)")
            let left = try Self.beside(db)
            #expect(left.isEmpty, "\(args) left \(left)")
        }
        let refused = try Self.asNobody(cli, ["authority", "add", "--name", "Narkomprod", "--handle", "narkomprod", "--db", db])
        #expect(refused.status == 77 && refused.stderr.contains("read-only"), "\(refused)")
        #expect(chmod(db, 0o644) == 0)
        let added = try Self.asNobody(cli, ["authority", "add", "--name", "Narkomprod", "--handle", "narkomprod", "--db", db])
        #expect(added.status == 0, "\(added)")
    }

    @Test(.enabled(if: canDropToNobody, "needs root and setpriv to run as nobody, whom file permissions bind"))
    func aReadOnlyShmLeftByAnEarlierReadIsNamedWhenItStopsAWrite() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let db = try Self.ledgerOwnedByNobody(cli, mode: 0o644)
        // What an older petitions (or sqlite3) left after reading the ledger while it was 0444.
        for (suffix, size) in [("-shm", 32768), ("-wal", 0)] {
            #expect(FileManager.default.createFile(atPath: db + suffix, contents: Data(count: size)))
            #expect(chown(db + suffix, 65534, 65534) == 0 && chmod(db + suffix, 0o444) == 0)
        }
        let r = try Self.asNobody(cli, ["authority", "add", "--name", "Narkomprod", "--handle", "narkomprod", "--db", db])
        #expect(r.status == 77, "\(r)")
        #expect(r.stderr.contains(db + "-shm") || r.stderr.contains(db + "-wal"), "\(r)")
        #expect(r.stderr.contains("delete"), "\(r)")
        // Reading still works, and says nothing of it.
        let list = try Self.asNobody(cli, ["authority", "list", "--db", db])
        #expect(list.status == 0 && list.stdout.contains("sovnarkom"), "\(list)")
        for suffix in ["-shm", "-wal"] { try FileManager.default.removeItem(atPath: db + suffix) }
        let added = try Self.asNobody(cli, ["authority", "add", "--name", "Narkomprod", "--handle", "narkomprod", "--db", db])
        #expect(added.status == 0, "\(added)")
    }

    @Test func aReadingCommandOnALedgerWithNoJournalLeavesNoneAsItsOwnerWhoCanWriteIt() throws {
        let cli = try CLI()
        defer { cli.remove() }
        #expect(try cli.run(["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"]).status == 0)
        let folder = cli.directory.path
        let journals = { try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix("-shm") || $0.hasSuffix("-wal") } }
        #expect(try journals().isEmpty, "a command closes the ledger, which removes its journal")
        for args in [["authority", "list"], ["verify"], ["events"]] {
            #expect(try cli.run(args).status == 0)
            let left = try journals()
            #expect(left.isEmpty, "\(args) left \(left)")
        }
    }

    /// A reading command changes nothing in the ledger's file, not a byte: a backup or sync tool that watches it sees
    /// no change, and a ledger read by clerks is not written by them. (GRDB's pool made its write-ahead log exist by
    /// creating and dropping a table, a commit on every command, reading ones too.)
    @Test func readingCommandsLeaveTheLedgerFileAsItWas() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for args in [
            ["authority", "add", "--name", "Council of People's Commissars", "--handle", "sovnarkom"],
            ["petitioner", "add", "--name", "Pyotr Kropotkin", "--handle", "kropotkin"],
            ["letter", "send", "--from", "kropotkin", "--to", "sovnarkom", "--on", "1920-03-04", "--subject", "Provisions"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 0, "\(args): \(r)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let modified = try FileManager.default.attributesOfItem(atPath: cli.db)[.modificationDate] as? Date
        for args in [
            ["overdue", "--as-of", "1920-06-01"], ["unanswered", "--as-of", "1920-06-01"], ["letter", "list"], ["events"],
            ["check", "--as-of", "1920-06-01"], ["report", "--as-of", "1920-06-01"], ["search", "Provisions"], ["verify"],
            ["party", "list"], ["export", "events"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 0 || (args[0] == "check" && r.status == 1), "\(args): \(r)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before, "\(args) changed the ledger's bytes")
            let now = try FileManager.default.attributesOfItem(atPath: cli.db)[.modificationDate] as? Date
            #expect(now == modified, "\(args) wrote to the ledger")
            #expect(!FileManager.default.fileExists(atPath: cli.db + "-wal"), "\(args) left its write-ahead log")
        }
    }
}
