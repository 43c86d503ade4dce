import PetitionsDomain

/// `check` with the late deliveries streamed (`Ledger.scanLateDeliveries`, in no particular order) instead of read
/// whole: each is judged late or not as it comes, what the arrears rules need of it is summed, and it is kept
/// compactly (`HeldDeliveries`: ids, days and interned names, about 80 bytes). Then the runs of consecutive missed
/// periods and the severities are worked out over what is held, the critically late counted per supplier and recipient
/// for escalation (`LateSummary`), and each held delivery is worded as a finding only when written (`CheckFindings.each`).
///
/// It serves where `OverdueStream` serves (one enabled overdue_delivery rule without a scope); elsewhere
/// `Engine.checkStream(asOf:)` is nil and the whole-set `Engine.evaluate` stays.
public struct CheckStream {
    /// The latest due day of a late delivery: the store hands over those due on or before it.
    public var lastDue: Day { overdue.lastDue }
    let engine: Engine
    var overdue: OverdueStream
    let arrearsRules: [ArrearsRule]
    let escalates: Bool
    var tallies: [ArrearsTally]
    var held = HeldDeliveries()
    var judged = false

    /// Takes one delivery as the store hands it over, in any order (`Ledger.scanLateDeliveries`); `later` when it has a
    /// receipt after the day (`Ledger.lateDeliveries(asOf:)` lists those first, and the arrears follow that order).
    public mutating func add(_ d: LateDelivery, later: Bool) {
        guard overdue.isLate(d) else { return }
        held.append(d, later: later, shortCritical: overdue.rule.isShortCritical(d), days: d.due.days(until: overdue.asOf))
        // Ids are positive and far below 2^62: those with a later receipt first, then the others, each by id.
        let order = (later ? 0 : 1 << 62) + Int(d.id)
        for (i, rule) in arrearsRules.enumerated() where rule.scope.takes(d) { tallies[i].add(d, order: order) }
    }

    /// Works out the runs and severities of what is held, once, when the deliveries have all been added.
    private mutating func judgeHeld() {
        guard !judged else { return }
        held.judge(overdue.rule)
        judged = true
    }

    /// The `overdue` listing of the held deliveries that `keep` takes, in its order, as `Engine.overdue(_:asOf:)` lists
    /// them: `keep` is asked of each delivery's recipient, decree and supplier handles and its period (a report's
    /// scope); each entry is worded only when the section is read (`OverdueSection`).
    public mutating func overdueSection(keep: (_ recipient: String, _ decree: String, _ supplier: String, _ period: Period) -> Bool)
        -> OverdueSection
    {
        judgeHeld()
        let order = held.listingOrder().filter { n in
            let k = held.names(n)
            return keep(k.recipient, k.decree, k.supplier, k.period)
        }
        return OverdueSection(held: HeldSection(held: held, order: order, stream: overdue))
    }

    /// Every finding as of the day, most serious first: the other kinds judged over `facts` (its `deliveries` unused)
    /// and the held deliveries, merged as they are written. `unanswered`, when given, is the engine's listing of
    /// `facts.letters` with `all`, already worked out (a report lists it too).
    /// `facts` is consumed: the waiting letters in it are let go with the evaluation, before the findings are ordered.
    public mutating func finish(_ facts: consuming Facts, unanswered: [UnansweredLetter]? = nil) -> CheckFindings {
        judgeHeld()
        // Each kind's findings stay in the array it returned (appended into one, they were copied as it grew, and again
        // when sorted: a third of the peak at a million letters); only their order is worked out.
        var parts: [[Finding]] = []
        do {
            var evaluation = Evaluation(
                rules: engine.rules, calendar: engine.calendar, facts: facts, asOf: overdue.asOf, unanswered: unanswered, overdue: nil,
                late: LateSummary(arrears: tallies, critical: escalates ? held.criticalLate() : [:]))
            for kind in RuleRegistry.types {
                let found = kind.evaluateEnabled(in: engine.rules, &evaluation)
                if !found.isEmpty { parts.append(found) }
            }
        }
        var held = self.held
        held.sort()
        return CheckFindings(others: parts, held: held, overdue: overdue)
    }
}

extension Engine {
    /// A streaming check (`CheckStream`), or nil where the overdue listing needs the whole set of late deliveries
    /// (`overdueStream(asOf:)` is nil).
    public func checkStream(asOf: Day) -> CheckStream? {
        guard let overdue = overdueStream(asOf: asOf) else { return nil }
        let arrears = rules.enabled(ArrearsRule.self)
        return CheckStream(
            engine: self, overdue: overdue, arrearsRules: arrears, escalates: !rules.enabled(EscalationRule.self).isEmpty,
            tallies: arrears.map { _ in ArrearsTally() })
    }
}

/// Every finding of a check, most serious first, then the longest overdue, then by subject (`Engine.sorted`): the few
/// of most kinds held whole, the late deliveries' held compactly and worded one at a time as they are handed on.
public struct CheckFindings {
    /// The findings of the other kinds, each kind's as its rules returned them, and the order to hand them on in
    /// (`Engine.order`): the `i`th is `parts[order[i].part][order[i].index]`.
    private let parts: [[Finding]]
    private let order: [FindingPlace]
    private let held: HeldDeliveries
    private var overdue: OverdueStream?

    /// Findings already worked out whole (the present path: several overdue_delivery rules, a scope, a report), in
    /// their order.
    public init(_ findings: [Finding]) {
        parts = [findings]
        order = findings.indices.map { FindingPlace(part: 0, index: UInt32($0)) }
        held = HeldDeliveries()
        overdue = nil
    }

    /// The other kinds' findings as they were found, ordered here as `Engine.sorted` orders them all in one array.
    init(others: [[Finding]], held: HeldDeliveries, overdue: OverdueStream) {
        parts = others
        order = Engine.order(others)
        self.held = held
        self.overdue = overdue
    }

    /// The `i`th of the other findings in order.
    private func other(_ i: Int) -> Finding {
        let p = order[i]
        return parts[Int(p.part)][Int(p.index)]
    }

    private var othersCount: Int { order.count }

    /// How many findings there are.
    public var count: Int { othersCount + held.entries.count }

    /// How many findings are of `severity`.
    public func count(_ severity: Severity) -> Int {
        parts.reduce(0) { n, part in part.reduce(n) { $0 + ($1.severity == severity ? 1 : 0) } }
            + held.entries.reduce(0) { $0 + ($1.severity == severity.rank ? 1 : 0) }
    }

    /// Whether some finding is at least as serious as `severity`.
    public func contains(atLeast severity: Severity) -> Bool {
        parts.contains { $0.contains { $0.severity >= severity } } || held.entries.contains { $0.severity >= severity.rank }
    }

    /// Whether the next finding in order is the `j`th held one rather than the `i`th other one.
    private func heldFirst(_ i: Int, _ j: Int) -> Bool {
        if j == held.entries.count { return false }
        if i == othersCount { return true }
        // Subjects of deliveries are only the held ones here, so an other finding never ties with a held one.
        let f = other(i)
        let e = held.entries[j]
        return (-Int(e.severity), -Int(e.days), FindingSubject.SubjectType.delivery.rank, e.id)
            < (-f.severity.rank, -f.daysOverdue, f.subject.type.rank, f.subject.id)
    }

    /// Hands each finding to `body` in order; those of the late deliveries are worded as they go and not kept.
    public mutating func each(_ body: (Finding) throws -> Void) rethrows {
        var i = 0
        var j = 0
        while i < othersCount || j < held.entries.count {
            if heldFirst(i, j) {
                try body(heldFinding(j))
                j += 1
            } else {
                try body(other(i))
                i += 1
            }
        }
    }

    /// A report's headline over the findings it keeps: how many of each severity, and the message of the first (the
    /// most urgent). A late delivery's finding is kept when `keepDelivery` takes its id, and only the first kept is
    /// worded; any other finding when `keep` takes it.
    public mutating func headline(keepDelivery: (Int64) -> Bool, keep: (Finding) -> Bool) -> (counts: [Severity: Int], first: String?) {
        var counts: [Severity: Int] = [:]
        var first: String?
        var i = 0
        var j = 0
        while i < othersCount || j < held.entries.count {
            if heldFirst(i, j) {
                let e = held.entries[j]
                if keepDelivery(e.id), let s = Severity.allCases.first(where: { $0.rank == e.severity }) {
                    counts[s, default: 0] += 1
                    if first == nil { first = heldFinding(j).message }
                }
                j += 1
            } else {
                let f = other(i)
                if keep(f) {
                    counts[f.severity, default: 0] += 1
                    if first == nil { first = f.message }
                }
                i += 1
            }
        }
        return (counts, first)
    }

    /// The finding of the `n`th held delivery, worded as the whole-set check words it.
    private mutating func heldFinding(_ n: Int) -> Finding {
        // Judged late by this same stream when it was held, so it is listed again (and the stream is there).
        guard let o = overdue?.judge(held.delivery(n), run: Int(held.entries[n].run)), let f = overdue?.finding(o) else {
            preconditionFailure("a held delivery is late")
        }
        return f
    }
}
