import PetitionsDomain
import PetitionsRules
import Testing

/// The engine on hand-made facts: boundaries of every rule kind, table-driven.
@Suite struct EngineTests {
    static func day(_ s: String) -> Day { (try? Day(parsing: s)) ?? Day.minimum }
    static let moscow = PartyName(id: 3, handle: "moscow-supply", name: "Moscow postal-telegraph supply centre")
    static let commissariat = PartyName(id: 2, handle: "narkompochtel", name: "People's Commissariat of Posts and Telegraphs")
    static let employees = PartyName(id: 5, handle: "dmitrov-post", name: "Dmitrov employees")
    /// Monday to Friday, no holidays.
    static let weekdays = WorkCalendar()

    static func letter(
        _ id: Int64 = 1, sent: String, own: Span? = nil, authority: Span? = nil, extensions: [Span] = [], pauses: [DayRange] = [],
        followUps: Int = 0, petition: Int64? = 1, category: String? = nil
    ) -> WaitingLetter {
        WaitingLetter(
            id: id, from: employees, to: moscow, toParent: commissariat, sent: day(sent), clockStart: day(sent), subject: "Appeal",
            petition: petition, petitionCategory: category, petitioner: employees, ownWithin: own, authorityWithin: authority,
            extensions: extensions, pauses: pauses, followUps: followUps)
    }

    struct LetterCase: Sendable, CustomTestStringConvertible {
        var name: String
        var sent: String
        var own: Span?
        var asOf: String
        var due: String
        var severity: Severity?
        var workingDaysOverdue: Int
        var testDescription: String { name }
    }

    static let letterCases: [LetterCase] = [
        // 20 working days from Monday 1920-01-05 (the start day never counts): Monday 1920-02-02 (Mon–Fri calendar).
        LetterCase(
            name: "on the due day it is not overdue", sent: "1920-01-05", own: nil, asOf: "1920-02-02", due: "1920-02-02", severity: nil,
            workingDaysOverdue: 0),
        LetterCase(
            name: "the day after the due day it is", sent: "1920-01-05", own: nil, asOf: "1920-02-03", due: "1920-02-02", severity: .overdue,
            workingDaysOverdue: 1),
        // From Friday 1920-01-02 the 20th working day is Friday 1920-01-30; the weekend after it does not count.
        LetterCase(
            name: "a Monday after a Friday due day is one working day late", sent: "1920-01-02", own: nil, asOf: "1920-02-02", due: "1920-01-30",
            severity: .overdue, workingDaysOverdue: 1),
        // 40 working days from 1920-01-05 is Monday 1920-03-01.
        LetterCase(
            name: "on the 40th working day still only overdue", sent: "1920-01-05", own: nil, asOf: "1920-03-01", due: "1920-02-02",
            severity: .overdue,
            workingDaysOverdue: 20),
        LetterCase(
            name: "after 40 working days critical", sent: "1920-01-05", own: nil, asOf: "1920-03-02", due: "1920-02-02", severity: .critical,
            workingDaysOverdue: 21),
        LetterCase(
            name: "the letter's own window wins", sent: "1920-01-05", own: Span(5, .days), asOf: "1920-01-12", due: "1920-01-12", severity: nil,
            workingDaysOverdue: 0),
        LetterCase(
            name: "a Saturday start counts from the next Monday", sent: "1920-01-10", own: Span(1, .workingDays), asOf: "1920-01-13",
            due: "1920-01-12",
            severity: .overdue, workingDaysOverdue: 1),
    ]

    @Test(arguments: letterCases)
    func unansweredLetterBoundaries(_ c: LetterCase) {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let result = engine.unanswered([Self.letter(sent: c.sent, own: c.own)], asOf: Self.day(c.asOf), all: true)
        let u = result.first
        #expect(u?.due == Self.day(c.due))
        #expect(u?.severity == c.severity)
        #expect(u?.workingDaysOverdue == c.workingDaysOverdue)
    }

    @Test func theAuthorityWindowIsUsedWhenTheLetterHasNone() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let u = engine.unanswered([Self.letter(sent: "1920-01-05", authority: Span(2, .weeks))], asOf: Self.day("1920-01-20"), all: true)
        #expect(u.first?.due == Self.day("1920-01-19"))
        #expect(u.first?.severity == .overdue)
    }

    @Test func extensionsAndPausesMoveTheDueDay() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let extended = Self.letter(sent: "1920-01-05", extensions: [Span(5, .workingDays)])
        #expect(engine.replyDue(extended) == Self.day("1920-02-09"))
        // Paused for 7 days from 1920-01-10 to 1920-01-17: due Monday 1920-02-02 moves to Monday 1920-02-09.
        let paused = Self.letter(sent: "1920-01-05", pauses: [DayRange(from: Self.day("1920-01-10"), to: Self.day("1920-01-17"))])
        #expect(engine.replyDue(paused, rule: nil, asOf: Self.day("1920-03-01")) == Self.day("1920-02-09"))
        // A pause still running counts up to the as-of day.
        let running = Self.letter(sent: "1920-01-05", pauses: [DayRange(from: Self.day("1920-01-26"), to: nil)])
        let u = engine.unanswered([running], asOf: Self.day("1920-02-05"), all: true)
        #expect(u.first?.severity == nil, "the clock stopped on 26 January")
    }

    @Test func warningBeforeTheDueDay() {
        var rule = UnansweredLetterRule(id: "letters")
        rule.warningBefore = Span(3, .workingDays)
        let engine = Engine(rules: RuleSet([rule]), calendar: Self.weekdays)
        let letter = Self.letter(sent: "1920-01-05")
        // Due Monday 1920-02-02: on Tuesday 27 January four working days remain, on Wednesday the 28th three.
        #expect(engine.unanswered([letter], asOf: Self.day("1920-01-27")).isEmpty, "4 working days before: nothing")
        #expect(engine.unanswered([letter], asOf: Self.day("1920-01-28")).first?.severity == .warning)
        #expect(engine.unanswered([letter], asOf: Self.day("1920-02-02")).first?.severity == .warning)
    }

    @Test func scopeLimitsARuleToItsAuthority() {
        var other = UnansweredLetterRule(id: "other")
        other.scope = RuleScope(authority: "sovnarkom")
        let engine = Engine(rules: RuleSet([other]), calendar: Self.weekdays)
        #expect(engine.evaluate(Facts(letters: [Self.letter(sent: "1919-01-06")]), asOf: Self.day("1920-03-04")).isEmpty)
    }

    static func delivery(_ id: Int64, _ period: String, expected: Int64 = 1700, received: Int64 = 0, commodity: String = "wheat") -> LateDelivery {
        let funt = MeasureUnit(name: "funt", dimension: "mass", base: 409_512_410)
        let p = (try? Period(parsing: period)) ?? Period(containing: Day.minimum)
        let q = { (n: Int64) in QuantityValue(Quantity(base: n * funt.base, unit: funt, commodity: commodity)) }
        return LateDelivery(
            id: id, decree: PartyName(id: 1, handle: "decree-1918", name: "Decree of 15 August 1918"), recipient: employees,
            supplier: moscow, supplierParent: commissariat, period: p, due: p.first,
            lines: [DeliveryLine(commodity: commodity, expected: q(expected), received: q(received), shortfall: q(expected - received))],
            expectedBase: [commodity: expected * funt.base], receivedBase: [commodity: received * funt.base], unitOf: [commodity: funt])
    }

    @Test func overdueDeliveryGraceAndConsecutivePeriods() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        // January due Thursday 1920-01-01 + 7 days = Thursday 1920-01-08; late from the 9th.
        #expect(engine.overdue([Self.delivery(1, "1920-01")], asOf: Self.day("1920-01-08")).isEmpty)
        let one = engine.overdue([Self.delivery(1, "1920-01")], asOf: Self.day("1920-01-09"))
        #expect(one.first?.severity == .overdue, "one missed period")
        #expect(one.first?.daysOverdue == 8, "days late count from the due day (README, Days late), as in the drafts")
        let two = engine.overdue([Self.delivery(1, "1920-01"), Self.delivery(2, "1920-02")], asOf: Self.day("1920-03-04"))
        #expect(two.map(\.severity) == [.critical, .critical], "two consecutive periods missed")
        let gap = engine.overdue([Self.delivery(1, "1919-11"), Self.delivery(2, "1920-01")], asOf: Self.day("1920-03-04"))
        #expect(gap.map(\.severity) == [.overdue, .overdue], "not consecutive")
    }

    @Test func missedDeliveriesInTheFirstAndLastSupportedMonthsEndTheirRun() {
        // The walk back from 1000-01 and forward from 9999-12 stopped at the edge instead of standing on it for ever.
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let first = engine.overdue([Self.delivery(1, "1000-01"), Self.delivery(2, "1000-02")], asOf: Self.day("1000-06-01"))
        #expect(first.map(\.consecutiveMissed) == [2, 2])
        let last = engine.overdue([Self.delivery(1, "9999-11"), Self.delivery(2, "9999-12")], asOf: Day.maximum)
        #expect(last.map(\.consecutiveMissed) == [2, 2])
        #expect(!engine.evaluate(Facts(deliveries: [Self.delivery(1, "1000-01")]), asOf: Self.day("1000-06-01")).isEmpty)
    }

    @Test func arrearsPastWhatInt64HoldsAreSaidSoInsteadOfCrashing() {
        // Three periods of ten billion funt each (4.1e18 µg) add up past Int64: stored before amounts were bounded.
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let deliveries = [
            Self.delivery(1, "1920-01", expected: 10_000_000_000), Self.delivery(2, "1920-02", expected: 10_000_000_000),
            Self.delivery(3, "1920-03", expected: 10_000_000_000),
        ]
        let arrears = engine.evaluate(Facts(deliveries: deliveries), asOf: Self.day("1920-06-01")).filter { $0.kind == .arrears }
        #expect(arrears.count == 1)
        #expect(arrears.first?.message.contains("more than ") == true, "\(arrears)")
    }

    @Test func arrearsAreOwedWithoutAnOverdueDeliveryRule() {
        // Only an arrears rule, or overdue_delivery switched off: what is late past the default grace (7 days) is owed,
        // the same arrears as under the defaults (it used to be none: arrears counted only what that rule listed).
        var off = OverdueDeliveryRule(id: "overdue-delivery")
        off.enabled = false
        let deliveries = [Self.delivery(1, "1920-01"), Self.delivery(2, "1920-02", received: 560), Self.delivery(3, "1920-03")]
        let defaults = Engine(rules: .defaults, calendar: Self.weekdays)
        for rules in [RuleSet([ArrearsRule(id: "arrears")]), RuleSet([off, ArrearsRule(id: "arrears")])] {
            let engine = Engine(rules: rules, calendar: Self.weekdays)
            // March is due Monday 1920-03-01: within its grace on the 8th, owed from the 9th.
            for asOf in ["1920-01-08", "1920-01-09", "1920-03-08", "1920-03-09"] {
                let expected = defaults.evaluate(Facts(deliveries: deliveries), asOf: Self.day(asOf)).filter { $0.kind == .arrears }
                #expect(engine.evaluate(Facts(deliveries: deliveries), asOf: Self.day(asOf)) == expected, "\(asOf)")
            }
            let owed = engine.evaluate(Facts(deliveries: deliveries), asOf: Self.day("1920-03-09"))
            // 1700 + 1140 + 1700 funt: 4540 / 1700 ≈ 2.7 periods, critical from 2.
            #expect(owed.first?.message.contains("4,540 funt of wheat") == true, "\(owed)")
            #expect(owed.first?.severity == .critical)
        }
    }

    @Test func shortfallFractionMakesItCritical() {
        var rule = OverdueDeliveryRule(id: "late")
        rule.criticalShortfall = 0.5
        let engine = Engine(rules: RuleSet([rule]), calendar: Self.weekdays)
        #expect(engine.overdue([Self.delivery(1, "1920-01", received: 1000)], asOf: Self.day("1920-03-04")).first?.severity == .overdue)
        #expect(engine.overdue([Self.delivery(1, "1920-01", received: 800)], asOf: Self.day("1920-03-04")).first?.severity == .critical)
    }

    @Test func arrearsAddUpInTheDecreesUnitWithKilograms() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let findings = engine.evaluate(
            Facts(deliveries: [Self.delivery(1, "1920-01"), Self.delivery(2, "1920-02", received: 560)]),
            asOf: Self.day("1920-03-04"))
        let arrears = findings.filter { $0.kind == .arrears }
        #expect(arrears.count == 1)
        // 1700 + 1140 = 2840 funt = 1163.015 kg; 2840/1700 ≈ 1.67 periods: not yet critical at 2.
        #expect(arrears.first?.message.contains("2,840 funt of wheat (1,163.015 kg) is owed to") == true, "\(arrears)")
        #expect(arrears.first?.severity == .overdue)
    }

    @Test func arrearsKeepACommodityNameWithASlash() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let findings = engine.evaluate(
            Facts(deliveries: [
                Self.delivery(1, "1920-01", commodity: "rye/wheat flour"),
                Self.delivery(2, "1920-02", received: 560, commodity: "rye/wheat flour"),
            ]),
            asOf: Self.day("1920-03-04"))
        let arrears = findings.filter { $0.kind == .arrears }
        #expect(arrears.first?.message.contains("2,840 funt of rye/wheat flour (1,163.015 kg)") == true, "\(arrears)")
        #expect(arrears.first?.subject.name == "dmitrov-post rye/wheat flour decree-1918")
    }

    @Test func stalledPetition() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let p = PetitionActivity(
            id: 1, subject: "Provisions", petitioner: Self.employees, authority: Self.moscow, category: nil,
            opened: Self.day("1920-01-02"), lastActivity: Self.day("1920-01-02"))
        // 60 days after Friday 1920-01-02 is Wednesday 1920-03-02.
        #expect(engine.evaluate(Facts(petitions: [p]), asOf: Self.day("1920-03-02")).isEmpty)
        #expect(engine.evaluate(Facts(petitions: [p]), asOf: Self.day("1920-03-03")).first?.kind == .stalledPetition)
    }

    @Test func escalationAfterTwoUnansweredLettersNamesTheParent() {
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let one = engine.evaluate(Facts(letters: [Self.letter(1, sent: "1920-01-05")]), asOf: Self.day("1920-02-10"))
        #expect(!one.contains { $0.kind == .escalation }, "one overdue letter: remind, not escalate")
        let two = engine.evaluate(
            Facts(letters: [Self.letter(1, sent: "1920-01-05", followUps: 1), Self.letter(2, sent: "1920-01-06")]),
            asOf: Self.day("1920-02-10"))
        let escalation = two.first { $0.kind == .escalation }
        #expect(escalation?.escalateTo == "narkompochtel")
        #expect(escalation?.subject.type == .petition)
        #expect(escalation?.action.contains("People's Commissariat of Posts and Telegraphs") == true)
    }

    @Test func escalationCountsEachPetitionsLettersApart() {
        // Letters of two petitions to one authority, sent in turn, and one outside any petition: each petition's
        // letters are one group, counted and dated by its own oldest; the lone letter is reminded, not escalated.
        let engine = Engine(rules: .defaults, calendar: Self.weekdays)
        let letters = [
            Self.letter(1, sent: "1920-01-05", petition: 1), Self.letter(2, sent: "1920-01-06", petition: 2),
            Self.letter(3, sent: "1920-01-07", petition: 1), Self.letter(4, sent: "1920-01-09", petition: 2),
            Self.letter(5, sent: "1920-01-08", petition: 1), Self.letter(6, sent: "1920-01-05", petition: nil),
        ]
        let found = engine.evaluate(Facts(letters: letters), asOf: Self.day("1920-02-10")).filter { $0.kind == .escalation }
        #expect(found.map(\.subject.id).sorted() == [1, 2])
        let first = found.first { $0.subject.id == 1 }
        let second = found.first { $0.subject.id == 2 }
        #expect(first?.message.contains("3 letters are unanswered, the oldest of 5 January 1920 6 working days past due") == true)
        #expect(second?.message.contains("2 letters are unanswered, the oldest of 6 January 1920 5 working days past due") == true)
        #expect(first?.due == Self.day("1920-02-02"))
        #expect(second?.daysOverdue == 7)
    }
}
