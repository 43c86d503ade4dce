import Foundation
import PetitionsDomain

/// `sql`: an office's own rule, a SELECT returning subject, severity and message columns; each row is a finding.
///
/// The rule carries its query only: the application hands it to the store, which runs it read-only in its sandbox
/// and within a budget, and puts the rows in `Facts.queryRows` under the rule's id.
public struct SQLRule: Rule {
    public static let kind = RuleKind.sql
    public static let parameters = CodingKeys.allCases.map(\.rawValue)

    public var id: String
    public var enabled = true
    public var scope = RuleScope()
    /// The SELECT, returning subject, severity and message columns; `:as_of` is bound to the day.
    public var query: String
    /// The severity of a row that names none.
    public var severity = Severity.overdue

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case query, severity
    }

    public init(id: String, query: String) {
        self.id = id
        self.query = query
    }

    public init(from decoder: any Decoder) throws {
        let common = try RuleCommon(from: decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let query = try c.decodeIfPresent(String.self, forKey: .query) else {
            throw RuleParameter.missing(
                CodingKeys.query, "is a sql rule without a query; write query = \"\"\"SELECT … AS subject, … AS severity, … AS message …\"\"\".")
        }
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw RuleParameter.empty(CodingKeys.query, "has an empty query; write the SELECT that returns subject, severity and message columns.")
        }
        self.init(id: common.id, query: query)
        enabled = common.enabled
        scope = common.scope
        severity = try c.decodeIfPresent(Severity.self, forKey: .severity) ?? severity
    }

    /// Each row of each rule's query, as the store returned it.
    public static func evaluate(_ rules: [SQLRule], in evaluation: inout Evaluation) -> [Finding] {
        var out: [Finding] = []
        for rule in rules {
            for row in evaluation.facts.queryRows[rule.id] ?? [] {
                out.append(
                    Finding(
                        rule: rule.id, kind: kind, severity: row.severity.flatMap { Severity(rawValue: $0.lowercased()) } ?? rule.severity,
                        subject: FindingSubject(type: .sql, id: 0, name: row.subject), due: nil, overdueSince: nil, daysOverdue: 0,
                        workingDaysOverdue: 0, message: row.message, action: "see rule \(rule.id)"))
            }
        }
        return out
    }
}
