import Foundation
import PetitionsTestSupport
import Testing

/// Processes that start on a ledger path that does not exist yet, all at once: one creates the ledger, the others
/// open it, and every one of them records what it was asked to.
@Suite struct FirstUseTests {
    static let processes = 8
    static let rounds = Int(ProcessInfo.processInfo.environment["PETITIONS_FIRST_USE_ROUNDS"] ?? "") ?? 6

    static func authorities(_ cli: CLI, db: String) throws -> Set<String> {
        let r = try CLI.exec(["authority", "list", "--format", "json", "--db", db], environment: cli.environment)
        #expect(r.status == 0, "\(r)")
        let list = try #require(try CLI.json(r) as? [[String: Any]])
        return Set(list.compactMap { $0["handle"] as? String })
    }

    @Test func eightProcessesOnANewLedgerAllSucceedAndAllAreRecorded() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for round in 1...Self.rounds {
            // A new folder too, in every other round: the folder is created by the race as well.
            let db = cli.directory.appendingPathComponent(round % 2 == 0 ? "round\(round)/ledger.sqlite" : "ledger\(round).sqlite").path
            let handles = (1...Self.processes).map { "office-\(round)-\($0)" }
            let results = try CLI.execAll(
                handles.map { ["authority", "add", "--name", "Authority \($0)", "--handle", $0, "--db", db] }, environment: cli.environment)
            for (handle, r) in zip(handles, results) {
                #expect(r.status == 0, "round \(round), \(handle): \(r)")
            }
            #expect(try Self.authorities(cli, db: db) == Set(handles), "round \(round)")
            let verify = try CLI.exec(["verify", "--db", db], environment: cli.environment)
            #expect(verify.status == 0, "round \(round): \(verify)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: FilePathsForTest.folder(of: db)).filter { $0.hasSuffix(".new") }
            #expect(leftovers.isEmpty, "round \(round): \(leftovers)")
            let mode = try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? NSNumber
            #expect(mode?.intValue == 0o600, "round \(round): the ledger is its owner's only")
        }
    }

    @Test func anEmptyFileLeftByAKilledFirstRunBecomesTheLedgerOnceEvenWhenProcessesRace() throws {
        let cli = try CLI()
        defer { cli.remove() }
        for round in 1...3 {
            let db = cli.directory.appendingPathComponent("empty\(round).sqlite").path
            #expect(FileManager.default.createFile(atPath: db, contents: nil))
            let handles = (1...Self.processes).map { "office-\(round)-\($0)" }
            let results = try CLI.execAll(
                handles.map { ["authority", "add", "--name", "Authority \($0)", "--handle", $0, "--db", db] }, environment: cli.environment)
            for (handle, r) in zip(handles, results) {
                #expect(r.status == 0, "round \(round), \(handle): \(r)")
            }
            #expect(try Self.authorities(cli, db: db) == Set(handles), "round \(round)")
        }
    }
}

/// The folder of a path, as the tests need it.
enum FilePathsForTest {
    static func folder(of path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
}
