import PetitionsDomain

/// `arrears`: what is owed to a recipient under a decree, by commodity, summed over its late deliveries (those the
/// overdue_delivery rules list, or past the default grace of 7 days when none is enabled); flagged from
/// `threshold_periods` periods' worth, critical from `critical_periods`.
public struct ArrearsRule: Rule {
    public static let kind = RuleKind.arrears
    public static let parameters = CodingKeys.allCases.map(\.rawValue)

    public var id: String
    public var enabled = true
    public var scope = RuleScope()
    /// Flagged when what is owed reaches this many periods' worth (0: anything owed).
    public var thresholdPeriods = 0.0
    /// Critical when what is owed reaches this many periods' worth.
    public var criticalPeriods = 2.0

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case thresholdPeriods = "threshold_periods"
        case criticalPeriods = "critical_periods"
    }

    public init(id: String) { self.id = id }

    public init(from decoder: any Decoder) throws {
        let common = try RuleCommon(from: decoder)
        self.init(id: common.id)
        enabled = common.enabled
        scope = common.scope
        let c = try decoder.container(keyedBy: CodingKeys.self)
        for key in CodingKeys.allCases {
            guard let x = try c.decodeIfPresent(Double.self, forKey: key) else { continue }
            guard x.isFinite, x >= 0 else { throw RuleParameter.refused(key, "must be 0 or more periods") }
            if key == .thresholdPeriods { thresholdPeriods = x } else { criticalPeriods = x }
        }
    }

    /// Each rule over every late delivery its scope takes (or, in a streaming check, what `CheckStream` summed).
    public static func evaluate(_ rules: [ArrearsRule], in evaluation: inout Evaluation) -> [Finding] {
        if let late = evaluation.late {
            return zip(rules, late.arrears).flatMap { rule, tally in tally.findings(rule) }
        }
        let lateIDs = evaluation.lateDeliveryIDs()
        var out: [Finding] = []
        for rule in rules {
            var tally = ArrearsTally()
            for (i, d) in evaluation.facts.deliveries.enumerated() where lateIDs.contains(d.id) && rule.scope.takes(d) {
                tally.add(d, order: i)
            }
            out += tally.findings(rule)
        }
        return out
    }
}

/// What one arrears rule finds owed, by decree, recipient and commodity, summed one late delivery at a time in any
/// order: each sum is listed where its first delivery (the least `order`) would have put it.
struct ArrearsTally {
    private struct Key: Hashable {
        var decree: Int64
        var recipient: Int64
        var commodity: String
    }
    /// The delivery a sum is named after: its parties and the unit of the commodity.
    private struct Sample {
        var recipient: PartyName
        var decree: PartyName
        var supplier: PartyName
        var supplierParent: PartyName?
        var unit: MeasureUnit?
    }
    // `uncountable`: the sum ran past Int64 (stored amounts from before their bounds); `owed` then stops at its largest.
    private struct Owed {
        var key: Key
        var order: Int
        var owed: Int64 = 0
        var uncountable = false
        var perPeriod: Int64 = 0
        var periods = 0
        var first: Period?
        var sample: Sample
    }
    private var owing: [Owed] = []
    private var index: [Key: Int] = [:]

    /// Adds what `d` lacks of each commodity; `order` places it among the deliveries (the facts' order).
    mutating func add(_ d: LateDelivery, order: Int) {
        for (c, e) in d.expectedBase.sorted(by: { $0.key < $1.key }) {
            let short = e - min(e, d.receivedBase[c] ?? 0)
            guard short > 0 else { continue }
            let k = Key(decree: d.decree.id, recipient: d.recipient.id, commodity: c)
            let sample = Sample(recipient: d.recipient, decree: d.decree, supplier: d.supplier, supplierParent: d.supplierParent, unit: d.unitOf[c])
            let i: Int
            if let known = index[k] {
                i = known
                if order < owing[i].order {
                    owing[i].order = order
                    owing[i].sample = sample
                }
            } else {
                i = owing.count
                index[k] = i
                owing.append(Owed(key: k, order: order, sample: sample))
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

    /// The findings of `rule` over the sums, in the order of their first deliveries.
    func findings(_ rule: ArrearsRule) -> [Finding] {
        var out: [Finding] = []
        let sorted = owing.sorted { ($0.order, $0.key.commodity) < ($1.order, $1.key.commodity) }
        for o in sorted {
            guard o.owed > 0, o.perPeriod > 0 else { continue }
            let commodity = o.key.commodity
            let periodsOwed = Double(o.owed) / Double(o.perPeriod)
            guard periodsOwed >= rule.thresholdPeriods else { continue }
            let severity: Severity = periodsOwed >= rule.criticalPeriods ? .critical : .overdue
            let unit = o.sample.unit ?? MeasureUnit(name: "", dimension: "", base: 1)
            let amount = (o.uncountable ? "more than " : "") + Quantity.grouped(Quantity.amount(o.owed, in: unit))
            var kg = ""
            if unit.dimension == "mass", !o.uncountable {
                kg = " (\(Quantity.grouped(Quantity.amount(o.owed, in: MeasureUnit(name: "kg", dimension: "mass", base: 1_000_000_000)))) kg)"
            }
            // A period of which part came is not "missed" (DeliveryState).
            let missed = o.periods == 1 ? "1 period not delivered in full" : "\(o.periods) periods not delivered in full"
            let since = o.first.map { " since \($0.longDescription)" } ?? ""
            out.append(
                Finding(
                    rule: rule.id, kind: ArrearsRule.kind, severity: severity,
                    subject: FindingSubject(
                        type: .arrears, id: o.sample.recipient.id, name: "\(o.sample.recipient.handle) \(commodity) \(o.sample.decree.handle)"),
                    due: nil, overdueSince: nil, daysOverdue: 0, workingDaysOverdue: 0,
                    message:
                        "\(amount) \(unit.name) of \(commodity)\(kg) is owed to \(o.sample.recipient.name) under \(o.sample.decree.name): \(missed)\(since).",
                    action: severity == .critical && o.sample.supplierParent != nil
                        ? "escalate to \(o.sample.supplierParent?.name ?? "")" : "claim the arrears from \(o.sample.supplier.name)"))
        }
        return out
    }
}
