import PetitionsDomain
import PetitionsRules
import Testing

/// The registry of kinds, each kind's defaults, and the sql kind judging the rows the store hands it.
@Suite struct RuleRegistryTests {
    @Test(arguments: RuleKind.allCases)
    func everyKindIsRegisteredUnderItsOwnName(_ kind: RuleKind) {
        #expect(RuleRegistry.type(of: kind).kind == kind)
        #expect(RuleRegistry.types.filter { $0.kind == kind }.count == 1)
    }

    @Test func theKindsTakeTheParametersTheRulesFileDocuments() {
        #expect(RuleKind.unansweredLetter.parameters == ["within", "critical_after", "warning_before"])
        #expect(RuleKind.overdueDelivery.parameters == ["grace", "critical_consecutive", "critical_shortfall"])
        #expect(RuleKind.arrears.parameters == ["threshold_periods", "critical_periods"])
        #expect(RuleKind.stalledPetition.parameters == ["after", "critical_after"])
        #expect(RuleKind.escalation.parameters == ["letters", "with_critical_supply"])
        #expect(RuleKind.sql.parameters == ["query", "severity"])
    }

    @Test func theDefaultsAreOneRuleOfEachKindButSQLEachWithItsKindsDefaults() {
        #expect(RuleSet.defaults.rules.map(\.kind) == [.unansweredLetter, .overdueDelivery, .arrears, .stalledPetition, .escalation])
        let letters = RuleSet.defaults.enabled(UnansweredLetterRule.self)
        #expect(letters.map(\.within) == [Span(20, .workingDays)])
        #expect(letters.map(\.criticalAfter) == [Span(40, .workingDays)])
        #expect(RuleSet.defaults.enabled(OverdueDeliveryRule.self).map(\.grace) == [Span(7, .days)])
        #expect(RuleSet.defaults.enabled(StalledPetitionRule.self).map(\.criticalAfter) == [nil])
        #expect(RuleSet.defaults.enabled(EscalationRule.self).map(\.letters) == [2])
        #expect(RuleSet.defaults.enabled(SQLRule.self).isEmpty)
    }

    @Test func aRuleSwitchedOffJudgesNothing() {
        var off = OverdueDeliveryRule(id: "late")
        off.enabled = false
        let engine = Engine(rules: RuleSet([off]), calendar: EngineTests.weekdays)
        let delivery = EngineTests.delivery(1, "1920-01")
        #expect(engine.overdue([delivery], asOf: EngineTests.day("1920-03-04")).isEmpty)
        #expect(engine.evaluate(Facts(deliveries: [delivery]), asOf: EngineTests.day("1920-03-04")).isEmpty)
    }

    @Test func aSQLRuleTurnsTheRowsOfItsQueryIntoFindings() {
        var rule = SQLRule(id: "no-household", query: "SELECT …")
        rule.severity = .warning
        let rows = [
            QueryRow(subject: "dmitrov-post", severity: nil, message: "No head-counts."),
            QueryRow(subject: "dmitrov-school", severity: "Critical", message: "No pupils."),
        ]
        let findings = Engine(rules: RuleSet([rule]), calendar: EngineTests.weekdays)
            .evaluate(Facts(queryRows: ["no-household": rows, "other": rows]), asOf: EngineTests.day("1920-03-04"))
        #expect(findings.map(\.severity) == [.critical, .warning], "most serious first; a row without a severity has the rule's")
        #expect(
            findings.map(\.subject) == [
                FindingSubject(type: .sql, id: 0, name: "dmitrov-school"), FindingSubject(type: .sql, id: 0, name: "dmitrov-post"),
            ])
        #expect(findings.allSatisfy { $0.kind == .sql && $0.rule == "no-household" && $0.action == "see rule no-household" })
    }

    @Test func aLetterIsJudgedByTheFirstRuleWhoseScopeTakesIt() {
        var narrow = UnansweredLetterRule(id: "moscow")
        narrow.scope = RuleScope(authority: "moscow-supply")
        narrow.within = Span(5, .days)
        let broad = UnansweredLetterRule(id: "any")
        let engine = Engine(rules: RuleSet([narrow, broad]), calendar: EngineTests.weekdays)
        // Five days from Monday 5 January is Saturday the 10th, so Monday the 12th; the broad rule's 20 working days run to 2 February.
        let listed = engine.unanswered([EngineTests.letter(sent: "1920-01-05")], asOf: EngineTests.day("1920-01-13"))
        #expect(listed.map(\.rule) == ["moscow"])
        #expect(listed.map(\.due) == [EngineTests.day("1920-01-12")])
        #expect(
            engine.evaluate(Facts(letters: [EngineTests.letter(sent: "1920-01-05")]), asOf: EngineTests.day("1920-01-13")).map(\.rule) == ["moscow"])
    }
}
