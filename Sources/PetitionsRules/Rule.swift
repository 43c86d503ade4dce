import PetitionsDomain

/// How serious a finding is: warning < overdue < critical.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case warning, overdue, critical

    public init(parsing text: String, field: String) throws {
        guard let s = Severity(rawValue: text.lowercased()) else {
            throw PetitionsError.invalid(field, text, "is not a severity; use warning, overdue or critical")
        }
        self = s
    }

    var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The kinds of rule the engine knows.
public enum RuleKind: String, Codable, Sendable, CaseIterable {
    case unansweredLetter = "unanswered_letter"
    case overdueDelivery = "overdue_delivery"
    case arrears
    case stalledPetition = "stalled_petition"
    case escalation
    case sql

    /// The parameter keys a rule of this kind accepts (besides id, kind, enabled and scope).
    public var parameters: [String] {
        switch self {
        case .unansweredLetter: return ["within", "critical_after", "warning_before"]
        case .overdueDelivery: return ["grace", "critical_consecutive", "critical_shortfall"]
        case .arrears: return ["threshold_periods", "critical_periods"]
        case .stalledPetition: return ["after", "critical_after"]
        case .escalation: return ["letters", "with_critical_supply"]
        case .sql: return ["query", "severity"]
        }
    }
}

/// Which records a rule looks at; every field narrows, nil means any.
public struct RuleScope: Codable, Sendable, Equatable {
    public var authority: String?
    public var decree: String?
    public var recipient: String?
    public var category: String?
    public init(authority: String? = nil, decree: String? = nil, recipient: String? = nil, category: String? = nil) {
        self.authority = authority
        self.decree = decree
        self.recipient = recipient
        self.category = category
    }
    public static let keys = ["authority", "decree", "recipient", "category"]
}

/// One configured rule: an id, a kind, a scope and parameters, each parameter with its default here and only here.
public struct Rule: Sendable, Equatable {
    public var id: String
    public var kind: RuleKind
    public var enabled: Bool = true
    public var scope = RuleScope()
    /// unanswered_letter: the reply window when neither the letter nor its authority has one.
    public var within = Span(20, .workingDays)
    /// unanswered_letter, stalled_petition: from the clock start, when it becomes critical.
    public var criticalAfter: Span?
    /// unanswered_letter: how long before the due day a warning is raised (none by default).
    public var warningBefore: Span?
    /// overdue_delivery: how long after its due day a delivery may still come.
    public var grace = Span(7, .days)
    /// overdue_delivery: critical when this many consecutive periods are missed.
    public var criticalConsecutive = 2
    /// overdue_delivery: critical when at least this fraction is short (none by default).
    public var criticalShortfall: Double?
    /// arrears: flagged when what is owed reaches this many periods' worth (0: anything owed).
    public var thresholdPeriods = 0.0
    /// arrears: critical when what is owed reaches this many periods' worth.
    public var criticalPeriods = 2.0
    /// stalled_petition: no event for this long.
    public var after = Span(60, .days)
    /// escalation: this many unanswered, overdue letters to one authority on a petition.
    public var letters = 2
    /// escalation: an overdue letter to a supplier whose deliveries to the petitioner are critical.
    public var withCriticalSupply = true
    /// sql: the SELECT, returning subject, severity and message columns.
    public var query: String?
    /// sql: the severity of a row that names none.
    public var severity = Severity.overdue

    public init(id: String, kind: RuleKind) {
        self.id = id
        self.kind = kind
        if kind == .unansweredLetter { criticalAfter = Span(40, .workingDays) }
    }
}

/// The rules in force: by default one of each built-in kind.
public struct RuleSet: Sendable, Equatable {
    public var rules: [Rule]
    public init(_ rules: [Rule]) { self.rules = rules }

    /// One rule of each kind but sql, with the default parameters.
    public static let defaults = RuleSet([
        Rule(id: "unanswered-letter", kind: .unansweredLetter),
        Rule(id: "overdue-delivery", kind: .overdueDelivery),
        Rule(id: "arrears", kind: .arrears),
        Rule(id: "stalled-petition", kind: .stalledPetition),
        Rule(id: "escalation", kind: .escalation),
    ])

    public func enabled(_ kind: RuleKind) -> [Rule] { rules.filter { $0.enabled && $0.kind == kind } }

    /// The reply window of the first enabled unanswered_letter rule (20 working days without one).
    public var defaultReplyWindow: Span { enabled(.unansweredLetter).first?.within ?? Span(20, .workingDays) }
}

/// What a finding is about.
public struct FindingSubject: Codable, Sendable, Hashable {
    public var type: String
    public var id: Int64
    public var name: String
    public init(type: String, id: Int64, name: String) {
        self.type = type
        self.id = id
        self.name = name
    }
}

/// One thing the rules flag: what, how serious, since when, and what to do next.
public struct Finding: Codable, Sendable, Hashable {
    public var rule: String
    public var kind: String
    public var severity: Severity
    public var subject: FindingSubject
    /// The day it was due, when it has one.
    public var due: Day?
    /// The first day it counted as overdue.
    public var overdueSince: Day?
    public var daysOverdue: Int
    public var workingDaysOverdue: Int
    public var message: String
    public var action: String
    /// The authority to write to next, when escalation is suggested.
    public var escalateTo: String?

    public init(
        rule: String, kind: String, severity: Severity, subject: FindingSubject, due: Day?, overdueSince: Day?, daysOverdue: Int,
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

    /// A stable key: the same rule about the same subject.
    public var key: String { "\(rule):\(subject.type):\(subject.id):\(subject.name)" }

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
