import Foundation
import PetitionsTestSupport
import Testing

/// The rules of the use cases the tenth (web) trial found broken, through the command line: what the CLI says here
/// the API and the web pages say too, as they call the same use cases.
@Suite struct TenthTrialRuleTests {
    func receive(_ cli: CLI, _ period: String, on day: String, _ quantities: [String]) throws -> CLI.Result {
        try cli.run(
            ["delivery", "receive", "--decree", "decree-1918", "--recipient", "dmitrov-post", "--period", period, "--on", day]
                + quantities.flatMap { ["--quantity", $0] })
    }

    /// 1,699 funt and 409.5 g of wheat for 1,700 funt is 0.01241 g short: three decimals of a funt round it to 0, and the
    /// delivery looked complete ("short 0 funt"), in the CLI, the API and the web pages alike.
    @Test func aShortfallTooSmallForThreeDecimalsIsNeverShownAsZero() throws {
        let cli = try BadInputTests.dmitrov()
        defer { cli.remove() }
        #expect(try receive(cli, "1920-01", on: "1920-01-06", ["1699 funt wheat"]).status == 0)
        let last = try receive(cli, "1920-01", on: "1920-01-07", ["409.5 g wheat"])
        #expect(last.status == 0, "\(last)")
        #expect(last.stdout.contains("short 0.00003 funt"), "\(last.stdout)")
        #expect(!last.stdout.contains("short 0 funt"), "\(last.stdout)")
        let shown = try #require(try CLI.json(cli.run(["delivery", "show", "5", "--format", "json"])) as? [String: Any])
        #expect(shown["status"] as? String == "partial")
        let line = try #require((shown["lines"] as? [[String: Any]])?.first)
        let short = try #require(line["shortfall"] as? [String: Any])
        #expect((short["amount"] as? NSNumber)?.doubleValue == 0.00003 && short["unit"] as? String == "funt", "\(short)")
        let overdue = try #require(try CLI.json(cli.run(["overdue", "--as-of", "1920-03-04", "--format", "json"])) as? [[String: Any]])
        let january = try #require(overdue.first { $0["period"] as? String == "1920-01" }, "still owed: \(overdue)")
        let owed = try #require((january["shortfall"] as? [[String: Any]])?.first)
        #expect((owed["amount"] as? NSNumber)?.doubleValue == 0.00003, "\(owed)")
        let text = try cli.run(["overdue", "--as-of", "1920-03-04"])
        #expect(!text.stdout.contains(" 0 funt wheat"), "\(text.stdout)")
    }
}
