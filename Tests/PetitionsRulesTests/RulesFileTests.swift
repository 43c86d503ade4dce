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

/// Parses `text` expecting an error, and returns it.
private func rulesFileError(_ text: String, source: String = "rules.toml") -> PetitionsError? {
    do {
        _ = try RulesFile.parse(text, source: source)
        Issue.record("expected an error for:\n\(text)")
        return nil
    } catch let e as PetitionsError {
        return e
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
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

// MARK: - Bad files

/// One bad file, and what its error must name: the file and line first, then the offending words.
struct BadRulesFileCase: Sendable, CustomTestStringConvertible {
    let what: String
    let text: String
    let line: Int?
    let mentions: [String]
    init(_ what: String, _ text: String, line: Int?, _ mentions: [String]) {
        self.what = what
        self.text = text
        self.line = line
        self.mentions = mentions
    }
    var testDescription: String { what }
}

let badRulesFiles: [BadRulesFileCase] = [
    BadRulesFileCase(
        "an unknown top-level key",
        """
        version = 1
        [[rules]]
        id = "owed"
        kind = "arrears"
        """, line: 2, ["'rules'", "[[rule]]"]),
    BadRulesFileCase(
        "a version other than 1",
        """
        # rules of the Dmitrov office
        version = 2
        """, line: 2, ["version '2'", "(1)"]),
    BadRulesFileCase(
        "rule written as one table",
        """
        [rule]
        id = "owed"
        kind = "arrears"
        """, line: 1, ["[[rule]]"]),
    BadRulesFileCase(
        "an unknown kind, listing the known ones",
        """
        [[rule]]
        id = "letters"
        kind = "unanswered-letter"
        """, line: 3,
        [
            "'unanswered-letter'", "did you mean 'unanswered_letter'",
            "unanswered_letter, overdue_delivery, arrears, stalled_petition, escalation and sql",
        ]),
    BadRulesFileCase(
        "a kind that is not text",
        """
        [[rule]]
        id = "letters"
        kind = 1
        """, line: 3, ["kind '1'", "not a kind"]),
    BadRulesFileCase(
        "a rule without an id",
        """
        [[rule]]
        id = "owed"
        kind = "arrears"

        [[rule]]
        kind = "escalation"
        letters = 3
        """, line: 5, ["rule 2", "no id"]),
    BadRulesFileCase(
        "a rule without a kind",
        """
        [[rule]]
        id = "owed"
        threshold_periods = 1
        """, line: 2, ["'owed'", "no kind", "unanswered_letter"]),
    BadRulesFileCase(
        "a duplicate id",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"

        [[rule]]
        kind = "unanswered_letter"
        id = "late"
        """, line: 7, ["'late'", "used twice", "first at line 2"]),
    BadRulesFileCase(
        "an id that is not a handle",
        """
        [[rule]]
        id = "Late Supply"
        kind = "overdue_delivery"
        """, line: 2, ["'Late Supply'", "not a valid id"]),
    BadRulesFileCase(
        "a parameter of another kind",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        grace = "7 days"
        within = "20 working days"
        """, line: 5,
        [
            "'within'", "overdue_delivery rules do not take", "a parameter of unanswered_letter rules",
            "grace, critical_consecutive and critical_shortfall",
        ]),
    BadRulesFileCase(
        "a misspelt parameter",
        """
        [[rule]]
        id = "stalled"
        kind = "stalled_petition"
        afer = "30 days"
        """, line: 4, ["'afer'", "stalled_petition", "after and critical_after", "did you mean 'after'"]),
    BadRulesFileCase(
        "severity on a rule that is not sql",
        """
        [[rule]]
        id = "escalate"
        kind = "escalation"
        severity = "critical"
        """, line: 4, ["'severity'", "escalation rules do not take", "letters and with_critical_supply"]),
    BadRulesFileCase(
        "an unknown scope key",
        """
        [[rule]]
        id = "letters"
        kind = "unanswered_letter"
        [rule.scope]
        authority = "moscow-supply"
        authorty = "dmitrov-soviet"
        """, line: 6, ["'authorty'", "did you mean 'authority'", "authority, decree, recipient and category"]),
    BadRulesFileCase(
        "a scope value that is not a handle",
        """
        [[rule]]
        id = "letters"
        kind = "unanswered_letter"
        scope = { authority = "Moscow Supply" }
        """, line: 4, ["scope authority 'Moscow Supply'", "not a handle"]),
    BadRulesFileCase(
        "a scope that is not a table",
        """
        [[rule]]
        id = "letters"
        kind = "unanswered_letter"
        scope = "moscow-supply"
        """, line: 4, ["scope 'moscow-supply'", "not a table"]),
    BadRulesFileCase(
        "a span that does not read",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        grace = "a week"
        """, line: 4, ["rule 'late' grace 'a week'", "not a span"]),
    BadRulesFileCase(
        "a span of nothing",
        """
        [[rule]]
        id = "stalled"
        kind = "stalled_petition"
        after = "60 days"
        critical_after = "0 days"
        """, line: 5, ["critical_after '0 days'", "at least 1"]),
    BadRulesFileCase(
        "a span written as a number",
        """
        [[rule]]
        id = "letters"
        kind = "unanswered_letter"
        within = 20
        """, line: 4, ["within '20'", "not a span", "\"20 working days\""]),
    BadRulesFileCase(
        "text where a whole number is expected",
        """
        [[rule]]
        id = "escalate"
        kind = "escalation"
        letters = "two"
        """, line: 4, ["letters 'two'", "is text, not a whole number"]),
    BadRulesFileCase(
        "a fraction where a whole number is expected",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        critical_consecutive = 1.5
        """, line: 4, ["critical_consecutive '1.5'", "not a whole number"]),
    BadRulesFileCase(
        "no letters at all",
        """
        [[rule]]
        id = "escalate"
        kind = "escalation"
        letters = 0
        """, line: 4, ["letters '0'", "at least 1"]),
    BadRulesFileCase(
        "a shortfall over the whole",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        critical_shortfall = 1.5
        """, line: 4, ["critical_shortfall '1.5'", "at most 1"]),
    BadRulesFileCase(
        "a shortfall of nothing",
        """
        [[rule]]
        id = "late"
        kind = "overdue_delivery"
        critical_shortfall = 0
        """, line: 4, ["critical_shortfall '0'", "more than 0"]),
    BadRulesFileCase(
        "negative periods",
        """
        [[rule]]
        id = "owed"
        kind = "arrears"
        threshold_periods = 0
        critical_periods = -1
        """, line: 5, ["critical_periods '-1'", "0 or more"]),
    BadRulesFileCase(
        "periods written as text",
        """
        [[rule]]
        id = "owed"
        kind = "arrears"
        threshold_periods = "one"
        """, line: 4, ["threshold_periods 'one'", "not a number"]),
    BadRulesFileCase(
        "enabled written as text",
        """
        [[rule]]
        id = "owed"
        kind = "arrears"
        enabled = "no"
        """, line: 4, ["enabled 'no'", "not true or false"]),
    BadRulesFileCase(
        "a severity that is not one of the three",
        """
        [[rule]]
        id = "no-household"
        kind = "sql"
        query = "SELECT 1"
        severity = "urgent"
        """, line: 5, ["severity 'urgent'", "warning, overdue or critical"]),
    BadRulesFileCase(
        "a sql rule without a query",
        """
        [[rule]]
        id = "owed"
        kind = "arrears"

        [[rule]]
        id = "no-household"
        kind = "sql"
        severity = "warning"
        """, line: 5, ["'no-household'", "without a query"]),
    BadRulesFileCase(
        "a sql rule with an empty query",
        """
        [[rule]]
        id = "no-household"
        kind = "sql"
        query = \"\"\"

        \"\"\"
        """, line: 4, ["'no-household'", "empty query"]),
    BadRulesFileCase(
        "a bad value in the second of two rules of a kind",
        """
        [[rule]]
        id = "bread"
        kind = "overdue_delivery"
        grace = "7 days"
        [rule.scope]
        decree = "bread-ration"

        [[rule]]
        id = "salt"
        kind = "overdue_delivery"
        # grace = "7 days" was too short
        grace = "14 dayz"
        """, line: 12, ["rule 'salt' grace '14 dayz'"]),
    BadRulesFileCase(
        "broken TOML",
        """
        [[rule]]
        id = "owed"
        kind = "arrears
        """, line: 3, []),
]

@Test(arguments: badRulesFiles)
func badRulesFilesAreErrorsNamingFileLineAndValue(_ c: BadRulesFileCase) {
    guard let error = rulesFileError(c.text, source: "dmitrov-rules.toml") else { return }
    #expect(error.code == .dataError)
    let place = "dmitrov-rules.toml" + (c.line.map { ", line \($0):" } ?? "")
    #expect(error.message.hasPrefix(place), "\(error.message) should start with \(place)")
    for m in c.mentions { #expect(error.message.contains(m), "\(error.message) should mention \(m)") }
    let sentence = error.message.replacingOccurrences(of: "e.g. ", with: "")
    #expect(c.line == nil || !sentence.dropLast().contains(". "), "\(error.message) should be one sentence")
}
