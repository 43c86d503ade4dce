import Foundation
import GRDB
import PetitionsTestSupport
import Testing

/// Dependants and a group's head-counts are counted as they were in force on the day asked: a report as of a past day,
/// and an enrolment from a past day without `--count`, read the household as it was then.
@Suite struct DatedHouseholdTests {
    static func summary(_ cli: CLI, _ asOf: String) throws -> [String: Any] {
        let r = try cli.run(["report", "--as-of", asOf, "--format", "json"])
        #expect(r.status == 0, "\(r)")
        let json = try #require(try CLI.json(r) as? [String: Any])
        return try #require(json["summary"] as? [String: Any], "\(r.stdout)")
    }

    @Test func aReportAsOfAPastDayCountsTheHouseholdAsItWasThen() throws {
        let cli = try ReportTests.ledger()
        defer { cli.remove() }
        let steps: [[String]] = [
            ["group", "edit", "dmitrov-post", "--count", "employee=200", "--on", "1920-05-01"],
            ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina", "--on", "1920-06-01"],
            ["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia Kropotkina", "--on", "1920-08-01"],
            ["group", "edit", "dmitrov-post", "--count", "incapacitated=0", "--on", "1920-09-01"],
        ]
        for s in steps {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        // As of 4 March 1920 nothing of this had happened: the report is the golden one, byte for byte.
        try ReportTests.expectGolden(ReportTests.report(cli, ["--format", "json"]), "report.json", recordable: false)
        let counted = try ["1920-03-04", "1920-05-01", "1920-06-01", "1920-07-31", "1920-08-01", "1920-09-01"].map {
            try Self.summary(cli, $0)["household_members"] as? Int
        }
        // 2 persons + 125 employees + 140 incapacitated; 200 employees from 1 May; Sofia from 1 June to 31 July;
        // no incapacitated from 1 September.
        #expect(counted == [267, 342, 343, 343, 342, 202], "\(counted)")
    }

    @Test func anEnrolmentFromAPastDayCountsTheHouseholdOfThatDay() throws {
        let cli = try RuleTests.dmitrov()
        defer { cli.remove() }
        let added = try cli.run([
            "petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina", "--category", "incapacitated", "--on", "1920-06-01",
        ])
        #expect(added.status == 0, "\(added)")
        func counts(_ r: CLI.Result) throws -> [String: Int] {
            #expect(r.status == 0, "\(r)")
            let list = try #require((try CLI.json(r) as? [String: Any])?["counts"] as? [[String: Any]], "\(r.stdout)")
            return Dictionary(uniqueKeysWithValues: list.compactMap { c in (c["category"] as? String).map { ($0, c["count"] as? Int ?? 0) } })
        }
        let april = try counts(
            cli.run([
                "enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--member-category", "employee", "--from", "1920-04-01", "--format",
                "json",
            ]))
        #expect(april == ["employee": 1], "Sofia joined the household on 1 June: \(april)")
        let july = try counts(
            cli.run([
                "enrol", "--decree", "decree-1918", "--recipient", "kropotkin", "--member-category", "employee", "--from", "1920-07-01", "--format",
                "json",
            ]))
        #expect(july == ["employee": 1, "incapacitated": 1], "\(july)")
        let scheduled = try cli.run([
            "delivery", "schedule", "--decree", "decree-1918", "--recipient", "kropotkin", "--from", "1920-05", "--to", "1920-07", "--on",
            "1920-05-01",
        ])
        #expect(scheduled.status == 0, "\(scheduled)")
        let listed = try cli.run(["delivery", "list", "--format", "json"])
        #expect(listed.status == 0, "\(listed)")
        let owed = try #require(try CLI.json(listed) as? [[String: Any]], "\(listed.stdout)")
            .filter { $0["recipient"] as? String == "kropotkin" }
            .map { d in
                let expected = (d["lines"] as? [[String: Any]])?.first?["expected"] as? [String: Any]
                return "\(d["period"] as? String ?? "?"): \(expected?["amount"] as? Int ?? -1) \(expected?["unit"] as? String ?? "?")"
            }
        // 8 funt for an employee; 5 more for an incapacitated dependant from the enrolment of 1 July.
        #expect(owed == ["1920-05: 8 funt", "1920-06: 8 funt", "1920-07: 13 funt"], "\(owed)")
    }

    @Test("a head-count dated before one recorded earlier replaces it from that day: a category is never counted twice")
    func aBackdatedHeadCountReplacesTheLaterOne() throws {
        let cli = try ReportTests.ledger()
        defer { cli.remove() }
        for s in [
            ["group", "edit", "dmitrov-post", "--count", "employee=200", "--on", "1920-06-01"],
            ["group", "edit", "dmitrov-post", "--count", "employee=150", "--on", "1920-05-01"],
            ["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina", "--on", "1920-07-01"],
        ] {
            let r = try cli.run(s)
            #expect(r.status == 0, "\(s): \(r)")
        }
        let early = try cli.run(["petitioner", "dependant", "remove", "kropotkin", "--name", "Sofia Kropotkina", "--on", "1920-06-15"])
        #expect(early.status == 65 && early.stderr.contains("1920-07-01"), "a removal before the addition is refused: \(early)")
        let counted = try ["1920-04-30", "1920-05-01", "1920-06-01", "1920-07-01"].map {
            try Self.summary(cli, $0)["household_members"] as? Int
        }
        // 2 persons + 125 employees + 140 incapacitated; the 150 recorded last holds from 1 May on (not 125 beside it
        // in May, nor the 200 from June); Sofia counts from 1 July, her removal dated before it refused.
        #expect(counted == [267, 292, 292, 293], "\(counted)")
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0 && verify.stdout.contains("Ledger OK"), "\(verify)")
    }

    @Test("verify names a dated household record that no longer says what the household holds")
    func verifyFindsAHouseholdSpanOutOfStep() throws {
        let cli = try ReportTests.ledger()
        defer { cli.remove() }
        let added = try cli.run(["petitioner", "dependant", "add", "kropotkin", "--name", "Sofia Kropotkina", "--on", "1920-06-01"])
        #expect(added.status == 0, "\(added)")
        let queue = try DatabaseQueue(path: cli.db)
        try queue.write {
            try $0.execute(
                sql: "DELETE FROM dependant_span WHERE name = 'Sofia Kropotkina'; UPDATE group_count_span SET count = 99 WHERE category = 'employee'")
        }
        try queue.close()
        let r = try cli.run(["verify"])
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("has 0 open household spans saying the same; it should have 1"), "\(r)")
        #expect(r.stdout.contains("the head-count employee=125 has 0 open spans saying the same"), "\(r)")
        #expect(r.stdout.contains("is open for employee but the group's head-count is not what it says"), "\(r)")
    }
}
