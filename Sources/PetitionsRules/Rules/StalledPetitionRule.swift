import PetitionsDomain

/// `stalled_petition`: a petition with no event for `after`; critical past `critical_after`, when set.
public struct StalledPetitionRule: Rule {
    public static let kind = RuleKind.stalledPetition
    public static let parameters = CodingKeys.allCases.map(\.rawValue)

    public var id: String
    public var enabled = true
    public var scope = RuleScope()
    /// No event for this long.
    public var after = Span(60, .days)
    /// From the last event, when it becomes critical (never by default).
    public var criticalAfter: Span?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case after
        case criticalAfter = "critical_after"
    }

    public init(id: String) { self.id = id }

    public init(from decoder: any Decoder) throws {
        let common = try RuleCommon(from: decoder)
        self.init(id: common.id)
        enabled = common.enabled
        scope = common.scope
        let c = try decoder.container(keyedBy: CodingKeys.self)
        after = try c.decodeIfPresent(Span.self, forKey: .after) ?? after
        criticalAfter = try c.decodeIfPresent(Span.self, forKey: .criticalAfter)
    }

    /// Each petition judged by the first rule whose scope takes it.
    public static func evaluate(_ rules: [StalledPetitionRule], in evaluation: inout Evaluation) -> [Finding] {
        var out: [Finding] = []
        let asOf = evaluation.asOf
        for p in evaluation.facts.petitions {
            guard let rule = rules.first(where: { $0.scope.takes(p) }) else { continue }
            let due = evaluation.memo.due(from: p.lastActivity, within: rule.after)
            guard asOf > due else { continue }
            var severity = Severity.overdue
            if let c = rule.criticalAfter, asOf > evaluation.memo.due(from: p.lastActivity, within: c) { severity = .critical }
            let quiet = p.lastActivity.days(until: asOf)
            out.append(
                Finding(
                    rule: rule.id, kind: kind, severity: severity, subject: FindingSubject(type: .petition, id: p.id, name: p.subject),
                    due: due, overdueSince: due.adding(days: 1), daysOverdue: due.days(until: asOf),
                    workingDaysOverdue: evaluation.memo.workingDays(after: due),
                    message:
                        "Petition \(p.id) of \(p.petitioner.name) to \(p.authority.name) (\(p.subject)) has had no event for \(Wording.count(quiet, "day")), since \(evaluation.memo.long(p.lastActivity)).",
                    action: "write to \(p.authority.name), or record what happened"))
        }
        return out
    }
}
