import PetitionsDomain

/// `overdue_delivery`: a delivery not complete after its due day plus `grace`; critical when `critical_consecutive`
/// periods in a row are missed, or when at least `critical_shortfall` of it is short.
public struct OverdueDeliveryRule: Rule {
    public static let kind = RuleKind.overdueDelivery
    public static let parameters = CodingKeys.allCases.map(\.rawValue)
    /// How long after its due day a delivery may still come, when no rule says.
    public static let defaultGrace = Span(7, .days)

    public var id: String
    public var enabled = true
    public var scope = RuleScope()
    /// How long after its due day a delivery may still come.
    public var grace = OverdueDeliveryRule.defaultGrace
    /// Critical when this many consecutive periods are missed.
    public var criticalConsecutive = 2
    /// Critical when at least this fraction is short (none by default).
    public var criticalShortfall: Double?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case grace
        case criticalConsecutive = "critical_consecutive"
        case criticalShortfall = "critical_shortfall"
    }

    public init(id: String) { self.id = id }

    public init(from decoder: any Decoder) throws {
        let common = try RuleCommon(from: decoder)
        self.init(id: common.id)
        enabled = common.enabled
        scope = common.scope
        let c = try decoder.container(keyedBy: CodingKeys.self)
        grace = try c.decodeIfPresent(Span.self, forKey: .grace) ?? grace
        if let n = try c.decodeIfPresent(Int.self, forKey: .criticalConsecutive) {
            guard n >= 1 else { throw RuleParameter.refused(CodingKeys.criticalConsecutive, "must be at least 1") }
            criticalConsecutive = n
        }
        if let f = try c.decodeIfPresent(Double.self, forKey: .criticalShortfall) {
            guard f.isFinite, f > 0, f <= 1 else {
                throw RuleParameter.refused(CodingKeys.criticalShortfall, "must be a fraction more than 0 and at most 1, e.g. 0.5")
            }
            criticalShortfall = f
        }
    }

    /// The findings of the late deliveries; none when a streaming check holds them instead (`CheckStream`).
    public static func evaluate(_ rules: [OverdueDeliveryRule], in evaluation: inout Evaluation) -> [Finding] {
        guard evaluation.late == nil else { return [] }
        let late = evaluation.overdueDeliveries()
        var findings: [Finding] = []
        findings.reserveCapacity(late.count)
        for o in late { findings.append(finding(o, memo: &evaluation.memo)) }
        return findings
    }

    /// The finding of one entry of the overdue listing (the whole-set check and `CheckStream` both word it here).
    static func finding(_ o: OverdueDelivery, memo: inout EngineMemo) -> Finding {
        Finding(
            rule: o.rule, kind: kind, severity: o.severity,
            subject: FindingSubject(type: .delivery, id: o.delivery, name: "\(o.recipient) \(o.period)"),
            due: o.due, overdueSince: o.overdueSince, daysOverdue: o.daysOverdue,
            workingDaysOverdue: memo.workingDays(after: o.overdueSince.adding(days: -1)),
            message: o.message, action: o.action)
    }

    /// How serious a late delivery in a run of `run` consecutive missed periods is under `rule`.
    static func severity(_ d: LateDelivery, rule: OverdueDeliveryRule, run: Int) -> Severity {
        severity(run: run, shortCritical: rule.isShortCritical(d), rule: rule)
    }

    /// The same, from the run and whether enough of the delivery is short (`isShortCritical`).
    static func severity(run: Int, shortCritical: Bool, rule: OverdueDeliveryRule) -> Severity {
        run >= rule.criticalConsecutive || shortCritical ? .critical : .overdue
    }

    /// Whether at least `critical_shortfall` of a delivery is short.
    func isShortCritical(_ d: LateDelivery) -> Bool { criticalShortfall.map { d.shortfallFraction >= $0 } ?? false }

    // MARK: - The listing

    /// The deliveries late under the first of `rules` whose scope takes each, by (period, recipient, decree).
    static func listing(_ rules: [OverdueDeliveryRule], deliveries: [LateDelivery], asOf: Day, memo: inout EngineMemo) -> [OverdueDelivery] {
        // Positions in `deliveries` and in `rules`, not copies: at a million deliveries the copies of the
        // records and their rules were a fifth of the command's memory.
        var late: [(delivery: Int, rule: Int, since: Day)] = []
        for (i, d) in deliveries.enumerated() {
            guard let r = rules.firstIndex(where: { $0.scope.takes(d) }) else { continue }
            let graceDue = memo.due(from: d.due, within: rules[r].grace)
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
        var out: [OverdueDelivery] = []
        out.reserveCapacity(late.count)
        for n in order {
            let d = deliveries[late[n].delivery]
            let rule = rules[late[n].rule]
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
            out.append(judged(d, rule: rule, since: since, run: run, asOf: asOf, memo: &memo))
        }
        return out
    }

    /// One late delivery as the listing shows it, judged by `rule`: late since `since` (the day after its grace), in a
    /// run of `run` consecutive missed periods. The listing above and the streaming `OverdueStream` both use it, so
    /// their messages, severities and actions are the same.
    static func judged(
        _ d: LateDelivery, rule: OverdueDeliveryRule, since: Day, run: Int, asOf: Day, memo: inout EngineMemo
    ) -> OverdueDelivery {
        let severity = severity(d, rule: rule, run: run)
        // Days late are counted from the due day, as for letters and in drafts (README, "Days late"); the grace
        // only decides from when a delivery is listed (`since`).
        let days = d.due.days(until: asOf)
        let received = d.lines.filter { $0.received.amount > 0 }
        let state = DeliveryState(anyReceived: !received.isEmpty)
        let owed = d.lines.filter { $0.shortfall.amount > 0 }.map(\.shortfall.text).joined(separator: ", ")
        let got =
            received.isEmpty
            ? "nothing received"
            : Sentence("\(received.map(\.received.text).joined(separator: ", ")) of \(d.lines.map(\.expected.text).joined(separator: ", ")) received")
                .text
                + received.filter { !$0.receivedAs.isEmpty }.map { "; \($0.commodity) came as \(DeliveryLine.amounts($0.receivedAs))" }
                .joined()
        let message = Sentence(
            "\(d.recipient.name): \(memo.long(d.period)) under \(d.decree.name) \(state.owing(owed)) (\(got)); due \(memo.long(d.due)), \(Wording.count(days, "day")) late, past its grace since \(memo.long(since))\(run > 1 ? ", \(DeliveryState.run(run))" : "")."
        ).text
        let action: String
        if severity == .critical, let parent = d.supplierParent {
            action = Sentence("escalate to \(parent.name); record the receipt if it came").text
        } else {
            action = Sentence("remind \(d.supplier.name); record the receipt if it came").text
        }
        var late = OverdueDelivery(
            delivery: d.id, decree: d.decree.handle, recipient: d.recipient.handle, supplier: d.supplier.handle,
            period: d.period, due: d.due, overdueSince: since, daysOverdue: days, severity: severity,
            consecutiveMissed: run, expected: d.lines.map(\.expected), received: d.lines.map(\.received),
            shortfall: d.lines.map(\.shortfall), message: message, action: action, rule: rule.id)
        for l in d.lines where !l.receivedAs.isEmpty { late.receivedAs[l.commodity] = l.receivedAs }
        return late
    }
}
