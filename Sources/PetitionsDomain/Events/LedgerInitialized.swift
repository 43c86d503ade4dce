/// `ledger.initialized`: the ledger created for an office, with the units it knows.
public struct LedgerInitialized: EventPayload, Equatable {
    public static let kind = LedgerEvent.Kind.ledgerInitialized
    public static let keys = Set(CodingKeys.allCases.map(\.rawValue))

    public var office: String
    public var units: [String]

    public init(office: String, units: [String]) {
        self.office = office
        self.units = units
    }

    public var event: LedgerEvent { .ledgerInitialized(self) }

    enum CodingKeys: String, CodingKey, CaseIterable { case office, units }
}
