import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsRules
import Testing

/// A file of this repository, found from this source file.
private func repositoryFile(_ relative: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(relative).path
}

/// The example of every kind, scope and parameter from the documentation.
private let everyKind = #"""
    version = 1

    [[rule]]
    id = "unanswered-letter"          # unique, lower-case slug
    kind = "unanswered_letter"
    enabled = true
    within = "20 working days"
    critical_after = "40 working days"
    warning_before = "3 working days"
    [rule.scope]
    authority = "moscow-supply"

    [[rule]]
    id = "late-supply"
    kind = "overdue_delivery"
    grace = "7 days"
    critical_consecutive = 2
    critical_shortfall = 0.5          # a fraction 0 < x <= 1

    [[rule]]
    id = "owed"
    kind = "arrears"
    threshold_periods = 0             # number >= 0 (int or float)
    critical_periods = 2

    [[rule]]
    id = "stalled"
    kind = "stalled_petition"
    after = "60 days"
    critical_after = "120 days"

    [[rule]]
    id = "escalate"
    kind = "escalation"
    letters = 2
    with_critical_supply = true

    [[rule]]
    id = "no-household"
    kind = "sql"
    severity = "warning"
    query = """
    SELECT g.handle AS subject, 'warning' AS severity, 'Group ' || g.name || ' has no head-counts' AS message
    FROM party g WHERE g.kind = 'group' AND NOT EXISTS (SELECT 1 FROM group_count c WHERE c.group_id = g.id)
    """
    """#

// MARK: - Good files

@Test func theShippedRulesFileIsExactlyTheBuiltInDefaults() throws {
    let shipped = try RulesFile.load(path: repositoryFile("config/rules.toml"))
    #expect(shipped == RuleSet.defaults)
    #expect(shipped.rules.map(\.id) == ["unanswered-letter", "overdue-delivery", "arrears", "stalled-petition", "escalation"])
    #expect(shipped.rules.allSatisfy { $0.enabled })
}

@Test func theShippedRulesFileShowsASQLRuleThatParsesOnceUncommented() throws {
    let text = try String(contentsOfFile: repositoryFile("config/rules.toml"), encoding: .utf8)
    // The commented-out example, uncommented, is a working sql rule added to the defaults.
    let start = try #require(text.range(of: "# [[rule]]\n# id = \"no-household\""))
    let example = text[start.lowerBound...].split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("# ") ? $0.dropFirst(2) : $0.hasPrefix("#") ? $0.dropFirst() : $0 }
        .joined(separator: "\n")
    let rules = try RulesFile.parse(String(text[..<start.lowerBound]) + example, source: "rules.toml")
    #expect(rules.rules.count == 6)
    let sql = try #require(rules.rules.last)
    #expect(sql.kind == .sql && sql.id == "no-household" && sql.severity == .warning)
    #expect(sql.query?.contains("FROM party g WHERE g.kind = 'group'") == true)
}

@Test func everyKindAndParameterIsReadAsWritten() throws {
    let rules = try RulesFile.parse(everyKind, source: "rules.toml").rules
    #expect(rules.map(\.id) == ["unanswered-letter", "late-supply", "owed", "stalled", "escalate", "no-household"])
    #expect(rules.map(\.kind) == [.unansweredLetter, .overdueDelivery, .arrears, .stalledPetition, .escalation, .sql])
    #expect(rules.allSatisfy { $0.enabled })

    let letter = rules[0]
    #expect(letter.within == Span(20, .workingDays))
    #expect(letter.criticalAfter == Span(40, .workingDays))
    #expect(letter.warningBefore == Span(3, .workingDays))
    #expect(letter.scope == RuleScope(authority: "moscow-supply"))

    let supply = rules[1]
    #expect(supply.grace == Span(7, .days))
    #expect(supply.criticalConsecutive == 2)
    #expect(supply.criticalShortfall == 0.5)
    #expect(supply.scope == RuleScope())

    let owed = rules[2]
    #expect(owed.thresholdPeriods == 0)
    #expect(owed.criticalPeriods == 2)

    let stalled = rules[3]
    #expect(stalled.after == Span(60, .days))
    #expect(stalled.criticalAfter == Span(120, .days))

    let escalate = rules[4]
    #expect(escalate.letters == 2)
    #expect(escalate.withCriticalSupply)

    let sql = rules[5]
    #expect(sql.severity == .warning)
    #expect(
        sql.query == """
            SELECT g.handle AS subject, 'warning' AS severity, 'Group ' || g.name || ' has no head-counts' AS message
            FROM party g WHERE g.kind = 'group' AND NOT EXISTS (SELECT 1 FROM group_count c WHERE c.group_id = g.id)

            """)
}

@Test func parametersDifferentFromTheDefaultsAreKeptAndLeftOutOnesDefault() throws {
    let rules = try RulesFile.parse(
        """
        [[rule]]
        id = "slow-supply"
        kind = "overdue_delivery"
        grace = "2 weeks"
        critical_shortfall = 1          # a whole delivery missing

        [[rule]]
        id = "owed-a-lot"
        kind = "arrears"
        threshold_periods = 1.5
        enabled = false

        [[rule]]
        id = "quiet"
        kind = "sql"
        query = "SELECT 'x' AS subject, 'y' AS message"
        """, source: "rules.toml")
    #expect(rules.rules.count == 3)
    let supply = rules.rules[0]
    #expect(supply.grace == Span(2, .weeks))
    #expect(supply.criticalShortfall == 1.0)
    #expect(supply.criticalConsecutive == 2)

    let owed = rules.rules[1]
    #expect(owed.thresholdPeriods == 1.5)
    #expect(owed.criticalPeriods == 2)
    #expect(!owed.enabled)
    #expect(rules.enabled(.arrears).isEmpty)

    #expect(rules.rules[2].severity == .overdue)
    // A file with rules means exactly those: no unanswered_letter rule, so the reply window is the fallback.
    #expect(rules.enabled(.unansweredLetter).isEmpty)
    #expect(rules.enabled(.escalation).isEmpty)
}

@Test(arguments: ["", "\n\n", "# no rules yet\n", "version = 1\n"])
func aFileWithoutRulesMeansTheDefaults(_ text: String) throws {
    #expect(try RulesFile.parse(text, source: "rules.toml") == RuleSet.defaults)
}

@Test func aScopeNarrowsByEveryKeyAsATableOrInline() throws {
    let rules = try RulesFile.parse(
        """
        [[rule]]
        id = "bread"
        kind = "overdue_delivery"
        [rule.scope]
        authority = "moscow-supply"
        decree = "bread-ration"
        recipient = "dmitrov-school"

        [[rule]]
        id = "housing-letters"
        kind = "unanswered_letter"
        within = "30 days"
        scope = { category = "housing", authority = "dmitrov-soviet" }
        """, source: "rules.toml"
    ).rules
    #expect(rules[0].scope == RuleScope(authority: "moscow-supply", decree: "bread-ration", recipient: "dmitrov-school"))
    #expect(rules[1].scope == RuleScope(authority: "dmitrov-soviet", category: "housing"))
    #expect(rules[1].within == Span(30, .days))
}

@Test func aMissingFileIsMissingInputNamingThePath() {
    do {
        _ = try RulesFile.load(path: "/nonexistent/office-rules.toml")
        Issue.record("expected an error")
    } catch let e as PetitionsError {
        #expect(e.code == .noInput)
        #expect(e.message.contains("/nonexistent/office-rules.toml"))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func theLineOfARuleIsWhereItsIdIsWritten() throws {
    let text = """
        # id = "owed" was the old name
        [[rule]]
        id = "stalled"
        kind = "stalled_petition"

        [[rule]]
        kind = "sql"
        query = \"\"\"
        SELECT 'x' AS subject, 'y' AS message
        -- id = "owed"
        \"\"\"
        id = "owed"
        """
    #expect(RulesFile.line(ofRule: "stalled", in: text) == 3)
    #expect(RulesFile.line(ofRule: "owed", in: text) == 12)
    #expect(RulesFile.line(ofRule: "stall", in: text) == nil)
    #expect(RulesFile.line(ofRule: "unanswered-letter", in: everyKind) == 4)
    #expect(RulesFile.line(ofRule: "no-household", in: everyKind) == 39)
}
