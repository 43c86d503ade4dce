import Foundation
import PetitionsDomain

/// What the rules read: facts gathered from the ledger as of a day.
public struct Facts: Sendable {
    public var letters: [WaitingLetter]
    public var deliveries: [LateDelivery]
    public var petitions: [PetitionActivity]
    public init(letters: [WaitingLetter] = [], deliveries: [LateDelivery] = [], petitions: [PetitionActivity] = []) {
        self.letters = letters
        self.deliveries = deliveries
        self.petitions = petitions
    }
}

/// A letter waiting for a reply, as the `unanswered` listing shows it.
public struct UnansweredLetter: Codable, Sendable, Hashable {
    public var letter: Int64
    public var from: String
    public var to: String
    public var toName: String
    public var subject: String
    public var sent: Day
    public var due: Day
    public var daysWaiting: Int
    public var daysOverdue: Int
    public var workingDaysOverdue: Int
    public var severity: Severity?
    public var petition: Int64?
    public var followUps: Int
    public var escalateTo: String?
    public var message: String
    public var action: String

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(letter, forKey: .letter)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(toName, forKey: .toName)
        try c.encode(subject, forKey: .subject)
        try c.encode(sent, forKey: .sent)
        try c.encode(due, forKey: .due)
        try c.encode(daysWaiting, forKey: .daysWaiting)
        try c.encode(daysOverdue, forKey: .daysOverdue)
        try c.encode(workingDaysOverdue, forKey: .workingDaysOverdue)
        try c.encode(severity, forKey: .severity)
        try c.encode(petition, forKey: .petition)
        try c.encode(followUps, forKey: .followUps)
        try c.encode(escalateTo, forKey: .escalateTo)
        try c.encode(message, forKey: .message)
        try c.encode(action, forKey: .action)
    }
}

/// A late delivery, as the `overdue` listing shows it.
public struct OverdueDelivery: Codable, Sendable, Hashable {
    public var delivery: Int64
    public var decree: String
    public var recipient: String
    public var supplier: String
    public var period: Period
    public var due: Day
    public var overdueSince: Day
    public var daysOverdue: Int
    public var severity: Severity
    public var consecutiveMissed: Int
    public var expected: [QuantityValue]
    public var received: [QuantityValue]
    public var shortfall: [QuantityValue]
    public var message: String
    public var action: String
}

/// The rule engine: pure functions of the rules, a calendar, the facts and the as-of day. It never reads a clock.
public struct Engine: Sendable, ReplyDeadlines {
    public var rules: RuleSet
    public var calendar: WorkCalendar

    public init(rules: RuleSet, calendar: WorkCalendar) {
        self.rules = rules
        self.calendar = calendar
    }

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
                message = "No reply from \(l.to.name) to \(what): \(waited) days, \(wd) working days past due."
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
                        letter: l.id, from: l.from.handle, to: l.to.handle, toName: l.to.name, subject: l.subject, sent: l.sent,
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

    // MARK: - Deliveries

    /// Deliveries still not complete after their due day plus the grace span, by period.
    public func overdue(_ deliveries: [LateDelivery], asOf: Day) -> [(OverdueDelivery, Rule)] {
        var memo = EngineMemo(calendar: calendar, asOf: asOf)
        return overdue(deliveries, asOf: asOf, memo: &memo)
    }

    func overdue(_ deliveries: [LateDelivery], asOf: Day, memo: inout EngineMemo) -> [(OverdueDelivery, Rule)] {
        let deliveryRules = rules.enabled(.overdueDelivery)
        // Positions in `deliveries` and in `deliveryRules`, not copies: at a million deliveries the copies of the
        // records and their rules were a fifth of the command's memory.
        var late: [(delivery: Int, rule: Int, since: Day)] = []
        for (i, d) in deliveries.enumerated() {
            guard let r = deliveryRules.firstIndex(where: { matches($0.scope, delivery: d) }) else { continue }
            let graceDue = memo.due(from: d.due, within: deliveryRules[r].grace)
            guard asOf > graceDue else { continue }
            late.append((i, r, graceDue.adding(days: 1)))
        }
        // Runs of consecutive missed periods per decree and recipient.
        struct Entitlement: Hashable {
            var decree: Int64
            var recipient: Int64
        }
        var periodsMissed: [Entitlement: Set<Period>] = [:]
        for l in late {
            let d = deliveries[l.delivery]
            periodsMissed[Entitlement(decree: d.decree.id, recipient: d.recipient.id), default: []].insert(d.period)
        }
        // By (period, recipient, decree), worked out before the listing is built so that it is built once, in order.
        // The handles are compared once each, to rank the distinct ones, and the sort compares integers: comparing
        // the strings on every step was a fifth of `overdue` at a million deliveries.
        let recipientRank = Engine.ranks(late.map { deliveries[$0.delivery].recipient.handle })
        let decreeRank = Engine.ranks(late.map { deliveries[$0.delivery].decree.handle })
        var order = Array(late.indices)
        order.sort { i, j in
            let (a, b) = (deliveries[late[i].delivery].period, deliveries[late[j].delivery].period)
            if a != b { return a < b }
            if recipientRank[i] != recipientRank[j] { return recipientRank[i] < recipientRank[j] }
            if decreeRank[i] != decreeRank[j] { return decreeRank[i] < decreeRank[j] }
            return i < j
        }
        var out: [(OverdueDelivery, Rule)] = []
        out.reserveCapacity(late.count)
        for n in order {
            let d = deliveries[late[n].delivery]
            let rule = deliveryRules[late[n].rule]
            let since = late[n].since
            let missed = periodsMissed[Entitlement(decree: d.decree.id, recipient: d.recipient.id)] ?? []
            var run = 1
            // Each walk stops at the edge of the supported months, where `previous` and `next` are nil.
            var p = d.period.previous
            while let q = p, missed.contains(q) {
                run += 1
                p = q.previous
            }
            p = d.period.next
            while let q = p, missed.contains(q) {
                run += 1
                p = q.next
            }
            var severity = Severity.overdue
            if run >= rule.criticalConsecutive { severity = .critical }
            if let f = rule.criticalShortfall, d.shortfallFraction >= f { severity = .critical }
            let days = since.days(until: asOf) + 1
            let received = d.lines.filter { $0.received.amount > 0 }
            let got =
                received.isEmpty
                ? "nothing received"
                : "\(received.map(\.received.text).joined(separator: ", ")) of \(d.lines.map(\.expected.text).joined(separator: ", ")) received"
            let message =
                "\(d.recipient.name): \(memo.long(d.period)) under \(d.decree.name) not delivered (\(got)); due \(memo.long(d.due)), late since \(memo.long(since)) (\(days) day\(days == 1 ? "" : "s"))\(run > 1 ? ", \(run) consecutive periods missed" : "")."
            let action: String
            if severity == .critical, let parent = d.supplierParent {
                action = "escalate to \(parent.name); record the receipt if it came"
            } else {
                action = "remind \(d.supplier.name); record the receipt if it came"
            }
            out.append(
                (
                    OverdueDelivery(
                        delivery: d.id, decree: d.decree.handle, recipient: d.recipient.handle, supplier: d.supplier.handle,
                        period: d.period, due: d.due, overdueSince: since, daysOverdue: days, severity: severity,
                        consecutiveMissed: run, expected: d.lines.map(\.expected), received: d.lines.map(\.received),
                        shortfall: d.lines.map(\.shortfall), message: message, action: action), rule
                ))
        }
        return out
    }

    /// Each value's place among the distinct values in ascending order.
    static func ranks(_ values: [String]) -> [Int] {
        let rank = Dictionary(uniqueKeysWithValues: Set(values).sorted().enumerated().map { ($1, $0) })
        return values.map { rank[$0] ?? 0 }
    }

    /// The latest due day of a delivery that is late as of `asOf`: past the grace of the first overdue_delivery rule.
    public func latestLateDue(asOf: Day) -> Day {
        let grace = rules.enabled(.overdueDelivery).first?.grace ?? Rule(id: "", kind: .overdueDelivery).grace
        var d = asOf.adding(days: -1)
        for _ in 0..<800 where calendar.deadline(from: d, within: grace).due >= asOf {
            d = d.adding(days: -1)
        }
        return d
    }

    // MARK: - Every rule

    /// Every finding as of `asOf`, most serious first.
    ///
    /// `unanswered` and `overdue`, when given, are what `unanswered(facts.letters, asOf:, all: true)` and
    /// `overdue(facts.deliveries, asOf:)` returned for the same facts: a report lists them too, and they are the bulk
    /// of the work.
    public func evaluate(
        _ facts: Facts, asOf: Day, unanswered listed: [(UnansweredLetter, Rule?)]? = nil,
        overdue listedLate: [(OverdueDelivery, Rule)]? = nil
    ) -> [Finding] {
        var memo = EngineMemo(calendar: calendar, asOf: asOf)
        var findings: [Finding] = []
        // Without `all`, the same letters less those with no rule or nothing to say.
        let letters =
            listed.map { $0.filter { $0.1 != nil && $0.0.severity != nil } } ?? unanswered(facts.letters, asOf: asOf, all: false, memo: &memo)
        for (u, rule) in letters {
            guard let rule, let s = u.severity else { continue }
            findings.append(
                Finding(
                    rule: rule.id, kind: rule.kind.rawValue, severity: s, subject: FindingSubject(type: "letter", id: u.letter, name: u.subject),
                    due: u.due, overdueSince: u.daysOverdue > 0 ? u.due.adding(days: 1) : nil, daysOverdue: u.daysOverdue,
                    workingDaysOverdue: u.workingDaysOverdue, message: u.message, action: u.action, escalateTo: u.escalateTo))
        }
        let late = listedLate ?? overdue(facts.deliveries, asOf: asOf, memo: &memo)
        for (o, rule) in late {
            findings.append(
                Finding(
                    rule: rule.id, kind: rule.kind.rawValue, severity: o.severity,
                    subject: FindingSubject(type: "delivery", id: o.delivery, name: "\(o.recipient) \(o.period)"),
                    due: o.due, overdueSince: o.overdueSince, daysOverdue: o.daysOverdue,
                    workingDaysOverdue: memo.workingDays(after: o.overdueSince.adding(days: -1)),
                    message: o.message, action: o.action))
        }
        findings += arrears(facts.deliveries, late: late, asOf: asOf)
        findings += stalled(facts.petitions, asOf: asOf, memo: &memo)
        // The listings as they are, not copies of their records: at a million deliveries the copies were tens of megabytes.
        findings += escalations(facts, letters: letters, late: late, asOf: asOf)
        return Engine.sorted(findings)
    }

    /// Most serious first, then the longest overdue, then by subject.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        // On integer keys taken out once (the few subject types and rule ids ranked), stable by position.
        let types = ranks(findings.map(\.subject.type))
        let rules = ranks(findings.map(\.rule))
        let keys = findings.indices.map { i in
            (-findings[i].severity.rank, -findings[i].daysOverdue, types[i], findings[i].subject.id, rules[i], i)
        }
        var order = Array(findings.indices)
        order.sort { keys[$0] < keys[$1] }
        return order.map { findings[$0] }
    }

    func arrears(_ deliveries: [LateDelivery], late: [(OverdueDelivery, Rule)], asOf: Day) -> [Finding] {
        let lateIDs = Set(late.map(\.0.delivery))
        var out: [Finding] = []
        for rule in rules.enabled(.arrears) {
            struct Key: Hashable {
                var decree: Int64
                var recipient: Int64
                var commodity: String
            }
            // `uncountable`: the sum ran past Int64 (stored amounts from before their bounds); `owed` then stops at its largest.
            struct Owed {
                var key: Key
                var owed: Int64 = 0
                var uncountable = false
                var perPeriod: Int64 = 0
                var periods = 0
                var first: Period?
                var sample: LateDelivery
            }
            // In the order first met; looked up by key.
            var owing: [Owed] = []
            var index: [Key: Int] = [:]
            for d in deliveries where lateIDs.contains(d.id) && matches(rule.scope, delivery: d) {
                for (c, e) in d.expectedBase.sorted(by: { $0.key < $1.key }) {
                    let short = e - min(e, d.receivedBase[c] ?? 0)
                    guard short > 0 else { continue }
                    let k = Key(decree: d.decree.id, recipient: d.recipient.id, commodity: c)
                    let i: Int
                    if let known = index[k] {
                        i = known
                    } else {
                        i = owing.count
                        index[k] = i
                        owing.append(Owed(key: k, sample: d))
                    }
                    let sum = owing[i].owed.addingReportingOverflow(short)
                    if sum.overflow {
                        owing[i].uncountable = true
                        owing[i].owed = Int64.max
                    } else {
                        owing[i].owed = sum.partialValue
                    }
                    owing[i].perPeriod = max(owing[i].perPeriod, e)
                    owing[i].periods += 1
                    if owing[i].first.map({ d.period < $0 }) ?? true { owing[i].first = d.period }
                }
            }
            for o in owing {
                guard o.owed > 0, o.perPeriod > 0 else { continue }
                let commodity = o.key.commodity
                let periodsOwed = Double(o.owed) / Double(o.perPeriod)
                guard periodsOwed >= rule.thresholdPeriods else { continue }
                let severity: Severity = periodsOwed >= rule.criticalPeriods ? .critical : .overdue
                let unit = o.sample.unitOf[commodity] ?? MeasureUnit(name: "", dimension: "", base: 1)
                let amount = (o.uncountable ? "more than " : "") + Quantity.format(Quantity.amount(o.owed, in: unit))
                var kg = ""
                if unit.dimension == "mass", !o.uncountable {
                    kg = " (\(Quantity.format(Quantity.amount(o.owed, in: MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000)))) kg)"
                }
                let missed = o.periods == 1 ? "1 period missed" : "\(o.periods) periods missed"
                let since = o.first.map { " since \($0.longDescription)" } ?? ""
                out.append(
                    Finding(
                        rule: rule.id, kind: rule.kind.rawValue, severity: severity,
                        subject: FindingSubject(
                            type: "arrears", id: o.sample.recipient.id, name: "\(o.sample.recipient.handle) \(commodity) \(o.sample.decree.handle)"),
                        due: nil, overdueSince: nil, daysOverdue: 0, workingDaysOverdue: 0,
                        message:
                            "\(o.sample.recipient.name) \(o.periods == 1 ? "is" : "are") owed \(amount) \(unit.name) of \(commodity)\(kg) under \(o.sample.decree.name): \(missed)\(since).",
                        action: severity == .critical && o.sample.supplierParent != nil
                            ? "escalate to \(o.sample.supplierParent?.name ?? "")" : "claim the arrears from \(o.sample.supplier.name)"))
            }
        }
        return out
    }

    func stalled(_ petitions: [PetitionActivity], asOf: Day, memo: inout EngineMemo) -> [Finding] {
        let petitionRules = rules.enabled(.stalledPetition)
        var out: [Finding] = []
        for p in petitions {
            guard
                let rule = petitionRules.first(where: { r in
                    (r.scope.authority == nil || r.scope.authority == p.authority.handle)
                        && (r.scope.recipient == nil || r.scope.recipient == p.petitioner.handle)
                        && (r.scope.category == nil || r.scope.category == p.category) && r.scope.decree == nil
                })
            else { continue }
            let due = memo.due(from: p.lastActivity, within: rule.after)
            guard asOf > due else { continue }
            var severity = Severity.overdue
            if let c = rule.criticalAfter, asOf > memo.due(from: p.lastActivity, within: c) { severity = .critical }
            let quiet = p.lastActivity.days(until: asOf)
            out.append(
                Finding(
                    rule: rule.id, kind: rule.kind.rawValue, severity: severity, subject: FindingSubject(type: "petition", id: p.id, name: p.subject),
                    due: due, overdueSince: due.adding(days: 1), daysOverdue: due.days(until: asOf),
                    workingDaysOverdue: memo.workingDays(after: due),
                    message:
                        "Petition \(p.id) of \(p.petitioner.name) to \(p.authority.name) (\(p.subject)) has had no event for \(quiet) days, since \(memo.long(p.lastActivity)).",
                    action: "write to \(p.authority.name), or record what happened"))
        }
        return out
    }

    func escalations(_ facts: Facts, letters: [(UnansweredLetter, Rule?)], late: [(OverdueDelivery, Rule)], asOf: Day) -> [Finding] {
        var out: [Finding] = []
        // Positions of the letters by id (the first of an id, as before), not copies of them.
        var position: [Int64: Int] = [:]
        for (i, l) in facts.letters.enumerated() where position[l.id] == nil { position[l.id] = i }
        let byID = { (id: Int64) -> WaitingLetter? in position[id].map { facts.letters[$0] } }
        // Critically late deliveries by supplier and recipient, in the order of `late`: looked up, not searched,
        // for each group of letters, so a ledger with many letters and many late deliveries stays linear.
        var criticalLate: [String: [(index: Int, delivery: OverdueDelivery)]] = [:]
        for (i, (o, _)) in late.enumerated() where o.severity == .critical {
            criticalLate["\(o.supplier)/\(o.recipient)", default: []].append((i, o))
        }
        for rule in rules.enabled(.escalation) {
            var groups: [String: [UnansweredLetter]] = [:]
            var order: [String] = []
            for (u, _) in letters where (u.severity ?? .warning) >= .overdue {
                guard let l = byID(u.letter), matches(rule.scope, letter: l) else { continue }
                let k = "\(u.petition.map(String.init) ?? "letter-\(u.letter)")/\(u.to)"
                if groups[k] == nil { order.append(k) }
                groups[k, default: []].append(u)
            }
            for k in order {
                guard let list = groups[k], let first = list.first, let l = byID(first.letter) else { continue }
                let critical = list.contains { $0.severity == .critical }
                let petitioner = l.petitioner?.handle ?? l.from.handle
                let recipients = petitioner == l.from.handle ? [petitioner] : [petitioner, l.from.handle]
                let criticalSupply =
                    rule.withCriticalSupply
                    ? recipients.flatMap { criticalLate["\(l.to.handle)/\($0)"] ?? [] }.sorted { $0.index < $1.index }.map(\.delivery) : []
                guard list.count >= rule.letters || critical || !criticalSupply.isEmpty else { continue }
                let oldestLetter = list.max { $0.daysOverdue < $1.daysOverdue } ?? first
                var reasons = [
                    list.count == 1
                        ? "the letter of \(oldestLetter.sent.longDescription) is \(oldestLetter.workingDaysOverdue) working days past due"
                        : "\(list.count) letters are unanswered, the oldest of \(oldestLetter.sent.longDescription) \(oldestLetter.workingDaysOverdue) working days past due"
                ]
                if critical { reasons.append("one is critically late") }
                if let s = criticalSupply.first {
                    reasons.append(
                        "\(criticalSupply.count) of its deliveries \(criticalSupply.count == 1 ? "is" : "are") critically late (\(s.consecutiveMissed) consecutive periods missed)"
                    )
                }
                let subject =
                    l.petition.map { FindingSubject(type: "petition", id: $0, name: l.subject) }
                    ?? FindingSubject(type: "letter", id: l.id, name: l.subject)
                let oldest = list.max { $0.daysOverdue < $1.daysOverdue } ?? first
                let to = l.toParent
                out.append(
                    Finding(
                        rule: rule.id, kind: rule.kind.rawValue, severity: critical || !criticalSupply.isEmpty ? .critical : .overdue,
                        subject: subject, due: oldest.due, overdueSince: oldest.due.adding(days: 1), daysOverdue: oldest.daysOverdue,
                        workingDaysOverdue: oldest.workingDaysOverdue,
                        message: "\(l.to.name) has not answered\(l.petition.map { " on petition \($0)" } ?? ""): \(reasons.joined(separator: "; ")).",
                        action: to.map { "escalate to \($0.name) (petitions draft escalation\(l.petition.map { " --petition \($0)" } ?? ""))" }
                            ?? "\(l.to.name) has no authority above it: write again, or publish the case",
                        escalateTo: to?.handle))
            }
        }
        return out
    }
}
