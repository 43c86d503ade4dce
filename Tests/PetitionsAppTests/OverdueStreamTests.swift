import Foundation
import PetitionsApp
import PetitionsTestSupport
import Testing

/// The streaming `overdue` (one unscoped overdue_delivery rule: rows from SQLite in print order, runs of missed periods
/// from the late months read first by entitlement) against the whole-set path the engine keeps for several rules: the same listing, entry for
/// entry, on a ledger with runs, gaps, several commodities, part receipts, receipts after the day and voided ones.
@Suite("Overdue streaming") struct OverdueStreamTests {
    /// Three groups under two decrees (one of two commodities) from two suppliers, nine months scheduled, receipts
    /// chosen by a seeded generator: none, part, full, late (after some as-of days) and voided.
    static func ledger() throws -> TemporaryLedger {
        let temporary = try TemporaryLedger()
        let ws = temporary.workspace
        _ = try AddAuthority(name: "Council", handle: "council").run(in: ws)
        _ = try AddAuthority(name: "Bread centre", handle: "bread", parent: "council").run(in: ws)
        _ = try AddAuthority(name: "Salt centre", handle: "salt").run(in: ws)
        let groups = ["zvenigorod-post", "dmitrov-post", "klin-post"]
        for g in groups { _ = try AddGroup(name: g, handle: g, counts: [HeadCount(category: "employee", count: 10)]).run(in: ws) }
        let decrees = [
            ("wheat-decree", "bread", ["employee: 8 funt wheat"]), ("salt-decree", "salt", ["employee: 1 funt salt", "employee: 2 funt sugar"]),
        ]
        for (handle, supplier, rations) in decrees {
            _ = try AddDecree(handle: handle, name: "Decree \(handle)", issued: try Day(parsing: "1919-01-01"), supplier: supplier, rations: rations)
                .run(in: ws)
            for g in groups { _ = try EnrolRecipient(decree: handle, recipient: g, from: try Day(parsing: "1919-06-01")).run(in: ws) }
            _ = try ScheduleDeliveries(decree: handle, from: try Period(parsing: "1919-06"), to: try Period(parsing: "1920-02")).run(in: ws)
        }
        var random = SeededRandom(state: 14)
        for (decree, _, _) in decrees {
            for g in groups {
                for period in Period.range(try Period(parsing: "1919-06"), try Period(parsing: "1920-02")) {
                    let pick = random.below(6)
                    guard pick > 0 else { continue }  // nothing came
                    let quantities =
                        decree == "wheat-decree" ? ["\(pick >= 3 ? 80 : 30) funt wheat"] : ["10 funt salt"] + (pick >= 3 ? ["20 funt sugar"] : [])
                    let day = pick == 4 ? period.first.adding(days: 75) : period.day(6)  // some come long after, past some as-of days
                    let delivery = try RecordReceipt(decree: decree, recipient: g, period: period, on: day, quantities: quantities).run(in: ws)
                    if pick == 5, let receipt = delivery.receipts?.last?.id {
                        _ = try VoidReceipt(receipt: receipt, reason: "the wrong month", on: day).run(in: ws)
                    }
                }
            }
        }
        return temporary
    }

    static let rulesFiles = [
        "",
        "[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\ngrace = \"10 working days\"\ncritical_consecutive = 3\n",
        "[[rule]]\nid = \"late\"\nkind = \"overdue_delivery\"\ngrace = \"1 months\"\ncritical_shortfall = 0.5\n",
    ]

    /// The same rules with a second overdue_delivery rule that takes no delivery: the engine then needs the whole set.
    static func wholeSet(_ rules: String) -> String {
        (rules.isEmpty ? "[[rule]]\nid = \"overdue-delivery\"\nkind = \"overdue_delivery\"\n" : rules)
            + "\n[[rule]]\nid = \"nobody\"\nkind = \"overdue_delivery\"\n[rule.scope]\ncategory = \"no-such-category\"\n"
    }

    @Test("the stream lists what the whole-set path lists, in the same order, for every rules file and day")
    func sameListing() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("overdue-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var compared = 0
        for (n, rules) in Self.rulesFiles.enumerated() {
            var streamed: RuleSources = RuleSources()
            if !rules.isEmpty {
                let path = directory.appendingPathComponent("rules-\(n).toml").path
                try Data(rules.utf8).write(to: URL(fileURLWithPath: path))
                streamed = RuleSources(rules: path)
            }
            let wholePath = directory.appendingPathComponent("whole-\(n).toml").path
            try Data(Self.wholeSet(rules).utf8).write(to: URL(fileURLWithPath: wholePath))
            for asOf in ["1919-07-10", "1919-11-20", "1920-01-05", "1920-03-04", "1920-06-01"] {
                let day = try Day(parsing: asOf)
                var stream: [OverdueDelivery] = []
                try ListOverdue(asOf: day, sources: streamed).run(in: temporary.workspace) { stream.append($0) }
                let whole = try ListOverdue(asOf: day, sources: RuleSources(rules: wholePath)).run(in: temporary.workspace)
                #expect(stream == whole, "rules \(n), as of \(asOf)")
                #expect(try ListOverdue(asOf: day, sources: streamed).run(in: temporary.workspace) == stream)
                compared += stream.count
            }
        }
        #expect(compared > 100, "the ledger has late deliveries to compare")
    }

    @Test("runs of missed periods and critical severities come through the stream")
    func runsAndSeverities() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let late = try ListOverdue(asOf: try Day(parsing: "1920-03-04")).run(in: temporary.workspace)
        #expect(late.contains { $0.consecutiveMissed >= 2 && $0.severity == .critical })
        #expect(late.contains { $0.consecutiveMissed == 1 && $0.severity == .overdue })
        #expect(late.map(\.period) == late.map(\.period).sorted())
    }
}
