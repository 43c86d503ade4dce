import Foundation
import PetitionsApp
import PetitionsDomain
import PetitionsRules
import Testing

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
