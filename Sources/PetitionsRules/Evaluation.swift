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

    /// A run; `unanswered` and `overdue`, when given, are what the engine's listings returned for the same facts
    /// (letters with `all`), already worked out by the caller.
    init(rules: RuleSet, calendar: WorkCalendar, facts: Facts, asOf: Day, unanswered: [UnansweredLetter]?, overdue: [OverdueDelivery]?) {
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
}
