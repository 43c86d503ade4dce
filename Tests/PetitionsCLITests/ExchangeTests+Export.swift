import CSV
import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Exporting listings and the event log.
extension ExchangeTests {
    // MARK: - Exporting

    @Test func exportedPetitionersImportIntoAFreshLedgerAsTheSameListing() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        Self.succeeded(
            try cli.run([
                "petitioner", "add", "--name", "Ivan Petrov", "--district", "Dmitrov", "--occupation", "telegraphist",
                "--group", "dmitrov-post", "--dependant", "Maria Petrova:incapacitated", "--dependant", "Olga, the younger:child",
            ]))
        Self.succeeded(
            try cli.run([
                "import", "petitioners",
                try Self.file(
                    cli, "p.csv",
                    """
                    name,district,occupation,on
                    "Sokolov, Nikolai","Dmitrov
                    uezd",postman,1920-01-05

                    """),
            ]))
        let exported = cli.directory.appendingPathComponent("petitioners.csv").path
        Self.succeeded(try cli.run(["export", "petitioners", "--format", "csv", "--output", exported]))
        #expect(try Self.mode(exported) == 0o600)

        let fresh = try CLI()
        defer { fresh.remove() }
        Self.succeeded(try fresh.run(["init", "--office", "dmitrov"]))
        Self.succeeded(try fresh.run(["group", "add", "--name", "Dmitrov postal-telegraph employees", "--handle", "dmitrov-post"]))
        Self.succeeded(try fresh.run(["import", "petitioners", exported]))
        let original = try Self.canonical(try cli.run(["petitioner", "list", "--format", "json"]).stdout, dropping: ["id"])
        let copy = try Self.canonical(try fresh.run(["petitioner", "list", "--format", "json"]).stdout, dropping: ["id"])
        #expect(original == copy)
        let days = try Self.objects(try fresh.run(["events", "--kind", "petitioner.added", "--format", "json"])).compactMap { $0["day"] as? String }
        #expect(days.contains("1920-01-05"), "the day recorded travels with the row: \(days)")
    }

    @Test func csvExportsDefuseFormulaCellsAndJSONExportsHoldWhatTheListingsShow() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        for (n, name) in ["=HYPERLINK(\"http://x\")", "+cmd", "@SUM(A1)", "-2+3"].enumerated() {
            Self.succeeded(try cli.run(["petitioner", "add", "--name=\(name)", "--handle", "formula-\(n)"]))
        }
        let csv = try cli.run(["export", "petitioners"])
        Self.succeeded(csv)
        let names = try CSVReader(string: csv.stdout).map { $0[2] }
        for cell in ["'=HYPERLINK(\"http://x\")", "'+cmd", "'@SUM(A1)", "'-2+3"] { #expect(names.contains(cell), "\(cell) in \(names)") }

        for (what, listing) in [("petitions", ["petition", "list"]), ("letters", ["letter", "list"]), ("deliveries", ["delivery", "list"])] {
            let export = try cli.run(["export", what, "--format", "json"])
            Self.succeeded(export, what)
            #expect(try Self.canonical(export.stdout) == Self.canonical(try cli.run(listing + ["--format", "json"]).stdout), "\(what)")
            let table = try CSVReader(string: try cli.run(["export", what, "--format", "csv"]).stdout).map { $0 }
            #expect(table.count > 1, "\(what) as CSV: a header and rows")
        }
        let wrong = try cli.run(["export", "events", "--format", "csv"])
        #expect(wrong.status == 64, "\(wrong)")
        #expect(try cli.run(["export", "letters", "--format", "jsonl"]).status == 64)
    }

    @Test func theEventLogIsOneEventALineWithStableReferences() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        let r = try cli.run(["export", "events"])
        Self.succeeded(r)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "init and the nine records of the fixture")
        var byKind: [String: [String: Any]] = [:]
        for line in lines {
            let e = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
            #expect(Set(e.keys) == ["schema_version", "uuid", "kind", "day", "recorded_at", "actor", "office", "summary", "payload", "refs"])
            #expect(e["schema_version"] as? Int == 1 && e["office"] as? String == "dmitrov" && e["actor"] as? String == "clerk")
            #expect((e["uuid"] as? String)?.count == 36)
            byKind[e["kind"] as? String ?? ""] = e
        }
        let logged = try #require(byKind["petition.logged"])
        let sent = try #require(byKind["letter.sent"])
        #expect(
            (sent["refs"] as? [String: String])?["petition"] == logged["uuid"] as? String,
            "a letter names its petition by the UUID of the event that logged it")
        #expect((sent["payload"] as? [String: Any])?["petition"] as? Int == 1)
    }
}
