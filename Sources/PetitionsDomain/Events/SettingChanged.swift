/// `setting.changed`: the ledger's own calendar or rules stored (or removed).
public struct SettingChanged: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.settingChanged
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var key: String
    public var value: String?

    public init(key: String, value: String? = nil) {
        self.key = key
        self.value = value
    }

    public var event: LedgerEvent { .settingChanged(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case key, value }

    /// Every key is written, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(value, forKey: .value)
    }
}
