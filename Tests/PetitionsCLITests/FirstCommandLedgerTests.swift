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
}
