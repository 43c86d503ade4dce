import PetitionsDomain

/// One thing the rules flag: which rule, how serious, about what, since when, and what to do next.
public struct Finding: Codable, Sendable, Hashable {
    /// The id of the rule that raised it.
    public var rule: String
    /// The kind of that rule.
    public var kind: RuleKind
    public var severity: Severity
    public var subject: FindingSubject
    /// The day it was due, when it has one.
    public var due: Day?
    /// The first day it counted as overdue.
    public var overdueSince: Day?
    public var daysOverdue: Int
    public var workingDaysOverdue: Int
    public var message: String
    /// The suggested action.
    public var action: String
    /// The authority to write to next, when escalation is suggested.
    public var escalateTo: String?

    public init(
        rule: String, kind: RuleKind, severity: Severity, subject: FindingSubject, due: Day?, overdueSince: Day?, daysOverdue: Int,
        workingDaysOverdue: Int, message: String, action: String, escalateTo: String? = nil
    ) {
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.subject = subject
        self.due = due
        self.overdueSince = overdueSince
        self.daysOverdue = daysOverdue
        self.workingDaysOverdue = workingDaysOverdue
        self.message = message
        self.action = action
        self.escalateTo = escalateTo
    }

    /// A stable key: the same rule about the same subject (recorded checks compare them across runs).
    public var key: String { "\(rule):\(subject.type.rawValue):\(subject.id):\(subject.name)" }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(subject, forKey: .subject)
        try c.encode(due, forKey: .due)
        try c.encode(overdueSince, forKey: .overdueSince)
        try c.encode(daysOverdue, forKey: .daysOverdue)
        try c.encode(workingDaysOverdue, forKey: .workingDaysOverdue)
        try c.encode(message, forKey: .message)
        try c.encode(action, forKey: .action)
        try c.encode(escalateTo, forKey: .escalateTo)
    }
}
