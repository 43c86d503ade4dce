import Foundation
import PetitionsDomain

extension Engine {
    // MARK: - Letters

    /// The reply window of a letter: its own, else its authority's, else the rule's.
    public func replyWindow(_ l: WaitingLetter, rule: Rule?) -> Span {
        l.ownWithin ?? l.authorityWithin ?? rule?.within ?? rules.defaultReplyWindow
    }

    /// The reply due day under the first unanswered_letter rule whose scope takes the letter.
    public func replyDue(_ l: WaitingLetter) -> Day {
        replyDue(l, rule: rules.enabled(.unansweredLetter).first { matches($0.scope, letter: l) })
    }

    /// The day a reply is due: the window from the clock start, then each extension, then moved on by the days
    /// its petition waited on the petitioner (up to `asOf`).
    public func replyDue(_ l: WaitingLetter, rule: Rule?, asOf: Day? = nil) -> Day {
        var memo = EngineMemo(calendar: calendar, asOf: asOf ?? l.clockStart)
        return replyDue(l, rule: rule, asOf: asOf, memo: &memo)
    }

    func replyDue(_ l: WaitingLetter, rule: Rule?, asOf: Day?, memo: inout EngineMemo) -> Day {
        var due = memo.due(from: l.clockStart, within: replyWindow(l, rule: rule))
        for e in l.extensions { due = memo.due(from: due, within: e) }
        return shifted(due, l, asOf: asOf)
    }

    func shifted(_ due: Day, _ l: WaitingLetter, asOf: Day?) -> Day {
        let paused = pausedDays(l, through: asOf ?? due)
        return paused > 0 ? calendar.nextWorkingDay(onOrAfter: due.adding(days: paused)) : due
    }

    func pausedDays(_ l: WaitingLetter, through end: Day) -> Int {
        var total = 0
        for p in l.pauses {
            let a = max(p.from, l.clockStart)
            let b = min(p.to ?? end, end)
            if b > a { total += a.days(until: b) }
        }
        return total
    }

    func matches(_ scope: RuleScope, letter l: WaitingLetter) -> Bool {
        if let a = scope.authority, a != l.to.handle { return false }
        if let r = scope.recipient, r != (l.petitioner?.handle ?? l.from.handle), r != l.from.handle { return false }
        if let c = scope.category, c != l.petitionCategory { return false }
        if scope.decree != nil { return false }
        return true
    }

    func matches(_ scope: RuleScope, delivery d: LateDelivery) -> Bool {
        if let a = scope.authority, a != d.supplier.handle { return false }
        if let r = scope.recipient, r != d.recipient.handle { return false }
        if let k = scope.decree, k != d.decree.handle { return false }
        if scope.category != nil { return false }
        return true
    }

    /// Letters waiting for a reply as of `asOf`, oldest first; with `all`, also those not yet due (severity nil).
    public func unanswered(_ letters: [WaitingLetter], asOf: Day, all: Bool = false) -> [(UnansweredLetter, Rule?)] {
        var memo = EngineMemo(calendar: calendar, asOf: asOf)
        return unanswered(letters, asOf: asOf, all: all, memo: &memo)
    }

    func unanswered(_ letters: [WaitingLetter], asOf: Day, all: Bool, memo: inout EngineMemo) -> [(UnansweredLetter, Rule?)] {
        let letterRules = rules.enabled(.unansweredLetter)
        var out: [(UnansweredLetter, Rule?)] = []
        for l in letters where l.sent <= asOf {
            let rule = letterRules.first { matches($0.scope, letter: l) }
            let due = replyDue(l, rule: rule, asOf: asOf, memo: &memo)
            var severity: Severity?
            var critical = due
            if let c = rule?.criticalAfter {
                critical = max(due, shifted(memo.due(from: l.clockStart, within: c), l, asOf: asOf))
            }
            if asOf > due {
                severity = rule?.criticalAfter != nil && asOf > critical ? .critical : .overdue
            } else if let w = rule?.warningBefore, isWithin(w, before: due, asOf: asOf) {
                severity = .warning
            }
            guard all || severity != nil else { continue }
            if rule == nil && !all { continue }
            let daysOverdue = max(0, due.days(until: asOf))
            let wd = memo.workingDays(after: due)
            let waited = l.sent.days(until: asOf)
            let what = "the letter of \(memo.long(l.sent)) (\(l.subject))"
            var message: String
            if asOf > due {
                message = "No reply from \(l.to.name) to \(what): \(Wording.count(waited, "day")), \(Wording.count(wd, "working day")) past due."
            } else {
                message = "No reply yet from \(l.to.name) to \(what): due \(memo.long(due))."
            }
            if !l.extensions.isEmpty { message += " Extended \(l.extensions.count) time\(l.extensions.count == 1 ? "" : "s")." }
            let escalate = (severity == .critical || l.followUps > 0) ? l.toParent : nil
            let action: String
            if asOf <= due {
                action = "wait for the reply, due \(memo.long(due))"
            } else if let p = escalate {
                action = "escalate to \(p.name) (petitions draft escalation\(l.petition.map { " --petition \($0)" } ?? ""))"
            } else {
                action = "remind \(l.to.name) (petitions draft reminder --letter \(l.id))"
            }
            out.append(
                (
                    UnansweredLetter(
                        letter: l.id, from: l.from.handle, fromName: l.from.name, to: l.to.handle, toName: l.to.name, subject: l.subject,
                        sent: l.sent,
                        due: due, daysWaiting: waited, daysOverdue: daysOverdue, workingDaysOverdue: wd, severity: severity,
                        petition: l.petition, followUps: l.followUps, escalateTo: escalate?.handle, message: message, action: action), rule
                ))
        }
        // By (sent, id), on keys taken out once: comparing inside the large elements copied them on every step.
        let keys = out.map { ($0.0.sent, $0.0.letter) }
        var order = Array(out.indices)
        order.sort { keys[$0] < keys[$1] }
        return order.map { out[$0] }
    }

    func isWithin(_ w: Span, before due: Day, asOf: Day) -> Bool {
        guard asOf <= due else { return false }
        switch w.unit {
        case .workingDays: return calendar.workingDays(after: asOf, through: due) <= w.count
        case .days: return asOf.days(until: due) <= w.count
        case .weeks: return asOf.days(until: due) <= 7 * w.count
        case .months: return asOf.adding(months: w.count) >= due
        }
    }
}
