import Foundation
import PetitionsDomain
import PetitionsReport
import PetitionsTestSupport
import Testing

@testable import PetitionsApp

/// The streaming `check` (late deliveries streamed from SQLite, what arrears and escalation need summed as they pass,
/// their findings held compactly and worded as they are written) against the whole-set path that `check --record`,
/// the report and the server keep: the same findings, finding for finding and in the same order, under several rules
/// files (arrears thresholds and scopes, escalation with and without critical supply) as of several days.
@Suite("Check streaming") struct CheckStreamTests {
    /// The overdue ledger (`OverdueStreamTests.ledger`: runs, gaps, two commodities, part, late and voided receipts) with
    /// letters from the groups to their suppliers, some on petitions, some answered, so that escalation has letters to
    /// group and critically late supply to name.
    static func ledger() throws -> TemporaryLedger {
        let temporary = try OverdueStreamTests.ledger()
        let ws = temporary.workspace
        let groups = ["zvenigorod-post", "dmitrov-post", "klin-post"]
        var petitions: [String: Int64] = [:]
        for (n, g) in groups.enumerated() {
            petitions[g] =
                try LogPetition(
                    from: g, to: n == 1 ? "salt" : "bread", subject: "Rations for \(g)", on: try Day(parsing: "1919-08-01"), category: "supply"
                ).run(in: ws).id
        }
        var random = SeededRandom(state: 6)
        let first = try Day(parsing: "1919-08-02")
        for n in 0..<40 {
            let g = random.pick(groups)
            let to = random.pick(["bread", "salt", "council"])
            let day = first.adding(days: random.below(160))
            let letter = try SendLetter(
                from: g, to: to, on: day, subject: "Letter \(n) about the rations", petition: random.below(3) == 0 ? nil : petitions[g]
            ).run(in: ws)
            if random.below(4) == 0 {
                _ = try ReceiveLetter(from: to, to: g, on: day.adding(days: 10 + random.below(90)), subject: "Reply to \(n)", inReplyTo: letter.id)
                    .run(in: ws)
            }
        }
        return temporary
    }

    /// Each with exactly one unscoped overdue_delivery rule, so that the stream serves.
    static let rulesFiles = [
        "",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        grace = "10 working days"
        critical_consecutive = 3

        [[rule]]
        id = "wheat-arrears"
        kind = "arrears"
        threshold_periods = 1
        critical_periods = 3
        [rule.scope]
        decree = "wheat-decree"

        [[rule]]
        id = "arrears"
        kind = "arrears"

        [[rule]]
        id = "letters"
        kind = "unanswered_letter"
        within = "20 days"

        [[rule]]
        id = "escalate"
        kind = "escalation"
        letters = 1

        """,
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        grace = "1 months"
        critical_shortfall = 0.5

        [[rule]]
        id = "klin-arrears"
        kind = "arrears"
        [rule.scope]
        recipient = "klin-post"

        [[rule]]
        id = "letters"
        kind = "unanswered_letter"

        [[rule]]
        id = "escalate"
        kind = "escalation"
        letters = 3
        with_critical_supply = false

        [[rule]]
        id = "escalate-supply"
        kind = "escalation"
        letters = 5

        [[rule]]
        id = "stalled"
        kind = "stalled_petition"

        """,
    ]

    @Test("the streamed check finds what the whole-set check finds, in the same order, for every rules file and day")
    func sameFindings() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("check-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var kinds = Set<String>()
        var compared = 0
        for (n, rules) in Self.rulesFiles.enumerated() {
            var sources = RuleSources()
            if !rules.isEmpty {
                let path = directory.appendingPathComponent("rules-\(n).toml").path
                try Data(rules.utf8).write(to: URL(fileURLWithPath: path))
                sources = RuleSources(rules: path)
            }
            for asOf in ["1919-07-10", "1919-11-20", "1920-01-05", "1920-03-04", "1920-06-01"] {
                let day = try Day(parsing: asOf)
                let ws = temporary.workspace
                let ledger = try ws.open(readOnly: true)
                #expect(try ws.rules(ledger, sources).engine.checkStream(asOf: day) != nil, "rules \(n) stream")
                var streamed = try StreamCheck(asOf: day, sources: sources).run(in: ws).findings
                var list: [Finding] = []
                streamed.each { list.append($0) }
                let whole = try RunCheck(asOf: day, sources: sources).run(in: ws).findings
                #expect(list.count == whole.count, "rules \(n), as of \(asOf)")
                for (i, (a, b)) in zip(list, whole).enumerated() where a != b {
                    Issue.record("rules \(n), as of \(asOf), finding \(i): \(a) against \(b)")
                    break
                }
                #expect(streamed.count == whole.count)
                for s in Severity.allCases { #expect(streamed.count(s) == whole.filter { $0.severity == s }.count) }
                #expect(streamed.contains(atLeast: .critical) == whole.contains { $0.severity == .critical })
                kinds.formUnion(list.map(\.kind.rawValue))
                compared += list.count
            }
        }
        #expect(compared > 200, "the ledger has findings to compare")
        #expect(kinds.isSuperset(of: ["overdue_delivery", "arrears", "escalation", "unanswered_letter"]), "\(kinds)")
    }

    /// A second overdue_delivery rule that takes no delivery (a category scope takes none): the findings are the same,
    /// but the stream no longer serves (`Engine.checkStream(asOf:)` is nil), so the whole-set path works them out.
    static let neverRule = """

        [[rule]]
        id = "never"
        kind = "overdue_delivery"
        [rule.scope]
        category = "no-such-category"

        """

    @Test("the report worked out from the check stream is the whole-set path's report, in every scope, section and day")
    func sameReport() throws {
        let temporary = try Self.ledger()
        defer { temporary.remove() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("report-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The defaults written out (config/rules.toml) stand in for the empty file, which a second rule would replace.
        let defaults = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../config/rules.toml"),
            encoding: .utf8)
        let scopes: [ReportScope] = [
            ReportScope(), ReportScope(since: Day(year: 1919, month: 10, day: 15)), ReportScope(authority: "bread"),
            ReportScope(authority: "council"), ReportScope(recipient: "klin-post"), ReportScope(decree: "salt-decree"),
            ReportScope(recipient: "dmitrov-post", since: Day(year: 1919, month: 9, day: 1)),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let ledger = temporary.ledger
        var delivered = 0
        var urgent = Set<String>()
        for (n, rules) in Self.rulesFiles.enumerated() {
            let streamed = directory.appendingPathComponent("rules-\(n).toml").path
            let whole = directory.appendingPathComponent("rules-\(n)-whole.toml").path
            try Data(rules.utf8).write(to: URL(fileURLWithPath: streamed))
            try Data(((rules.isEmpty ? defaults : rules) + Self.neverRule).utf8).write(to: URL(fileURLWithPath: whole))
            let fast = try Checker.context(ledger: ledger, calendarPath: nil, rulesPath: rules.isEmpty ? nil : streamed, environment: [:])
            let slow = try Checker.context(ledger: ledger, calendarPath: nil, rulesPath: whole, environment: [:])
            for asOf in ["1919-07-10", "1919-11-20", "1920-03-04", "1920-06-01"] {
                let day = try Day(parsing: asOf)
                #expect(fast.engine.checkStream(asOf: day) != nil && slow.engine.checkStream(asOf: day) == nil)
                for scope in scopes {
                    let a = try ReportBuilder.build(ledger: ledger, context: fast, asOf: day, scope: scope)
                    let b = try ReportBuilder.build(ledger: ledger, context: slow, asOf: day, scope: scope)
                    #expect(try encoder.encode(a) == encoder.encode(b), "rules \(n), \(scope) as of \(asOf)")
                    for section in ["summary", "overdue_deliveries", "arrears"] {
                        let alone = try ReportBuilder.build(ledger: ledger, context: fast, asOf: day, scope: scope, section: section)
                        #expect(
                            try ReportCSV.render(alone, section: section) == ReportCSV.render(b, section: section),
                            "rules \(n), \(section), \(scope) as of \(asOf)")
                    }
                    delivered += a.overdueDeliveries.count
                    if let m = a.summary.mostUrgent { urgent.insert(m) }
                }
            }
        }
        #expect(delivered > 200, "the ledger has late deliveries to compare")
        #expect(urgent.count > 10, "the headlines differ from scope to scope")
    }
}
