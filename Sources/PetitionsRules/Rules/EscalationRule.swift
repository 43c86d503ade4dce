import PetitionsDomain

/// `escalation`: an authority that leaves `letters` letters on a petition unanswered past their due days, or one of
/// them critically late, or (with `with_critical_supply`) whose deliveries to the petitioner are critically late:
/// write to the authority above it.
public struct EscalationRule: Rule {
    public static let kind = RuleKind.escalation
    public static let parameters = CodingKeys.allCases.map(\.rawValue)

    public var id: String
    public var enabled = true
    public var scope = RuleScope()
    /// This many unanswered, overdue letters to one authority on a petition.
    public var letters = 2
    /// An overdue letter to a supplier whose deliveries to the petitioner are critical.
    public var withCriticalSupply = true

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case letters
        case withCriticalSupply = "with_critical_supply"
    }

    public init(id: String) { self.id = id }

    public init(from decoder: any Decoder) throws {
        let common = try RuleCommon(from: decoder)
        self.init(id: common.id)
        enabled = common.enabled
        scope = common.scope
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .letters) {
            guard n >= 1 else { throw RuleParameter.refused(CodingKeys.letters, "must be at least 1") }
            letters = n
        }
        withCriticalSupply = try c.decodeIfPresent(Bool.self, forKey: .withCriticalSupply) ?? withCriticalSupply
    }

    /// Each rule over the overdue letters its scope takes, by petition (or letter) and authority.
    // Longer than 60 lines on purpose: one pass over the groups of letters, with the reasons worded as it goes.
    public static func evaluate(_ rules: [EscalationRule], in evaluation: inout Evaluation) -> [Finding] {
        var out: [Finding] = []
        let letters = evaluation.unansweredLetters()
        let criticalLate = evaluation.criticalLate()
        let facts = evaluation.facts
        // Positions of the letters by id (the first of an id, as before), not copies of them.
        var position: [Int64: Int] = [:]
        for (i, l) in facts.letters.enumerated() where position[l.id] == nil { position[l.id] = i }
        let byID = { (id: Int64) -> WaitingLetter? in position[id].map { facts.letters[$0] } }
        // A group is a petition (or a letter outside one) and the authority written to.
        struct Group: Hashable {
            var petition: Int64?
            var letter: Int64?
            var to: String
        }
        for rule in rules {
            // The places of the group's letters in `letters`, not copies of them (a sixth of `check`'s peak at a
            // million letters was these copies).
            var groups: [Group: [Int]] = [:]
            var order: [Group] = []
            for (i, u) in letters.enumerated() where (u.severity ?? .warning) >= .overdue {
                guard let l = byID(u.letter), rule.scope.takes(l) else { continue }
                let k = Group(petition: u.petition, letter: u.petition == nil ? u.letter : nil, to: u.to)
                if groups[k] == nil { order.append(k) }
                groups[k, default: []].append(i)
            }
            for k in order {
                guard let places = groups[k] else { continue }
                let list = places.map { letters[$0] }
                guard let first = list.first, let l = byID(first.letter) else { continue }
                let critical = list.contains { $0.severity == .critical }
                let petitioner = l.petitioner?.handle ?? l.from.handle
                let recipients = petitioner == l.from.handle ? [petitioner] : [petitioner, l.from.handle]
                // The critically late deliveries from this authority to the petitioner (and the writer), by supplier
                // and recipient: how many, and the run of the first of them in the overdue listing.
                let supplies = rule.withCriticalSupply ? recipients.compactMap { criticalLate["\(l.to.handle)/\($0)"] } : []
                let criticalSupply = (count: supplies.reduce(0) { $0 + $1.count }, first: supplies.min { $0.first < $1.first })
                guard list.count >= rule.letters || critical || criticalSupply.count > 0 else { continue }
                let oldestLetter = list.max { $0.daysOverdue < $1.daysOverdue } ?? first
                var reasons = [
                    list.count == 1
                        ? "the letter of \(oldestLetter.sent.longDescription) is \(Wording.count(oldestLetter.workingDaysOverdue, "working day")) past due"
                        : "\(list.count) letters are unanswered, the oldest of \(oldestLetter.sent.longDescription) \(Wording.count(oldestLetter.workingDaysOverdue, "working day")) past due"
                ]
                if critical { reasons.append("one is critically late") }
                if let s = criticalSupply.first {
                    reasons.append(
                        "\(criticalSupply.count) of its deliveries \(criticalSupply.count == 1 ? "is" : "are") critically late (\(DeliveryState.run(s.firstRun)))"
                    )
                }
                // A petition is named by its own subject, as `petition show` names it, not by the subject of one of its letters.
                let subject =
                    l.petition.map { FindingSubject(type: .petition, id: $0, name: l.petitionSubject ?? l.subject) }
                    ?? FindingSubject(type: .letter, id: l.id, name: l.subject)
                let oldest = list.max { $0.daysOverdue < $1.daysOverdue } ?? first
                let to = l.toParent
                out.append(
                    Finding(
                        rule: rule.id, kind: kind, severity: critical || criticalSupply.count > 0 ? .critical : .overdue,
                        subject: subject, due: oldest.due, overdueSince: oldest.due.adding(days: 1), daysOverdue: oldest.daysOverdue,
                        workingDaysOverdue: oldest.workingDaysOverdue,
                        message: Sentence(
                            "\(l.to.name) has not answered\(l.petition.map { " on petition \($0)" } ?? ""): \(reasons.joined(separator: "; "))."
                        ).text,
                        action: to.map { "escalate to \($0.name) (petitions draft escalation\(l.petition.map { " --petition \($0)" } ?? ""))" }
                            ?? "\(l.to.name) has no authority above it: write again, or publish the case",
                        escalateTo: to?.handle))
            }
        }
        return out
    }
}
