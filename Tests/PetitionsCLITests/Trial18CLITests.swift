import Foundation
import PetitionsTestSupport
import Testing

/// What the eighteenth trial (a new user and an attacker of the separate server and of bulk imports) found at the
/// command line.
@Suite struct Trial18CLITests {
    @Test("no output file replaces the ledger, even with --force: import --rejects emptied it, export --output replaced it")
    func outputsNeverReplaceTheLedger() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let input = try ExchangeTests.file(cli, "p.csv", "name,on\nAnna,1920-02-30\nBoris,1920-02-01\n")
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let relative = cli.directory.appendingPathComponent("./ledger.sqlite").path
        for args in [
            ["import", "petitioners", input, "--skip-invalid", "--rejects", cli.db, "--force"],
            ["import", "petitioners", input, "--skip-invalid", "--rejects", cli.db + "-wal", "--force"],
            ["export", "petitioners", "--output", relative, "--force"],
            ["report", "--as-of", "1920-03-04", "--output", cli.db, "--force"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 73, "\(args): \(r)")
            #expect(
                r.stderr.hasPrefix("error: ") && r.stderr.contains("is the ledger itself (or its journal); give the file another name."),
                "\(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
        #expect(try cli.run(["verify"]).status == 0)
        #expect(try cli.run(["petitioner", "list"]).stdout.contains("Boris") == false)
    }

    @Test("an import refused as a whole leaves the file named by --rejects as it was: --force no longer empties it first")
    func refusedImportKeepsTheRejectsFile() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let input = try ExchangeTests.file(cli, "p.csv", "name,on\nAnna,1920-02-30\nBoris,1920-02-01\n")
        let rejects = try ExchangeTests.file(cli, "rejects.csv", "precious\n")
        #expect(try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", rejects, "--force"]).status == 0)
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: rejects))
        // The same file again is refused before any row is read.
        let again = try cli.run(["import", "petitioners", input, "--skip-invalid", "--rejects", rejects, "--force"])
        #expect(again.status == 65 && again.stderr.contains("was already imported"), "\(again)")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8) == "precious\n")
        // A file that stops being CSV past its first rows: nothing is imported, and no rejects file is made.
        let broken = try ExchangeTests.file(cli, "broken.csv", "name,on\nAnna,1920-02-30\n\"Boris,1920-02-01\n")
        let fresh = cli.directory.appendingPathComponent("fresh.csv").path
        let stopped = try cli.run(["import", "petitioners", broken, "--skip-invalid", "--rejects", fresh])
        #expect(stopped.status == 65 && stopped.stderr.contains("never closed"), "\(stopped)")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        let left = try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.hasPrefix(".petitions-output-") }
        #expect(left.isEmpty, "\(left)")
    }
}
