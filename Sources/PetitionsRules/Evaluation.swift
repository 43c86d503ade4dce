import PetitionsDomain

/// One run of the rules as of a day: the facts, the calendar, and what the kinds judged so far, which later kinds
/// read (arrears and escalation read the late deliveries, escalation the unanswered letters).
public struct Evaluation {
    public let rules: RuleSet
    public let calendar: WorkCalendar
    public let facts: Facts
    public let asOf: Day
    var memo: EngineMemo
    private var judgedLetters: [UnansweredLetter]?
    private var judgedDeliveries: [OverdueDelivery]?
    /// In a streaming check, what the later kinds need of the late deliveries, summed as they streamed by
    /// (`CheckStream`); the deliveries themselves and their findings are not here.
    let late: LateSummary?

    /// A run; `unanswered` and `overdue`, when given, are what the engine's listings returned for the same facts
    /// (letters with `all`), already worked out by the caller.
    init(
        rules: RuleSet, calendar: WorkCalendar, facts: Facts, asOf: Day, unanswered: [UnansweredLetter]?, overdue: [OverdueDelivery]?,
        late: LateSummary? = nil
    ) {
        self.late = late
        self.rules = rules
        self.calendar = calendar
        self.facts = facts
        self.asOf = asOf
        memo = EngineMemo(calendar: calendar, asOf: asOf)
        // Without `all`, the same letters less those no rule took or with nothing to say.
        judgedLetters = unanswered.map { $0.filter { $0.rule != nil && $0.severity != nil } }
        judgedDeliveries = overdue
    }

    /// The letters an unanswered_letter rule flags (overdue, critical, or warned of), oldest first.
    public mutating func unansweredLetters() -> [UnansweredLetter] {
        if let known = judgedLetters { return known }
        let rules = self.rules.enabled(UnansweredLetterRule.self)
        let fallback = self.rules.defaultReplyWindow
        let list =
            rules.isEmpty
            ? [] : UnansweredLetterRule.listing(rules, letters: facts.letters, fallback: fallback, asOf: asOf, all: false, memo: &memo)
        judgedLetters = list
        return list
    }

    /// The deliveries an overdue_delivery rule flags, by period.
    public mutating func overdueDeliveries() -> [OverdueDelivery] {
        if let known = judgedDeliveries { return known }
        let list = OverdueDeliveryRule.listing(rules.enabled(OverdueDeliveryRule.self), deliveries: facts.deliveries, asOf: asOf, memo: &memo)
        judgedDeliveries = list
        return list
    }

    /// The ids of the deliveries the arrears count: those an overdue_delivery rule lists or, when none is enabled,
    /// those not complete past the default grace (`OverdueDeliveryRule.defaultGrace`, as the report's arrears count
    /// them), so that an arrears rule alone still finds what is owed.
    mutating func lateDeliveryIDs() -> Set<Int64> {
        guard rules.enabled(OverdueDeliveryRule.self).isEmpty else { return Set(overdueDeliveries().map(\.delivery)) }
        var late = Set<Int64>()
        for d in facts.deliveries where asOf > memo.due(from: d.due, within: OverdueDeliveryRule.defaultGrace) { late.insert(d.id) }
        return late
    }

    /// The critically late deliveries by supplier and recipient handle (`"supplier/recipient"`): how many, and the
    /// place and run of the first in the overdue listing. Looked up, not searched, for each group of letters, so a
    /// ledger with many letters and many late deliveries stays linear.
    public mutating func criticalLate() -> [String: CriticalSupply] {
        if let late { return late.critical }
        var out: [String: CriticalSupply] = [:]
        for (i, o) in overdueDeliveries().enumerated() where o.severity == .critical {
            out["\(o.supplier)/\(o.recipient)", default: CriticalSupply(first: i, firstRun: o.consecutiveMissed)].count += 1
        }
        return out
    }
}

/// What a streaming check keeps of the late deliveries for the kinds judged after them: the arrears sums of each
/// enabled arrears rule, in their order, and the critically late deliveries by supplier and recipient.
public struct LateSummary {
    var arrears: [ArrearsTally]
    var critical: [String: CriticalSupply]
}

/// Critically late deliveries of one supplier to one recipient: how many, and the place in the overdue listing and the
/// run of consecutive missed periods of the first.
public struct CriticalSupply: Sendable {
    public var count = 0
    public var first: Int
    public var firstRun: Int
}
