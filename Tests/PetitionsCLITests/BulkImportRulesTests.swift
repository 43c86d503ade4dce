import Foundation
import PetitionsTestSupport
import Testing

/// A CSV import turns off SQLite's count of its memory for its own process (ProcessSetup.forBulkImport). The count is
/// what keeps a custom SQL rule within its memory budget: these runs show the import needs no rule, and that the
/// commands after it, each a process of its own, still hold a rule to its budget.
@Suite("CSV imports beside custom SQL rules")
struct BulkImportRulesTests {
    static let named = """
        version = 1
        [[rule]]
        id = "named-twice"
        kind = "sql"
        severity = "warning"
        query = "SELECT min(id) AS subject, 'The name ' || name || ' is used ' || count(*) || ' times' AS message FROM party WHERE kind = 'person' GROUP BY name HAVING count(*) > 1"
        """
    static let hungry = """
        version = 1
        [[rule]]
        id = "hungry"
        kind = "sql"
        severity = "warning"
        query = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100) SELECT 1 AS subject, length(group_concat(printf('%.*c', 1000000, 'x'))) AS message FROM c"
        """

    @Test("a ledger's stored sql rules neither stop nor slow a CSV import, and hold their budget in the check after it")
    func importBesideStoredSQLRules() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let named = cli.directory.appendingPathComponent("named.toml")
        try Self.named.write(to: named, atomically: true, encoding: .utf8)
        let stored = try cli.run(["rules", "set", named.path])
        #expect(stored.status == 0, "\(stored)")
        let csv = cli.directory.appendingPathComponent("people.csv")
        try """
        name,handle,district,occupation,groups,dependants,on
        Ivan Petrov,petrov-1,Dmitrov,telegraphist,,,1920-01-05
        Ivan Petrov,petrov-2,Klin,letter carrier,,Anna Petrova:child,1920-01-06
        """.write(to: csv, atomically: true, encoding: .utf8)
        let imported = try cli.run(["import", "petitioners", csv.path])
        #expect(imported.status == 0, "\(imported)")
        #expect(try cli.run(["petitioner", "show", "petrov-2"]).stdout.contains("Anna Petrova"))
        // The stored rule sees the imported rows.
        let check = try cli.run(["check", "--as-of", "1920-03-04", "--format", "json"])
        let findings = try #require((try CLI.json(check) as? [String: Any])?["findings"] as? [[String: Any]])
        #expect(findings.contains { ($0["message"] as? String) == "The name Ivan Petrov is used 2 times" }, "\(check.stdout)")
        // A rule past its memory budget is still stopped in a command run after an import.
        let file = cli.directory.appendingPathComponent("hungry.toml")
        try Self.hungry.write(to: file, atomically: true, encoding: .utf8)
        let hungry = try cli.run(["check", "--as-of", "1920-03-04", "--rules", file.path])
        #expect(hungry.status != 0 && hungry.stderr.contains("64 MB, its memory budget"), "\(hungry)")
    }
}
