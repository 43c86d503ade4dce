import PetitionsDomain

/// The `overdue` listing judged one delivery at a time, as the store hands them over in the listing's order with the
/// runs of consecutive missed periods already counted (`Ledger.streamLateDeliveries`), so that nothing is held whole.
///
/// It serves only where one rule judges every delivery: exactly one enabled overdue_delivery rule, with no scope (the
/// defaults, and any grace, critical_consecutive or critical_shortfall). Several rules, or a scope, decide per delivery
/// which rule and grace apply, and a run of missed periods counts the deliveries late under any of them: those keep
/// `Engine.overdue(_:asOf:)` over the whole set (`Engine.overdueStream(asOf:)` is nil for them).
public struct OverdueStream {
    /// The latest due day of a delivery that is past its grace as of the day: every one due on or before it is late,
    /// every one due after it is not (a due day plus a span never moves back as the due day moves on).
    public let lastDue: Day
    let rule: OverdueDeliveryRule
    let asOf: Day
    var memo: EngineMemo

    init?(rule: OverdueDeliveryRule, calendar: WorkCalendar, asOf: Day) {
        var memo = EngineMemo(calendar: calendar, asOf: asOf)
        // Back from the day before `asOf` to the first due day whose grace has run out; ten years of grace is the bound
        // (then the whole-set path serves).
        var d = asOf.adding(days: -1)
        var steps = 0
        while memo.due(from: d, within: rule.grace) >= asOf {
            steps += 1
            guard steps < 3_700, d > Day.minimum else { return nil }
            d = d.adding(days: -1)
        }
        self.lastDue = d
        self.rule = rule
        self.asOf = asOf
        self.memo = memo
    }

    /// The finding of an entry `judge` returned, as the whole-set check words it.
    mutating func finding(_ o: OverdueDelivery) -> Finding { OverdueDeliveryRule.finding(o, memo: &memo) }

    /// Whether a delivery is past its grace as of the day (whether `judge` lists it).
    mutating func isLate(_ d: LateDelivery) -> Bool { asOf > memo.due(from: d.due, within: rule.grace) }

    /// The listing's entry for a delivery late as of the day, in a run of `run` consecutive missed periods; nil for one
    /// still within its grace (none, when it was chosen by `lastDue`).
    public mutating func judge(_ d: LateDelivery, run: Int) -> OverdueDelivery? {
        let graceDue = memo.due(from: d.due, within: rule.grace)
        guard asOf > graceDue else { return nil }
        return OverdueDeliveryRule.judged(d, rule: rule, since: graceDue.adding(days: 1), run: run, asOf: asOf, memo: &memo)
    }
}

extension Engine {
    /// The overdue listing one delivery at a time (`OverdueStream`), or nil where the rules need the whole set of late
    /// deliveries at once: other than exactly one enabled overdue_delivery rule without a scope.
    public func overdueStream(asOf: Day) -> OverdueStream? {
        let enabled = rules.enabled(OverdueDeliveryRule.self)
        guard enabled.count == 1, let rule = enabled.first, rule.scope == RuleScope() else { return nil }
        return OverdueStream(rule: rule, calendar: calendar, asOf: asOf)
    }
}
