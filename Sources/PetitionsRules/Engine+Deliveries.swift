import Foundation
import PetitionsDomain

extension Engine {
    // MARK: - Deliveries

    /// Deliveries still not complete after their due day plus the grace span, by period.
    // Longer than 60 lines on purpose: one pass over the late deliveries (runs of missed periods, severities, messages), kept together for speed at a million rows.
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
            // Days late are counted from the due day, as for letters and in drafts (README, "Days late"); the grace
            // only decides from when a delivery is listed (`since`).
            let days = d.due.days(until: asOf)
            let received = d.lines.filter { $0.received.amount > 0 }
            let got =
                received.isEmpty
                ? "nothing received"
                : "\(received.map(\.received.text).joined(separator: ", ")) of \(d.lines.map(\.expected.text).joined(separator: ", ")) received"
            let message =
                "\(d.recipient.name): \(memo.long(d.period)) under \(d.decree.name) not delivered (\(got)); due \(memo.long(d.due)), \(Wording.count(days, "day")) late, past its grace since \(memo.long(since))\(run > 1 ? ", \(run) consecutive periods missed" : "")."
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
}
