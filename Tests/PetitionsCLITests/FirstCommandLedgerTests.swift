import Foundation
import PetitionsTestSupport
import Testing

/// A ledger made by its first command is put in place only when that command succeeds: a refused first command
/// leaves no ledger (and no folder, and no hidden file) behind, as every refused command changes nothing.
@Suite struct FirstCommandLedgerTests {
    /// Everything under `folder`, hidden files included, as paths relative to it.
    func contents(_ folder: URL) -> [String] {
        let found = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        return found.sorted()
    }

    @Test func refusedFirstCommandsLeaveNoLedgerNorFolder() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let work = cli.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let db = work.appendingPathComponent("new/office/ledger.sqlite").path
        let refused: [([String], Int32, String)] = [
            (["petitioner", "add", "--name", ""], 65, "--name"),
            (["letter", "send", "--from", "ivan", "--to", "sovnarkom", "--on", "1920-03-04", "--subject", "Wheat"], 65, "'ivan'"),
            (["petition", "note", "1", "--text", "A note"], 66, "petition"),
            (["group", "add", "--name", "Employees", "--count", "employee=-3"], 64, "--count"),
        ]
        for (args, _, field) in refused {
            let r = try CLI.exec(args + ["--db", db], environment: cli.environment)
            #expect(r.status != 0, "\(args): \(r)")
            #expect(r.stderr.contains(field), "\(args): \(r.stderr)")
            #expect(!r.stderr.contains("created a new ledger"), "\(args): \(r.stderr)")
            #expect(contents(work).isEmpty, "\(args) left \(contents(work))")
        }

        // The same path then takes a first command that succeeds, made as `init` makes a ledger.
        let first = try CLI.exec(["petitioner", "add", "--name", "Pëtr Kropotkin", "--db", db], environment: cli.environment)
        #expect(first.status == 0, "\(first)")
        #expect(first.stderr.contains("created a new ledger at \(db)"), "\(first.stderr)")
        #expect(contents(work) == ["new", "new/office", "new/office/ledger.sqlite"])
        let events = try CLI.exec(["events", "--db", db, "--format", "json"], environment: cli.environment)
        #expect(events.status == 0)
        #expect(events.stdout.contains("ledger.initialized") && events.stdout.contains("petitioner.added"), "\(events.stdout)")
        let verify = try CLI.exec(["verify", "--db", db], environment: cli.environment)
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func aRefusedFirstCommandLeavesAnEmptyFileEmpty() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let db = cli.directory.appendingPathComponent("touched.sqlite").path
        #expect(FileManager.default.createFile(atPath: db, contents: Data()))
        let r = try CLI.exec(["authority", "add", "--name", "", "--db", db], environment: cli.environment)
        #expect(r.status == 65, "\(r)")
        let size = (try FileManager.default.attributesOfItem(atPath: db)[.size] as? NSNumber)?.intValue
        #expect(size == 0, "the empty file was written: \(size ?? -1) bytes")
        let ok = try CLI.exec(["authority", "add", "--name", "Sovnarkom", "--db", db], environment: cli.environment)
        #expect(ok.status == 0, "\(ok)")
        let list = try CLI.exec(["authority", "list", "--db", db], environment: cli.environment)
        #expect(list.stdout.contains("Sovnarkom"), "\(list)")
    }

    @Test func initOnANewPathNamesThePathItWasGiven() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let db = cli.directory.appendingPathComponent("dmitrov.sqlite").path
        let r = try CLI.exec(["init", "--db", db, "--office", "dmitrov"], environment: cli.environment)
        #expect(r.stdout == "Initialised the ledger \(db) for office dmitrov.\n", "\(r)")
        #expect(contents(cli.directory).filter { $0.hasPrefix(".") }.isEmpty, "\(contents(cli.directory))")
    }

    @Test func processesMakingTheSameLedgerAtOnceKeepEveryRecord() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let work = cli.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let db = work.appendingPathComponent("ledger.sqlite").path
        let names = (1...6).map { "Employee \($0)" }
        let results = try CLI.execAll(names.map { ["petitioner", "add", "--name", $0, "--db", db] }, environment: cli.environment)
        #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
        #expect(results.filter { $0.stderr.contains("created a new ledger") }.count == 1, "\(results.map(\.stderr))")
        let list = try CLI.exec(["petitioner", "list", "--db", db, "--format", "json"], environment: cli.environment)
        for name in names { #expect(list.stdout.contains(name), "\(name) lost: \(list.stdout)") }
        let events = try CLI.exec(["events", "--db", db, "--kind", "ledger.initialized", "--format", "json"], environment: cli.environment)
        #expect(events.stdout.components(separatedBy: "ledger.initialized").count == 2, "\(events.stdout)")
        #expect(contents(work) == ["ledger.sqlite"], "\(contents(work))")
    }

    // MARK: - Hidden files of killed commands

    /// Writes `names` in `folder`, each holding a few bytes.
    func write(_ names: [String], in folder: URL) throws {
        for name in names { try Data("left by a killed command".utf8).write(to: folder.appendingPathComponent(name)) }
    }

    /// Names that are not exactly a hidden name of `ledger.sqlite`: never removed.
    static let lookalikes = [
        ".ledger.sqlite.0123abcd.first", ".ledger.sqlite.0123ABC.first", ".ledger.sqlite.0123ABCDE.first", ".ledger.sqlite.0123ABCD.first.bak",
        ".ledger.sqlite.0123ABCG.first", ".other.sqlite.0123ABCD.first", "ledger.sqlite.0123ABCD.first", ".ledger.sqlite.0123ABCD.new",
        ".ledger.sqlite.0123ABCD.first-journal.old",
    ]

    @Test func aKilledCommandsHiddenFileIsRemovedByTheNextFirstCommand() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let work = cli.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let db = work.appendingPathComponent("ledger.sqlite").path
        let stale = ".ledger.sqlite.0123ABCD.first"
        try write([stale, stale + "-wal", stale + "-shm", stale + "-journal", "precious.txt"] + Self.lookalikes, in: work)
        // The right name on what is not a file of ours: a link (to a file that is not to be touched) and a folder.
        let link = ".ledger.sqlite.FEDCBA98.first"
        let folder = ".ledger.sqlite.76543210.first"
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent(link).path, withDestinationPath: "precious.txt")
        try FileManager.default.createDirectory(at: work.appendingPathComponent(folder), withIntermediateDirectories: false)
        let r = try CLI.exec(["petitioner", "add", "--name", "Vera Figner", "--db", db], environment: cli.environment)
        #expect(r.status == 0, "\(r)")
        #expect(r.stderr.contains("created a new ledger at \(db)"), "\(r.stderr)")
        #expect(
            contents(work) == (Self.lookalikes + ["ledger.sqlite", "precious.txt", link, folder]).sorted(), "\(contents(work))")
        #expect(try String(contentsOf: work.appendingPathComponent("precious.txt"), encoding: .utf8) == "left by a killed command")
        let list = try CLI.exec(["petitioner", "list", "--db", db, "--format", "json"], environment: cli.environment)
        #expect(list.stdout.contains("Vera Figner"), "\(list)")
        let verify = try CLI.exec(["verify", "--db", db], environment: cli.environment)
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func aHiddenFileWhoseLockIsHeldIsLeftAlone() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let work = cli.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let db = work.appendingPathComponent("ledger.sqlite").path
        let running = ".ledger.sqlite.89ABCDEF.first"
        try write([running, running + "-wal"], in: work)
        // Held as a running first command holds it: through an open file of its own.
        let fd = open(work.appendingPathComponent(running).path, O_RDONLY)
        #expect(fd >= 0)
        defer { if fd >= 0 { close(fd) } }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)

        let first = try CLI.exec(["petitioner", "add", "--name", "Vera Figner", "--db", db], environment: cli.environment)
        #expect(first.status == 0, "\(first)")
        #expect(contents(work) == [running, running + "-wal", "ledger.sqlite"].sorted(), "\(contents(work))")
        let second = try CLI.exec(["petitioner", "add", "--name", "Pëtr Kropotkin", "--db", db], environment: cli.environment)
        #expect(second.status == 0, "\(second)")
        #expect(contents(work) == [running, running + "-wal", "ledger.sqlite"].sorted(), "\(contents(work))")

        // Its command gone (the lock let go), a command that only reads leaves it; the next that records removes it.
        #expect(flock(fd, LOCK_UN) == 0)
        let list = try CLI.exec(["petitioner", "list", "--db", db], environment: cli.environment)
        #expect(list.status == 0, "\(list)")
        #expect(contents(work) == [running, running + "-wal", "ledger.sqlite"].sorted(), "\(contents(work))")
        let third = try CLI.exec(["petitioner", "add", "--name", "Olga Lyubatovich", "--db", db], environment: cli.environment)
        #expect(third.status == 0, "\(third)")
        #expect(contents(work) == ["ledger.sqlite"], "\(contents(work))")
    }
}
