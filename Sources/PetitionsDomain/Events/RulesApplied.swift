/// `rules.applied`: every waiting letter's due day recomputed.
public struct RulesApplied: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.rulesApplied
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var changed: Int64
    public var reason: String

    public init(changed: Int64, reason: String) {
        self.changed = changed
        self.reason = reason
    }

    public var event: LedgerEvent { .rulesApplied(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case changed, reason }
}
