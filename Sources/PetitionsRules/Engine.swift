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
        order([findings]).map { findings[Int($0.index)] }
    }

    /// Where the findings of `parts`, taken as one array (the first part's, then the next's), go in `sorted`'s order:
    /// the same order without the copy of them all into one array, nor the sorted copy.
    static func order(_ parts: [[Finding]]) -> [FindingPlace] {
        // On integer keys taken out once (the rule ids ranked), stable by position (part, then index in it).
        var ids = Set<String>()
        for part in parts { for f in part { ids.insert(f.rule) } }
        let rank = Dictionary(uniqueKeysWithValues: ids.sorted().enumerated().map { ($1, $0) })
        var keys: [(Int, Int, Int, Int64, Int, Int)] = []
        keys.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for (p, part) in parts.enumerated() {
            for (i, f) in part.enumerated() {
                keys.append((-f.severity.rank, -f.daysOverdue, f.subject.type.rank, f.subject.id, rank[f.rule] ?? 0, p << 32 | i))
            }
        }
        var order = Array(keys.indices)
        order.sort { keys[$0] < keys[$1] }
        return order.map { FindingPlace(part: UInt32(keys[$0].5 >> 32), index: UInt32(truncatingIfNeeded: keys[$0].5)) }
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

/// Where a finding is among several arrays of them: which array, and where in it (`Engine.order`).
struct FindingPlace {
    var part: UInt32
    var index: UInt32
}
