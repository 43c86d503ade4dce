/// `finding.cleared`: a finding of an earlier recorded check that no longer holds.
public struct FindingCleared: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.findingCleared
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var key: String
    public var rule: String
    public var severity: String
    public var message: String

    public init(key: String, rule: String, severity: String, message: String) {
        self.key = key
        self.rule = rule
        self.severity = severity
        self.message = message
    }

    public var event: LedgerEvent { .findingCleared(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case key, rule, severity, message }
}
