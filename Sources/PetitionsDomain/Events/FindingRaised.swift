/// `finding.raised`: a finding of a recorded check that appeared or changed severity.
public struct FindingRaised: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.findingRaised
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var key: String
    public var rule: String
    public var kind: String
    public var severity: String
    public var previousSeverity: String?
    public var message: String

    public init(key: String, rule: String, kind: String, severity: String, previousSeverity: String? = nil, message: String) {
        self.key = key
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.previousSeverity = previousSeverity
        self.message = message
    }

    public var event: LedgerEvent { .findingRaised(self) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, rule, kind, severity
        case previousSeverity = "previous_severity"
        case message
    }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(rule, forKey: .rule)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(previousSeverity, forKey: .previousSeverity)
        try c.encode(message, forKey: .message)
    }
}
