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
            // Each overdue letter its scope takes is given the number of its group, groups numbered as first met; the
            // letters' places are then laid out group by group in one array (a counting sort, stable within a group).
            // With an array a group (51,830 of them at a million letters), a dictionary growing as it went and each
            // group's letters copied, this rule was 17% of `check`'s samples there, most of it fresh pages; now 8%.
            var number: [Group: Int] = [:]
            number.reserveCapacity(letters.count)
            var taken: [(place: Int, group: Int)] = []
            taken.reserveCapacity(letters.count)
            for (i, u) in letters.enumerated() where (u.severity ?? .warning) >= .overdue {
                guard let l = byID(u.letter), rule.scope.takes(l) else { continue }
                let k = Group(petition: u.petition, letter: u.petition == nil ? u.letter : nil, to: u.to)
                let g: Int
                if let n = number[k] {
                    g = n
                } else {
                    g = number.count
                    number[k] = g
                }
                taken.append((i, g))
            }
            var start = [Int](repeating: 0, count: number.count + 1)
            for t in taken { start[t.group + 1] += 1 }
            for g in stride(from: 1, through: number.count, by: 1) { start[g] += start[g - 1] }
            var next = start
            var flat = [Int](repeating: 0, count: taken.count)
            for t in taken {
                flat[next[t.group]] = t.place
                next[t.group] += 1
            }
            out.reserveCapacity(out.count + number.count)
            for g in 0..<number.count {
                let places = flat[start[g]..<start[g + 1]]
                guard let firstPlace = places.first, let l = byID(letters[firstPlace].letter) else { continue }
                let first = letters[firstPlace]
                let critical = places.contains { letters[$0].severity == .critical }
                let petitioner = l.petitioner?.handle ?? l.from.handle
                let recipients = petitioner == l.from.handle ? [petitioner] : [petitioner, l.from.handle]
                // The critically late deliveries from this authority to the petitioner (and the writer), by supplier
                // and recipient: how many, and the run of the first of them in the overdue listing.
                let supplies = rule.withCriticalSupply ? recipients.compactMap { criticalLate["\(l.to.handle)/\($0)"] } : []
                let criticalSupply = (count: supplies.reduce(0) { $0 + $1.count }, first: supplies.min { $0.first < $1.first })
                guard places.count >= rule.letters || critical || criticalSupply.count > 0 else { continue }
                let oldest = places.max { letters[$0].daysOverdue < letters[$1].daysOverdue }.map { letters[$0] } ?? first
                var reasons = [
                    places.count == 1
                        ? "the letter of \(oldest.sent.longDescription) is \(Wording.count(oldest.workingDaysOverdue, "working day")) past due"
                        : "\(places.count) letters are unanswered, the oldest of \(oldest.sent.longDescription) \(Wording.count(oldest.workingDaysOverdue, "working day")) past due"
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
