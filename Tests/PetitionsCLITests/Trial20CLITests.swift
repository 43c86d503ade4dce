import Foundation
import PetitionsTestSupport
import Testing

/// What the twentieth trial found at the command line: issue 12's last leftovers, and what a new user of the README
/// hit.
@Suite struct Trial20CLITests {
    static func ok(_ cli: CLI, _ args: [String]) throws -> CLI.Result {
        let r = try cli.run(args)
        #expect(r.status == 0, "\(args): \(r)")
        return r
    }

    // MARK: - Handles in a table at 80 columns

    @Test("a listing at COLUMNS=80 wraps a long handle after one of its hyphens, never inside a word, and keeps days whole")
    func longHandlesWrapAtHyphensAt80Columns() throws {
        var cli = try CLI()
        defer { cli.remove() }
        let authority = "moscow-postal-telegraph-supply-centre-commissariat"
        let group = "postal-telegraph-employees-dmitrov-district-moscow"
        _ = try Self.ok(
            cli, ["authority", "add", "--name", "Moscow postal-telegraph supply centre of the people's commissariat", "--handle", authority])
        _ = try Self.ok(
            cli, ["group", "add", "--name", "Postal-telegraph employees of the Dmitrov district", "--handle", group, "--count", "employee=125"])
        _ = try Self.ok(cli, ["petitioner", "add", "--name", "Aleksandra Konstantinovna Kropotkina-Lebedeva", "--district", "Dmitrov"])
        _ = try Self.ok(cli, ["petition", "log", "--from", group, "--to", authority, "--subject", "January provisions", "--on", "1920-01-20"])
        _ = try Self.ok(cli, ["letter", "send", "--from", group, "--to", authority, "--on", "1920-01-20", "--subject", "Appeal", "--petition", "1"])
        cli.environment["COLUMNS"] = "80"
        for args in [
            ["party", "list"], ["authority", "list"], ["group", "list"], ["petitioner", "list"], ["petition", "list"], ["letter", "list"],
        ] {
            let r = try Self.ok(cli, args)
            for line in r.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(args) fits 80 columns: \(line)") }
            for word in ["commissariat", "telegraph", "employees", "district", "konstantinovna", "kropotkina"]
            where r.stdout.lowercased().contains(word.prefix(4)) {
                #expect(r.stdout.contains(word) || r.stdout.lowercased().contains(word), "\(args): '\(word)' split inside the word:\n\(r.stdout)")
            }
            let days = r.stdout.components(separatedBy: "1920-").count
            #expect(days == r.stdout.components(separatedBy: "1920-01-20").count, "\(args): a day split:\n\(r.stdout)")
        }
    }
}
