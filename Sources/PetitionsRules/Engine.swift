import PetitionsDomain

/// The rule engine: pure functions of the rules, a calendar, the facts and the as-of day. It never reads a clock.
///
/// It runs each kind of `RuleRegistry` in turn over one `Evaluation`, and offers the listings the commands show
/// (`unanswered`, `overdue`) and the reply due day the store keeps with each letter.
public struct Engine: Sendable, ReplyDeadlines {
    public var rules: RuleSet
    public var calendar: WorkCalendar

    public init(rules: RuleSet, calendar: WorkCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

    // MARK: - Every rule

    /// Every finding as of `asOf`, most serious first.
    ///
    /// `unanswered` and `overdue`, when given, are what `unanswered(facts.letters, asOf:, all: true)` and
    /// `overdue(facts.deliveries, asOf:)` returned for the same facts: a report lists them too, and they are the bulk
    /// of the work.
    public func evaluate(_ facts: Facts, asOf: Day, unanswered: [UnansweredLetter]? = nil, overdue: [OverdueDelivery]? = nil) -> [Finding] {
        var evaluation = Evaluation(rules: rules, calendar: calendar, facts: facts, asOf: asOf, unanswered: unanswered, overdue: overdue)
        var findings: [Finding] = []
        for kind in RuleRegistry.types {
            findings += kind.evaluateEnabled(in: rules, &evaluation)
        }
        return Engine.sorted(findings)
    }

    /// Most serious first, then the longest overdue, then by subject.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        // On integer keys taken out once (the rule ids ranked), stable by position.
        let rules = ranks(findings.map(\.rule))
        let keys = findings.indices.map { i in
            (-findings[i].severity.rank, -findings[i].daysOverdue, findings[i].subject.type.rank, findings[i].subject.id, rules[i], i)
        }
        var order = Array(findings.indices)
        order.sort { keys[$0] < keys[$1] }
        return order.map { findings[$0] }
    }

    /// Each value's place among the distinct values in ascending order.
    static func ranks(_ values: [String]) -> [Int] {
        let rank = Dictionary(uniqueKeysWithValues: Set(values).sorted().enumerated().map { ($1, $0) })
        return values.map { rank[$0] ?? 0 }
    }

    // MARK: - Listings

    /// Letters waiting for a reply as of `asOf`, oldest first, each with the rule that judged it; with `all`, also
    /// those not yet due (severity nil) and those no rule takes.
    public func unanswered(_ letters: [WaitingLetter], asOf: Day, all: Bool = false) -> [UnansweredLetter] {
        var memo = EngineMemo(calendar: calendar, asOf: asOf)
        return UnansweredLetterRule.listing(
            rules.enabled(UnansweredLetterRule.self), letters: letters, fallback: rules.defaultReplyWindow, asOf: asOf, all: all, memo: &memo)
    }

    /// Deliveries still not complete after their due day plus the grace span, by period.
    public func overdue(_ deliveries: [LateDelivery], asOf: Day) -> [OverdueDelivery] {
        var memo = EngineMemo(calendar: calendar, asOf: asOf)
        return OverdueDeliveryRule.listing(rules.enabled(OverdueDeliveryRule.self), deliveries: deliveries, asOf: asOf, memo: &memo)
    }

    /// The latest due day of a delivery that is late as of `asOf`: past the grace of the first overdue_delivery rule.
    public func latestLateDue(asOf: Day) -> Day {
        let grace = rules.enabled(OverdueDeliveryRule.self).first?.grace ?? OverdueDeliveryRule.defaultGrace
        var d = asOf.adding(days: -1)
        for _ in 0..<800 where calendar.deadline(from: d, within: grace).due >= asOf {
            d = d.adding(days: -1)
        }
        return d
    }

    // MARK: - Reply due days

    /// The reply due day under the first unanswered_letter rule whose scope takes the letter.
    public func replyDue(_ l: WaitingLetter) -> Day {
        replyDue(l, rule: rules.enabled(UnansweredLetterRule.self).first { $0.scope.takes(l) })
    }

    /// The day a reply is due: the window from the clock start, then each extension, then moved on by the days
    /// its petition waited on the petitioner (up to `asOf`).
    public func replyDue(_ l: WaitingLetter, rule: UnansweredLetterRule?, asOf: Day? = nil) -> Day {
        var memo = EngineMemo(calendar: calendar, asOf: asOf ?? l.clockStart)
        return UnansweredLetterRule.replyDue(l, rule: rule, fallback: rules.defaultReplyWindow, asOf: asOf, memo: &memo)
    }
}
