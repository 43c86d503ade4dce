import Foundation
import PetitionsDomain

extension Engine {
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

    // Longer than 60 lines on purpose: one pass over the late deliveries by recipient, decree and commodity.
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
                let amount = (o.uncountable ? "more than " : "") + Quantity.grouped(Quantity.amount(o.owed, in: unit))
                var kg = ""
                if unit.dimension == "mass", !o.uncountable {
                    kg = " (\(Quantity.grouped(Quantity.amount(o.owed, in: MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000)))) kg)"
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
                            "\(amount) \(unit.name) of \(commodity)\(kg) is owed to \(o.sample.recipient.name) under \(o.sample.decree.name): \(missed)\(since).",
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
                        "Petition \(p.id) of \(p.petitioner.name) to \(p.authority.name) (\(p.subject)) has had no event for \(Wording.count(quiet, "day")), since \(memo.long(p.lastActivity)).",
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
                        ? "the letter of \(oldestLetter.sent.longDescription) is \(Wording.count(oldestLetter.workingDaysOverdue, "working day")) past due"
                        : "\(list.count) letters are unanswered, the oldest of \(oldestLetter.sent.longDescription) \(Wording.count(oldestLetter.workingDaysOverdue, "working day")) past due"
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
