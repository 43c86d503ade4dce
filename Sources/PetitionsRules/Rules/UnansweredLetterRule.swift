import PetitionsDomain

/// `unanswered_letter`: a sent letter expecting a reply has none by its due day.
///
/// The reply is due within the letter's own window, else its authority's, else the rule's `within`; critical past
/// `critical_after` from the clock start; a warning `warning_before` the due day, when set.
public struct UnansweredLetterRule: Rule {
    public static let kind = RuleKind.unansweredLetter
    public static let parameters = CodingKeys.allCases.map(\.rawValue)
    /// The reply window when no rule, letter or authority has one.
    public static let defaultWithin = Span(20, .workingDays)

    public var id: String
    public var enabled = true
    public var scope = RuleScope()
    /// The reply window when neither the letter nor its authority has one.
    public var within = UnansweredLetterRule.defaultWithin
    /// From the clock start, when it becomes critical.
    public var criticalAfter = Span(40, .workingDays)
    /// How long before the due day a warning is raised (none by default).
    public var warningBefore: Span?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case within
        case criticalAfter = "critical_after"
        case warningBefore = "warning_before"
    }

    public init(id: String) { self.id = id }

    public init(from decoder: any Decoder) throws {
        let common = try RuleCommon(from: decoder)
        self.init(id: common.id)
        enabled = common.enabled
        scope = common.scope
        let c = try decoder.container(keyedBy: CodingKeys.self)
        within = try c.decodeIfPresent(Span.self, forKey: .within) ?? within
        criticalAfter = try c.decodeIfPresent(Span.self, forKey: .criticalAfter) ?? criticalAfter
        warningBefore = try c.decodeIfPresent(Span.self, forKey: .warningBefore)
    }

    public static func evaluate(_ rules: [UnansweredLetterRule], in evaluation: inout Evaluation) -> [Finding] {
        evaluation.unansweredLetters().compactMap { u in
            guard let rule = u.rule, let s = u.severity else { return nil }
            return Finding(
                rule: rule, kind: kind, severity: s, subject: FindingSubject(type: .letter, id: u.letter, name: u.subject),
                due: u.due, overdueSince: u.daysOverdue > 0 ? u.due.adding(days: 1) : nil, daysOverdue: u.daysOverdue,
                workingDaysOverdue: u.workingDaysOverdue, message: u.message, action: u.action, escalateTo: u.escalateTo)
        }
    }

    // MARK: - The listing

    /// Letters waiting for a reply as of `asOf`, oldest first, each judged by the first of `rules` whose scope takes
    /// it; with `all`, also those not yet due (severity nil) and those no rule takes. `fallback` is the reply window
    /// of a letter no rule takes.
    static func listing(
        _ rules: [UnansweredLetterRule], letters: [WaitingLetter], fallback: Span, asOf: Day, all: Bool, memo: inout EngineMemo
    ) -> [UnansweredLetter] {
        var out: [UnansweredLetter] = []
        for l in letters {
            if let u = judged(l, rules: rules, fallback: fallback, asOf: asOf, all: all, memo: &memo) { out.append(u) }
        }
        // By (sent, id), on keys taken out once: comparing inside the large elements copied them on every step.
        let keys = out.map { ($0.sent, $0.letter) }
        var order = Array(out.indices)
        order.sort { keys[$0] < keys[$1] }
        return order.map { out[$0] }
    }

    /// One waiting letter's entry in the listing as of `asOf` (due day, severity, message, action), judged by the first
    /// of `rules` whose scope takes it; nil for a letter sent after the day, and without `all` for one no rule takes
    /// or not yet late. Each letter is judged on its own facts, so the listing and `UnansweredStream` share this.
    static func judged(
        _ l: WaitingLetter, rules: [UnansweredLetterRule], fallback: Span, asOf: Day, all: Bool, memo: inout EngineMemo
    ) -> UnansweredLetter? {
        guard l.sent <= asOf else { return nil }
        let rule = rules.first { $0.scope.takes(l) }
        guard all || rule != nil else { return nil }
        let due = replyDue(l, rule: rule, fallback: fallback, asOf: asOf, memo: &memo)
        var severity: Severity?
        if asOf > due, let rule {
            let critical = max(due, shifted(memo.due(from: l.clockStart, within: rule.criticalAfter), l, asOf: asOf, calendar: memo.calendar))
            severity = asOf > critical ? .critical : .overdue
        } else if asOf > due {
            severity = .overdue
        } else if let w = rule?.warningBefore, isWithin(w, before: due, asOf: asOf, calendar: memo.calendar) {
            severity = .warning
        }
        guard all || severity != nil else { return nil }
        let daysOverdue = max(0, due.days(until: asOf))
        let wd = memo.workingDays(after: due)
        let waited = l.sent.days(until: asOf)
        let what = Sentence("the letter of \(memo.long(l.sent)) (\(l.subject))").text
        var message: String
        if asOf > due {
            // The wait and the lateness apart, each named: "44 days, 20 working days past due" read as 44 days past
            // due, and the calendar days past due (the CSV's days_overdue) were nowhere in the text.
            message =
                Sentence(
                    "No reply from \(l.to.name) to \(what): waiting \(Wording.count(waited, "day")); due \(memo.long(due)), \(Wording.count(daysOverdue, "day")) (\(Wording.count(wd, "working day"))) past due."
                ).text
        } else {
            message = Sentence("No reply yet from \(l.to.name) to \(what): due \(memo.long(due)).").text
        }
        // "Extended 1 time." said neither what was extended nor read as English.
        let n = l.extensions.count
        if n > 0 { message += " Its due day was extended \(n == 1 ? "once" : n == 2 ? "twice" : "\(n) times")." }
        let escalate = (severity == .critical || l.followUps > 0) ? l.toParent : nil
        let action: String
        if asOf <= due {
            action = Sentence("wait for the reply, due \(memo.long(due))").text
        } else if let p = escalate {
            action = "escalate to \(p.name) (petitions draft escalation\(l.petition.map { " --petition \($0)" } ?? ""))"
        } else {
            action = Sentence("remind \(l.to.name) (petitions draft reminder --letter \(l.id))").text
        }
        return UnansweredLetter(
            letter: l.id, from: l.from.handle, fromName: l.from.name, to: l.to.handle, toName: l.to.name, subject: l.subject, sent: l.sent,
            due: due, daysWaiting: waited, daysOverdue: daysOverdue, workingDaysOverdue: wd, severity: severity, petition: l.petition,
            followUps: l.followUps, escalateTo: escalate?.handle, message: message, action: action, rule: rule?.id)
    }

    static func isWithin(_ w: Span, before due: Day, asOf: Day, calendar: WorkCalendar) -> Bool {
        guard asOf <= due else { return false }
        switch w.unit {
        case .workingDays: return calendar.workingDays(after: asOf, through: due) <= w.count
        case .days: return asOf.days(until: due) <= w.count
        case .weeks: return asOf.days(until: due) <= 7 * w.count
        case .months: return asOf.adding(months: w.count) >= due
        }
    }

    // MARK: - Reply due days

    /// The day a reply is due: the window (the letter's own, else its authority's, else the rule's, else
    /// `fallback`) from the clock start, then each extension, then moved on by the days its petition waited on the
    /// petitioner (up to `asOf`, else the due day).
    static func replyDue(_ l: WaitingLetter, rule: UnansweredLetterRule?, fallback: Span, asOf: Day?, memo: inout EngineMemo) -> Day {
        var due = memo.due(from: l.clockStart, within: l.ownWithin ?? l.authorityWithin ?? rule?.within ?? fallback)
        for e in l.extensions { due = memo.due(from: due, within: e) }
        return shifted(due, l, asOf: asOf, calendar: memo.calendar)
    }

    static func shifted(_ due: Day, _ l: WaitingLetter, asOf: Day?, calendar: WorkCalendar) -> Day {
        let paused = pausedDays(l, through: asOf ?? due)
        return paused > 0 ? calendar.nextWorkingDay(onOrAfter: due.adding(days: paused)) : due
    }

    static func pausedDays(_ l: WaitingLetter, through end: Day) -> Int {
        var total = 0
        for p in l.pauses {
            let a = max(p.from, l.clockStart)
            let b = min(p.to ?? end, end)
            if b > a { total += a.days(until: b) }
        }
        return total
    }
}
